/**
 * clap: LAION CLAP (HTSAT audio tower, RoBERTa text tower) in one 512-d space. Log-mel windows as LAION CLAP
 * computes them inside HTSAT (torchlibrosa), the exported towers (models/export_clap.py), window pooling.
 */
package dev.sonority.inference.clap;
