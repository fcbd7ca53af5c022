/** Messages that failed for good, kept so the API can show them. */
package dev.sonority.model.deadletter;
