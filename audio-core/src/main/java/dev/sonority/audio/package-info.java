/** Sonority's plain-Java audio library: decoding, tag reading, DSP and descriptors, with no Spring in it. */
package dev.sonority.audio;
