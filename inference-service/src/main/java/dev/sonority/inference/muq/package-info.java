/**
 * muq (MuQ-large-msd-iter, 1024-d, mean of the last hidden state over time) and muq_mulan (MuQ-MuLan-large,
 * audio and text towers in one 512-d space), both on 24 kHz waveforms in 10 s windows. muq is exported by
 * models/export_muq.py; muq_mulan is AudioMuse-AI's release export (weights in .onnx.data files).
 */
package dev.sonority.inference.muq;
