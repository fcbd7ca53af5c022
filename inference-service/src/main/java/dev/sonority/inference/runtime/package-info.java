/**
 * ONNX Runtime: one environment, sessions opened with the configured execution provider (CPU, CUDA, ROCm) and
 * thread counts, with a CPU fallback when the provider cannot load or a GPU runs out of memory.
 */
package dev.sonority.inference.runtime;
