/**
 * The evolutionary search over clustering parameters: the ranges, random sampling and mutation of one run's
 * parameters, the elite set and early stop, and a local driver that runs the batches in this process.
 */
package dev.sonority.clustering.search;
