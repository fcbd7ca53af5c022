/**
 * The analyze job: fan-out into song batches, per-song decoding and model computation, exactly-once
 * bookkeeping; models plug in as {@link dev.sonority.worker.analyze.SongAnalyzer} beans.
 */
package dev.sonority.worker.analyze;
