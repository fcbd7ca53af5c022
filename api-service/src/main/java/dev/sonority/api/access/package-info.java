/** Access control: API keys with roles, the web UI's session sign-in, CSRF and request rate limits. */
package dev.sonority.api.access;
