/** Test support shared by the inference-service tests: paths of the real weights, registries, PCM files, the python reference. */
package dev.sonority.inference.testing;
