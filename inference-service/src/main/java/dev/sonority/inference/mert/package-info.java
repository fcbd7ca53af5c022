/**
 * mert: MERT-v1-330M (m-a-p), 24 kHz waveform, the mean of hidden layers 12-15 over time (as Lainbow pools
 * it), averaged over 10 s windows, L2-normalised; 1024-d. Exported by models/export_mert.py.
 */
package dev.sonority.inference.mert;
