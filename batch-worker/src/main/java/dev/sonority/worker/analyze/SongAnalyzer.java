package dev.sonority.worker.analyze;

import dev.sonority.audio.decode.DecodedAudio;
import dev.sonority.contract.models.ModelName;

/**
 * One model's computation on a decoded song: the plug-in point of the analyze job. Each implementation is a
 * bean; the analyze job offers exactly the models that have one. Implementations are thread-safe.
 */
public interface SongAnalyzer {

    ModelName model();

    /** Stored with every result; a song analysed with another version is analysed again. */
    String version();

    /** The PCM rate this model needs, in Hz (the file is decoded once per distinct rate). */
    int sampleRate();

    /**
     * @throws SongAnalysisException when this song cannot be analysed by this model (the reason is stored)
     */
    ModelOutput analyze(DecodedAudio audio) throws SongAnalysisException;
}
