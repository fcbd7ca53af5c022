/** Access control against the real API: the role table, keys, sessions and CSRF, switches, rate limits. */
package dev.sonority.api.access;
