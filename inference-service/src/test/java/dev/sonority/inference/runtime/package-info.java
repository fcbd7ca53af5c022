/** Tests of the ONNX runtime wrapper: provider fallback, contract checks. */
package dev.sonority.inference.runtime;
