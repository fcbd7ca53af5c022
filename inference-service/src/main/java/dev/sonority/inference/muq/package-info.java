/**
 * muq (MuQ-large-msd-iter, 1024-d, mean of the last hidden state over time) and muq_mulan (MuQ-MuLan-large,
 * audio and text towers in one 512-d space), both on 24 kHz waveforms in 10 s windows. Exported by
 * models/export_muq.py and models/export_muq_mulan.py.
 */
package dev.sonority.inference.muq;
