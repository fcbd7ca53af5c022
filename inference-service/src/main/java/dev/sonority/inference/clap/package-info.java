/**
 * clap: LAION CLAP (HTSAT audio tower, RoBERTa text tower) in one 512-d space. Log-mel windows as LAION CLAP
 * computes them inside HTSAT (torchlibrosa), the towers AudioMuse-AI exported (its release clap_audio_model.onnx, clap_text_model.onnx), window pooling.
 */
package dev.sonority.inference.clap;
