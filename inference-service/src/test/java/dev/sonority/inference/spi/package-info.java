/** Tests of the SPI's value types. */
package dev.sonority.inference.spi;
