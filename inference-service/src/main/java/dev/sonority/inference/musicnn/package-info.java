/**
 * MusiCNN (MSD) with its tag and mood heads, exactly as AudioMuse-AI runs it: librosa log-mel patches of 187
 * frames, the 200-d embedding averaged over patches, 50 tag scores (mean, then a second sigmoid) and six mood
 * probabilities (see ../shared/models/README.md).
 */
package dev.sonority.inference.musicnn;
