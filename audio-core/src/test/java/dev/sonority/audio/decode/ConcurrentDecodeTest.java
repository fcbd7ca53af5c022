package dev.sonority.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.AudioFormat;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One decoder shared by several threads decoding different files gives each the same samples as alone. */
class ConcurrentDecodeTest {

    @TempDir
    Path dir;

    @Test
    void sharedDecoderIsThreadSafe() throws Exception {
        AudioDecoder decoder = AudioDecoder.ffmpeg();
        List<Path> files = new ArrayList<>();
        List<float[]> alone = new ArrayList<>();
        int i = 0;
        for (AudioFormat format : AudioFormat.values()) {
            Path file = AudioFileWriter.write(dir.resolve("f" + i + "." + format.extension()), format,
                    TestSignals.sine(300 + 50 * i, 2, 44_100), 44_100, FixtureTags.NONE);
            files.add(file);
            alone.add(decoder.decode(file, DecodeOptions.of(16_000)).samples());
            i++;
        }

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<float[]>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Path file : files) {
                    results.add(pool.submit(() -> decoder.decode(file, DecodeOptions.of(16_000)).samples()));
                }
            }
            for (int k = 0; k < results.size(); k++) {
                assertThat(results.get(k).get()).containsExactly(alone.get(k % files.size()));
            }
        }
    }
}
