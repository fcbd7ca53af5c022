/** Tests of the LOG_FORMAT mapping. */
package dev.sonority.inference.logging;
