/** Whole-application tests of the inference service (no database, no broker) and its architecture rules. */
package dev.sonority.inference;
