package dev.sonority.inference.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonority.inference.models.InstallRecord;
import dev.sonority.inference.models.ModelManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ModelDownloader} against a real local HTTP server with Range support. */
class ModelDownloaderTest {

    @TempDir
    Path modelsDir;

    private RangeFileServer server;
    private final ModelDownloader downloader = ModelDownloader.overHttp(Duration.ofSeconds(5), Duration.ofSeconds(1), 3);
    private final byte[] audio = bytes(300_000, 1);
    private final byte[] text = bytes(70_000, 2);

    @BeforeEach
    void serve() throws IOException {
        server = new RangeFileServer();
        server.put("/clap-audio.onnx", audio);
        server.put("/clap-text.onnx", text);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void installsEveryFileWithItsExactBytesAndNoPartFilesLeft() throws IOException {
        List<long[]> progress = new ArrayList<>();
        downloader.install(entry(sha256(audio), sha256(text)), modelsDir, (f, done, total) -> progress.add(new long[] {done, total}));

        assertThat(Files.readAllBytes(modelsDir.resolve("clap/clap-audio.onnx"))).isEqualTo(audio);
        assertThat(Files.readAllBytes(modelsDir.resolve("clap/clap-text.onnx"))).isEqualTo(text);
        assertThat(partFiles()).isEmpty();
        long total = audio.length + text.length;
        assertThat(progress).allSatisfy(p -> assertThat(p[1]).isEqualTo(total));
        assertThat(progress.getLast()[0]).isEqualTo(total);
        assertThat(progress).extracting(p -> p[0]).isSorted();
    }

    @Test
    void aTransferThatStallsIsResumedWithARangeRequest() throws IOException {
        server.breakAfter("/clap-audio.onnx", 120_000, 1);

        downloader.install(entry(sha256(audio), sha256(text)), modelsDir, DownloadProgress.NONE);

        assertThat(Files.readAllBytes(modelsDir.resolve("clap/clap-audio.onnx"))).isEqualTo(audio);
        assertThat(server.ranges()).contains("bytes=120000-");
    }

    @Test
    void aPartFileLeftByAnEarlierRunIsResumedNotRefetched() throws IOException {
        Files.createDirectories(modelsDir.resolve("clap"));
        Files.write(modelsDir.resolve("clap/clap-audio.onnx.part"), java.util.Arrays.copyOf(audio, 200_000));

        downloader.install(entry(sha256(audio), sha256(text)), modelsDir, DownloadProgress.NONE);

        assertThat(Files.readAllBytes(modelsDir.resolve("clap/clap-audio.onnx"))).isEqualTo(audio);
        assertThat(server.ranges()).containsExactly("bytes=200000-", "");
    }

    @Test
    void aWrongChecksumInstallsNothingAndDeletesThePart() throws IOException {
        String wrong = sha256(bytes(10, 9));
        assertThatThrownBy(() -> downloader.install(entry(sha256(audio), wrong), modelsDir, DownloadProgress.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("Checksum mismatch for clap/clap-text.onnx")
                .hasMessageContaining("expected sha256 " + wrong)
                .hasMessageContaining("got " + sha256(text))
                .hasMessageContaining("Nothing was installed");
        // the audio file was fetched and verified, but is not moved into place without its partner
        assertThat(modelsDir.resolve("clap/clap-audio.onnx")).doesNotExist();
        assertThat(modelsDir.resolve("clap/clap-text.onnx")).doesNotExist();
        assertThat(modelsDir.resolve("clap/clap-text.onnx.part")).doesNotExist();
    }

    @Test
    void aMissingFileUpstreamIsA404WithTheUrl() {
        var entry = new ModelManifest.Entry("clap", "1", "l", "s", List.of(
                new ModelManifest.ModelFile("clap/clap-audio.onnx", sha256(audio), server.uri("/nope.onnx").toString(), null)),
                null, null);
        assertThatThrownBy(() -> downloader.install(entry, modelsDir, DownloadProgress.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining(server.uri("/nope.onnx") + " answered 404 (not found)");
        assertThat(modelsDir.resolve("clap/clap-audio.onnx")).doesNotExist();
    }

    @Test
    void aFileAlreadyInstalledWithTheRightDigestIsNotFetchedAgain() throws IOException {
        Files.createDirectories(modelsDir.resolve("clap"));
        Files.write(modelsDir.resolve("clap/clap-audio.onnx"), audio);

        assertThat(downloader.install(entry(sha256(audio), sha256(text)), modelsDir, DownloadProgress.NONE)).isOne();

        assertThat(server.ranges()).hasSize(1); // only clap-text.onnx
        assertThat(downloader.install(entry(sha256(audio), sha256(text)), modelsDir, DownloadProgress.NONE)).isZero();
        assertThat(Files.readAllBytes(modelsDir.resolve("clap/clap-text.onnx"))).isEqualTo(text);
    }

    @Test
    void aFileWithoutUrlIsRefusedBeforeAnyRequest() {
        var noUrl = new ModelManifest.Entry("mert", "1", "l", "Export it with models/export_mert.py.", List.of(
                new ModelManifest.ModelFile("mert/mert.onnx", sha256(audio), null, null)), null, null);
        assertThatThrownBy(() -> downloader.install(noUrl, modelsDir, DownloadProgress.NONE))
                .isInstanceOf(NotDownloadableException.class)
                .hasMessage("Model 'mert' has no download URL for mert/mert.onnx in the manifest."
                        + " Export it with models/export_mert.py.");
        assertThat(server.requests()).isZero();
    }

    @Test
    void aFileWithoutChecksumIsInstalledUnverifiedWithItsDigestRecorded() throws IOException {
        var entry = new ModelManifest.Entry("clap", "1", "l", "s", List.of(
                new ModelManifest.ModelFile("clap/clap_audio_model.onnx", sha256(audio),
                        server.uri("/clap-audio.onnx").toString(), (long) audio.length),
                new ModelManifest.ModelFile("clap/tokenizer.json", null, server.uri("/clap-text.onnx").toString(),
                        null)), null, null);

        assertThat(downloader.install(entry, modelsDir, DownloadProgress.NONE)).isEqualTo(2);

        assertThat(Files.readAllBytes(modelsDir.resolve("clap/tokenizer.json"))).isEqualTo(text);
        InstallRecord record = InstallRecord.read(modelsDir, "clap").orElseThrow();
        assertThat(record.files().get("clap/tokenizer.json"))
                .isEqualTo(new InstallRecord.RecordedFile(sha256(text), false));
        assertThat(record.files().get("clap/clap_audio_model.onnx"))
                .isEqualTo(new InstallRecord.RecordedFile(sha256(audio), true));
        // the recorded digest makes a second pull a no-op, and a changed file is fetched again
        assertThat(downloader.install(entry, modelsDir, DownloadProgress.NONE)).isZero();
        Files.write(modelsDir.resolve("clap/tokenizer.json"), new byte[] {1, 2, 3});
        assertThat(downloader.install(entry, modelsDir, DownloadProgress.NONE)).isOne();
        assertThat(Files.readAllBytes(modelsDir.resolve("clap/tokenizer.json"))).isEqualTo(text);
    }

    @Test
    void anArchiveIsUnpackedIntoItsFolder() throws IOException {
        byte[] archive = tarGz(Map.of("tokenizer_config.json", "{}", "sub/sentencepiece.bpe.model", "spm"));
        server.put("/mulan_tokenizer.tar.gz", archive);

        downloader.install(archiveEntry(), modelsDir, DownloadProgress.NONE);

        assertThat(modelsDir.resolve("muq_mulan/mulan_tokenizer/tokenizer_config.json")).hasContent("{}");
        assertThat(modelsDir.resolve("muq_mulan/mulan_tokenizer/sub/sentencepiece.bpe.model")).hasContent("spm");
        assertThat(Files.readAllBytes(modelsDir.resolve("muq_mulan/mulan_tokenizer.tar.gz"))).isEqualTo(archive);
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void anArchiveReachingOutsideItsFolderIsRefusedAndNothingIsInstalled() throws IOException {
        server.put("/mulan_tokenizer.tar.gz", tarGz(Map.of("ok.json", "{}", "../../evil.txt", "pwned")));

        assertThatThrownBy(() -> downloader.install(archiveEntry(), modelsDir, DownloadProgress.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("'../../evil.txt', which would land outside the folder it is unpacked into")
                .hasMessageContaining("nothing was unpacked");

        assertThat(modelsDir.resolve("evil.txt")).doesNotExist();
        assertThat(modelsDir.getParent().resolve("evil.txt")).doesNotExist();
        assertThat(modelsDir.resolve("muq_mulan/mulan_tokenizer")).doesNotExist();
        assertThat(modelsDir.resolve("muq_mulan/mulan_tokenizer.tar.gz")).doesNotExist();
        assertThat(modelsDir.resolve("muq_mulan/mulan_tokenizer.part")).doesNotExist();
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void anArchiveWithALinkIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            TarArchiveEntry link = new TarArchiveEntry("passwd", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        server.put("/mulan_tokenizer.tar.gz", bytes.toByteArray());

        assertThatThrownBy(() -> downloader.install(archiveEntry(), modelsDir, DownloadProgress.NONE))
                .isInstanceOf(DownloadException.class).hasMessageContaining("'passwd', which is not a plain file");
        assertThat(modelsDir.resolve("muq_mulan/mulan_tokenizer")).doesNotExist();
    }

    private ModelManifest.Entry archiveEntry() {
        return new ModelManifest.Entry("muq_mulan", "1", "l", "s", List.of(new ModelManifest.ModelFile(
                "muq_mulan/mulan_tokenizer.tar.gz", null, server.uri("/mulan_tokenizer.tar.gz").toString(), null, null,
                "muq_mulan/mulan_tokenizer")), null, null);
    }

    /** A .tar.gz written by commons-compress directly (not through the code under test). */
    static byte[] tarGz(Map<String, String> members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (var member : new java.util.TreeMap<>(members).entrySet()) {
                byte[] content = member.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(member.getKey(), true); // true: keep '..' as written
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void notEnoughDiskSpaceIsReportedBeforeFetching() {
        var huge = new ModelManifest.Entry("clap", "1", "l", "s", List.of(new ModelManifest.ModelFile(
                "clap/clap-audio.onnx", sha256(audio), server.uri("/clap-audio.onnx").toString(), Long.MAX_VALUE / 2)),
                null, null);
        assertThatThrownBy(() -> downloader.install(huge, modelsDir, DownloadProgress.NONE))
                .isInstanceOf(DownloadException.class).hasMessageContaining("Not enough disk space in " + modelsDir);
        assertThat(server.requests()).isZero();
    }

    private ModelManifest.Entry entry(String audioSha, String textSha) {
        return new ModelManifest.Entry("clap", "test", "CC0", "test server", List.of(
                new ModelManifest.ModelFile("clap/clap-audio.onnx", audioSha, server.uri("/clap-audio.onnx").toString(),
                        (long) audio.length),
                new ModelManifest.ModelFile("clap/clap-text.onnx", textSha, server.uri("/clap-text.onnx").toString(),
                        (long) text.length)), null, null);
    }

    private List<Path> partFiles() throws IOException {
        try (Stream<Path> files = Files.walk(modelsDir)) {
            return files.filter(p -> p.toString().endsWith(".part")).toList();
        }
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Digest by the JDK directly, not through the code under test. */
    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
