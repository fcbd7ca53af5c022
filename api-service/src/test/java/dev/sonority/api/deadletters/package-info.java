/** Tests of the dead-letter listing. */
package dev.sonority.api.deadletters;
