/** Benchmarks of audio-core's DSP and the built-in acoustic model. */
package dev.sonority.bench.dsp;
