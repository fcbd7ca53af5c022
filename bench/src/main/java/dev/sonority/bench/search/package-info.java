/** {@code ./sonority bench search}: similar-song latency, recall, throughput, index build, restart and memory. */
package dev.sonority.bench.search;
