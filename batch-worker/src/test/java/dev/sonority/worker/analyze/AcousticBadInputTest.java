package dev.sonority.worker.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.audio.acoustic.AcousticFeatureExtractor;
import dev.sonority.audio.acoustic.AcousticStatistics;
import dev.sonority.audio.acoustic.AcousticVector;
import dev.sonority.audio.decode.AudioDecodeException;
import dev.sonority.audio.decode.AudioDecoder;
import dev.sonority.audio.decode.DecodeFailure;
import dev.sonority.audio.decode.DecodeOptions;
import dev.sonority.audio.decode.DecodedAudio;
import dev.sonority.audio.fixture.AlbumSynth;
import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.AudioFormat;
import dev.sonority.audio.fixture.BrokenFiles;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import dev.sonority.model.embedding.EmbeddingKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input list through real files, real FFmpeg decoding and the whole acoustic computation
 * (extractor, key, loudness, danceability, dynamic complexity, raw and search vectors): every descriptor is a
 * finite number or null with a reason, every vector value is finite, and a file that ends early is a specific
 * decode error (the worker stores it as the song's failure reason).
 */
class AcousticBadInputTest {

    private static final int SR = 44_100;
    @TempDir
    static Path dir;
    private static AcousticStatistics stats;
    private final AudioDecoder decoder = AudioDecoder.ffmpeg();
    private final AcousticAnalysis analysis = new AcousticAnalysis();

    @BeforeAll
    static void statistics() {
        // statistics of a few generated tracks, so the search vector path runs on the bad inputs too
        AcousticStatistics.Accumulator acc = new AcousticStatistics.Accumulator(AcousticVector.RAW_DIMENSIONS);
        AcousticFeatureExtractor extractor = new AcousticFeatureExtractor();
        for (int i = 0; i < 4; i++) {
            acc.add(AcousticVector.raw(extractor.extract(AlbumSynth.track(AlbumSynth.album(i), i, 8, 22_050))));
        }
        stats = acc.build();
    }

    @Test
    void silence() throws Exception {
        ModelOutput out = analyse(write("silence.wav", AudioFormat.WAV, TestSignals.silence(10, SR), SR));
        // no descriptors, but the raw vector of digital silence: the song stays searchable
        assertThat(out.vectors().get(EmbeddingKind.RAW)).isEqualTo(AcousticVector.silence());
        assertThat(out.vectors()).containsKey(EmbeddingKind.SEARCH);
        assertThat(out.descriptors().nullReasons()).containsKeys("bpm", "danceability", "dynamic_complexity",
                "loudness_lufs", "musical_key", "beat_confidence");
        assertThat(out.descriptors().nullReasons().get("bpm")).contains("silent");
    }

    @Test
    void oneSecondFile() throws Exception {
        ModelOutput out = analyse(write("one.flac", AudioFormat.FLAC, TestSignals.sine(440, 1.0, SR, 0.5), SR));
        assertThat(out.descriptors().nullReasons().get("danceability")).contains("too short");
    }

    @Test
    void pureNoise() throws Exception {
        ModelOutput out = analyse(write("noise.flac", AudioFormat.FLAC, TestSignals.whiteNoise(30, SR, 0.3, 5), SR));
        assertThat(out.vectors()).containsKeys(EmbeddingKind.RAW, EmbeddingKind.SEARCH);
        assertThat(out.descriptors().danceability()).isNotNull();
    }

    @Test
    void dcOffset() throws Exception {
        float[] y = TestSignals.chord(new double[] {220, 330}, 20, SR, 0.3);
        for (int i = 0; i < y.length; i++) {
            y[i] += 0.4f;
        }
        ModelOutput out = analyse(write("dc.wav", AudioFormat.WAV, y, SR));
        assertThat(out.vectors()).containsKey(EmbeddingKind.RAW);
    }

    @Test
    void clipping() throws Exception {
        float[] y = TestSignals.sine(220, 20, SR, 4.0);
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.max(-1f, Math.min(1f, y[i]));
        }
        ModelOutput out = analyse(write("clipped.wav", AudioFormat.WAV, y, SR));
        assertThat(out.vectors()).containsKey(EmbeddingKind.RAW); // bpm imputed: a steady tone has no beat
        assertThat(out.descriptors().nullReasons().get("bpm")).contains("imputed");
    }

    @Test
    void telephoneAudioAt8kHz() throws Exception {
        ModelOutput out = analyse(write("phone.wav", AudioFormat.WAV, AlbumSynth.track(AlbumSynth.album(7), 0, 20, 8_000), 8_000));
        assertThat(out.vectors()).containsKey(EmbeddingKind.SEARCH);
    }

    @Test
    void hiRes96kHz24Bit() throws Exception {
        ModelOutput out = analyse(write("hires.wav", AudioFormat.WAV_24, AlbumSynth.track(AlbumSynth.album(8), 0, 20, 96_000), 96_000));
        assertThat(out.vectors()).containsKey(EmbeddingKind.SEARCH);
        assertThat(out.descriptors().bpm()).isNotNull();
    }

    @Test
    void sixChannels() throws Exception {
        float[] mono = AlbumSynth.track(AlbumSynth.album(9), 0, 20, SR);
        float[] six = new float[mono.length * 6];
        for (int i = 0; i < mono.length; i++) {
            for (int c = 0; c < 6; c++) {
                six[6 * i + c] = mono[i] * (c == 3 ? 0.2f : 0.8f);
            }
        }
        Path file = AudioFileWriter.writeInterleaved(dir.resolve("six.wav"), AudioFormat.WAV, six, SR, 6, FixtureTags.NONE);
        assertThat(decoder.probe(file).channels()).isEqualTo(6);
        ModelOutput out = analyse(file);
        assertThat(out.vectors()).containsKey(EmbeddingKind.SEARCH);
    }

    @Test
    void aFileThatEndsEarlyIsASpecificDecodeError() throws Exception {
        Path whole = write("whole.flac", AudioFormat.FLAC, AlbumSynth.track(AlbumSynth.album(10), 0, 20, SR), SR);
        Path truncated = BrokenFiles.truncatedCopy(whole, dir.resolve("truncated.flac"), 0.5);
        assertThatThrownBy(() -> decoder.decode(truncated, DecodeOptions.of(AcousticFeatureExtractor.SAMPLE_RATE)))
                .isInstanceOfSatisfying(AudioDecodeException.class, e -> assertThat(e.reason()).isEqualTo(DecodeFailure.TRUNCATED));
    }

    private static Path write(String name, AudioFormat format, float[] mono, int rate) throws IOException {
        Files.createDirectories(dir);
        return AudioFileWriter.write(dir.resolve(name), format, mono, rate, FixtureTags.NONE);
    }

    /** Decodes and analyses with and without statistics; asserts every descriptor is finite or null with a reason. */
    private ModelOutput analyse(Path file) throws Exception {
        DecodedAudio audio = decoder.decode(file, DecodeOptions.of(AcousticFeatureExtractor.SAMPLE_RATE));
        analysis.compute(audio, Optional.empty()); // the path before any statistics exist
        ModelOutput out = analysis.compute(audio, Optional.of(stats));
        Descriptors d = out.descriptors();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("bpm", d.bpm());
        values.put("beat_confidence", d.beatConfidence());
        values.put("musical_key", d.musicalKey());
        values.put("loudness_lufs", d.loudnessLufs());
        values.put("loudness_range", d.loudnessRange());
        values.put("energy", d.energy());
        values.put("danceability", d.danceability());
        values.put("dynamic_complexity", d.dynamicComplexity());
        values.put("spectral_centroid_mean", d.spectralCentroidMean());
        values.put("spectral_bandwidth_mean", d.spectralBandwidthMean());
        values.put("key_strength", d.keyStrength());
        values.put("scale", d.scale());
        for (Map.Entry<String, Object> v : values.entrySet()) {
            if (v.getValue() == null) {
                assertThat(d.nullReasons()).as("%s: %s is null without a reason", file.getFileName(), v.getKey())
                        .containsKey(v.getKey());
            } else if (v.getValue() instanceof Double x) {
                assertThat(Double.isFinite(x)).as("%s %s", file.getFileName(), v.getKey()).isTrue();
            }
        }
        if (d.beatConfidence() != null) {
            assertThat(d.beatConfidence()).isBetween(0.0, 1.0);
        }
        if (d.danceability() != null) {
            assertThat(d.danceability()).isBetween(0.0, 3.0);
        }
        float[] search = out.vectors().get(EmbeddingKind.SEARCH);
        if (search != null) {
            double norm = 0;
            for (float x : search) {
                norm += x * x;
            }
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
        }
        return out;
    }
}
