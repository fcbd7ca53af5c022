/** Tests of the rule-based prompt reading. */
package dev.sonority.api.instant.rules;
