package dev.sonority.worker.analyze;

import dev.sonority.audio.decode.DecodedAudio;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Analyzers that come and go at run time, such as the deep models installed on the inference service, and
 * that are cheaper asked together: one request carries a song's audio for every model that needs the same
 * sample rate, so the audio crosses the network once per rate.
 */
public interface AnalyzerSource {

    /** The analyzers available now (may be cached briefly); empty when the backing service is unreachable. */
    List<SongAnalyzer> current();

    /** Why {@link #current()} is empty or incomplete (for the message that names unavailable models). */
    Optional<String> unavailableReason();

    /** Whether {@code analyzer} came from this source, so {@link #analyzeTogether} may compute it. */
    boolean owns(SongAnalyzer analyzer);

    /**
     * Computes several of this source's analyzers on the same audio (all of its sample rate) at once.
     *
     * @return an outcome for every analyzer passed in
     * @throws dev.sonority.worker.config.TransientDependencyException when the backing service is down:
     *     nothing is recorded and the song is tried again later
     */
    Map<SongAnalyzer, ModelResult> analyzeTogether(List<SongAnalyzer> analyzers, DecodedAudio audio);
}
