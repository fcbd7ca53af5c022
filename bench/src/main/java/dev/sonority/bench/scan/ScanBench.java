package dev.sonority.bench.scan;

import dev.sonority.audio.fixture.AudioFileWriter;
import dev.sonority.audio.fixture.AudioFormat;
import dev.sonority.audio.fixture.FixtureTags;
import dev.sonority.audio.fixture.TestSignals;
import dev.sonority.audio.tags.TagReader;
import dev.sonority.bench.BenchArgs;
import dev.sonority.model.job.JobTopology;
import dev.sonority.model.task.TaskType;
import dev.sonority.testing.FreePorts;
import dev.sonority.testing.JobSubmitter;
import dev.sonority.testing.ServiceProcess;
import dev.sonority.testing.TestBroker;
import dev.sonority.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End-to-end scan speed and memory, through the real worker process: a generated tree of {@code --files}
 * small tagged files in mixed formats (MP3, FLAC, M4A, Ogg Vorbis, Opus, WAV), a first scan (every file new)
 * and a second one (every file unchanged), with the worker limited to {@code -Xmx256m} and its heap sampled
 * from its Prometheus endpoint. Baselines from the same run and machine: reading the same tags in this
 * process on one thread, and a bare walk with stat of the tree.
 *
 * <p>Goals (foundation issue): new >= 500 files/s, unchanged >= 20 000 files/s, peak heap <= 256 MB, on 2 cores
 * with 20 000 files. Run: {@code ./sonority bench scan [--files 20000] [--tree DIR] [--worker-jar JAR]}.
 */
public final class ScanBench {

    private static final AudioFormat[] MIX = {AudioFormat.MP3, AudioFormat.FLAC, AudioFormat.M4A, AudioFormat.OGG,
        AudioFormat.OPUS, AudioFormat.WAV};

    private ScanBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int count = options.integer("files", 20_000);
        Path tree = Path.of(options.text("tree", System.getProperty("java.io.tmpdir") + "/sonority-scan-bench-" + count));
        Path jar = Path.of(options.text("worker-jar", "batch-worker/target/batch-worker-0.1.0-SNAPSHOT.jar"));
        List<Path> files = ensureTree(tree, count);

        double walkRate = rate(count, () -> walk(tree));
        TagReader reader = new TagReader();
        List<Path> sample = files.subList(0, Math.min(files.size(), 2_000));
        for (Path file : sample) {
            reader.read(file); // warm-up
        }
        double tagRate = rate(sample.size(), () -> {
            for (Path file : sample) {
                reader.read(file);
            }
        });

        TestDatabase db = TestDatabase.create();
        TestBroker mq = TestBroker.create();
        Path log = Files.createTempFile("sonority-scan-bench-worker", ".log");
        CachingConnectionFactory connections = new CachingConnectionFactory(URI.create(mq.url()));
        int port = FreePorts.pick();
        Map<String, String> env = new HashMap<>(db.environment());
        env.putAll(mq.environment());
        env.put("MUSIC_DIR", tree.toString());
        env.put("WORKER_PORT", Integer.toString(port));
        try (ServiceProcess worker = ServiceProcess.start(jar, List.of("-Xmx256m"), env, log)) {
            worker.awaitHealthy("http://127.0.0.1:" + port + "/actuator/health/readiness", Duration.ofSeconds(120));
            RabbitTemplate rabbit = new RabbitTemplate(connections);
            rabbit.setMessageConverter(new JacksonJsonMessageConverter());
            JdbcClient jdbc = db.jdbcClient();
            JobSubmitter submitter = new JobSubmitter(jdbc, rabbit, new JobTopology(mq.prefix()));
            HeapSampler heap = HeapSampler.start("http://127.0.0.1:" + port + "/actuator/prometheus");

            double newRate = scan(submitter, count, "new");
            double unchangedRate = scan(submitter, count, "unchanged");
            long peak = heap.stop();

            System.out.printf(Locale.ROOT, "ScanBench: %d files in %s, %d cores%n", count, tree,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "scan new:        %8.0f files/s  (baseline: tags read on 1 thread in-process"
                    + " %.0f files/s; ratio %.2f)  goal >= 500%n", newRate, tagRate, newRate / tagRate);
            System.out.printf(Locale.ROOT, "scan unchanged:  %8.0f files/s  (baseline: bare walk + stat %.0f files/s;"
                    + " ratio %.2f)  goal >= 20000%n", unchangedRate, walkRate, unchangedRate / walkRate);
            System.out.printf(Locale.ROOT, "worker peak heap: %6.1f MB used of -Xmx256m (sampled every 100 ms)  goal <= 256%n",
                    peak / 1e6);
        } finally {
            connections.destroy();
            db.close();
        }
    }

    private static double scan(JobSubmitter submitter, int count, String what) throws InterruptedException {
        UUID id = submitter.submit(TaskType.SCAN, null);
        Map<String, Object> task = submitter.awaitFinished(id, Duration.ofMinutes(30));
        if (!"SUCCESS".equals(task.get("status")) || !task.get("details").toString().contains("\"" + what
                + "_count\": " + count)) {
            throw new IllegalStateException("scan (" + what + ") did not do what was expected: " + task);
        }
        Duration took = Duration.between(((Timestamp) task.get("started_at")).toInstant(),
                ((Timestamp) task.get("finished_at")).toInstant());
        return count / (took.toNanos() / 1e9);
    }

    /** Reuses a tree from an earlier run (written last, so a complete tree has it). */
    private static List<Path> ensureTree(Path tree, int count) throws IOException {
        Path done = tree.resolve(".complete");
        List<Path> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            AudioFormat format = MIX[i % MIX.length];
            files.add(tree.resolve(String.format(Locale.ROOT, "Artist %03d/Album %04d/%05d Title.%s", i % 211,
                    i % 1709, i, format.extension())));
        }
        if (Files.exists(done)) {
            return files;
        }
        long start = System.nanoTime();
        Path templates = Files.createDirectories(tree.resolveSibling(tree.getFileName() + "-templates"));
        float[] tone = TestSignals.sine(440, 1.0, 22_050);
        Path[] template = new Path[MIX.length];
        for (int f = 0; f < MIX.length; f++) {
            template[f] = AudioFileWriter.write(templates.resolve("template." + MIX[f].extension()), MIX[f], tone, 22_050,
                    FixtureTags.NONE);
        }
        for (int i = 0; i < count; i++) {
            Path file = files.get(i);
            Files.createDirectories(file.getParent());
            AudioFileWriter.copyWithTags(template[i % MIX.length], file, FixtureTags.of("Title " + i,
                    "Artist " + (i % 211), "Album " + (i % 1709)).withGenre("Genre " + (i % 13)).withTrackNumber(1 + i % 20));
        }
        Files.writeString(done, "complete\n");
        System.out.printf(Locale.ROOT, "ScanBench: wrote %d files in %.0f s%n", count, (System.nanoTime() - start) / 1e9);
        return files;
    }

    private static void walk(Path tree) throws IOException {
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double rate(int count, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
