package dev.sonority.worker.inference;

import dev.sonority.audio.decode.DecodedAudio;
import dev.sonority.contract.models.ModelName;
import dev.sonority.worker.analyze.ModelOutput;
import dev.sonority.worker.analyze.ModelResult;
import dev.sonority.worker.analyze.SongAnalysisException;
import dev.sonority.worker.analyze.SongAnalyzer;
import java.util.List;

/**
 * A deep model installed on the inference service, as the analyze job sees it. Usually computed together
 * with the other models of its sample rate ({@link InferenceAnalyzers#analyzeTogether}); alone here.
 */
record RemoteAnalyzer(ModelName model, String version, int sampleRate, InferenceAnalyzers source)
        implements SongAnalyzer {

    @Override
    public ModelOutput analyze(DecodedAudio audio) throws SongAnalysisException {
        ModelResult result = source.analyzeTogether(List.of(this), audio).get(this);
        return switch (result) {
            case ModelResult.Computed computed -> computed.output();
            case ModelResult.Failed failed -> throw new SongAnalysisException(failed.reason());
            case null -> throw new SongAnalysisException("the inference service returned no result for " + model);
        };
    }

    @Override
    public String toString() {
        return model + " " + version + " @ " + sampleRate + " Hz (inference service)";
    }
}
