/** The bench dispatcher behind {@code ./sonority bench NAME}; the programs live in the sub-packages. */
package dev.sonority.bench;
