package dev.sonority.inference.download;

import dev.sonority.inference.models.ModelManifest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs one manifest entry: every file is fetched to {@code <path>.part} (resumable), its sha256 checked,
 * and only when all files are verified are they moved into place. A wrong checksum deletes that part and
 * installs nothing, so MODELS_DIR never holds a half-updated model. Plain Java: no Spring, no state.
 */
public final class ModelDownloader {

    static final String PART_SUFFIX = ".part";
    /** {@code classpath:NAME}: a file shipped inside a jar on the class path (text_minilm's langchain4j jar). */
    static final String CLASSPATH = "classpath";

    private final HttpFileFetcher fetcher;

    ModelDownloader(HttpFileFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** JDK HttpClient following redirects (Hugging Face and GitHub answer downloads with 302 to a CDN). */
    public static ModelDownloader overHttp(Duration connectTimeout, Duration readTimeout, int attempts) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return new ModelDownloader(new HttpFileFetcher(http, readTimeout, attempts));
    }

    /** Checks that every file has a URL and a sha256, before anything is fetched. */
    public static void requireDownloadable(ModelManifest.Entry entry) {
        for (ModelManifest.ModelFile file : entry.files()) {
            if (file.url() == null || file.url().isBlank()) {
                throw new NotDownloadableException("Model '" + entry.name() + "' has no download URL for "
                        + file.path() + " in the manifest. " + entry.source());
            }
            if (file.sha256() == null) {
                throw new NotDownloadableException("Model '" + entry.name() + "' has no sha256 for " + file.path()
                        + " in the manifest, so a download could not be verified; add the file's sha256 first.");
            }
            String scheme = URI.create(file.url()).getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) && !CLASSPATH.equals(scheme)) {
                throw new NotDownloadableException("Model '" + entry.name() + "': the URL of " + file.path()
                        + " is neither http(s) nor classpath: " + file.url());
            }
        }
    }

    /** @return how many files were fetched and installed (0 when every file was already in place and verified) */
    public int install(ModelManifest.Entry entry, Path root, DownloadProgress progress) {
        requireDownloadable(entry);
        createDirectories(root);
        List<ModelManifest.ModelFile> toFetch = new ArrayList<>();
        for (ModelManifest.ModelFile file : entry.files()) {
            if (!alreadyInstalled(root.resolve(file.path()), file)) {
                toFetch.add(file);
            }
        }
        long total = knownTotal(toFetch);
        requireSpace(root, toFetch);
        long[] done = {0};
        for (ModelManifest.ModelFile file : toFetch) {
            Path target = root.resolve(file.path());
            Path part = part(target);
            createDirectories(target.getParent());
            long before = done[0];
            if (isBundled(file)) {
                copyResource(file, part);
                progress.update(file.path(), before + HttpFileFetcher.size(part), total);
            } else {
                fetcher.fetch(URI.create(file.url()), part, file.size(),
                        bytes -> progress.update(file.path(), before + bytes, total));
            }
            verify(file, part);
            done[0] = before + HttpFileFetcher.size(part);
        }
        for (ModelManifest.ModelFile file : toFetch) {
            Path target = root.resolve(file.path());
            move(part(target), target);
        }
        progress.update("", done[0], total);
        return toFetch.size();
    }

    /** Every file of the entry comes from the class path: installable without a network. */
    public static boolean isBundled(ModelManifest.Entry entry) {
        return entry.files().stream().allMatch(ModelDownloader::isBundled);
    }

    private static boolean isBundled(ModelManifest.ModelFile file) {
        return file.url() != null && file.url().startsWith(CLASSPATH + ":");
    }

    private static void copyResource(ModelManifest.ModelFile file, Path part) {
        String name = file.url().substring(CLASSPATH.length() + 1);
        try (var in = ModelDownloader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new DownloadException("No " + name + " on the class path (for " + file.path() + ").");
            }
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DownloadException("Cannot write " + part + ": " + e.getMessage(), e);
        }
    }

    static Path part(Path target) {
        return target.resolveSibling(target.getFileName() + PART_SUFFIX);
    }

    private static boolean alreadyInstalled(Path target, ModelManifest.ModelFile file) {
        try {
            return Files.isRegularFile(target) && (file.size() == null || Files.size(target) == file.size())
                    && Sha256.of(target).equals(file.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    private static void verify(ModelManifest.ModelFile file, Path part) {
        String actual;
        try {
            actual = Sha256.of(part);
        } catch (IOException e) {
            throw new DownloadException("Cannot read " + part + " to verify it: " + e.getMessage(), e);
        }
        if (!actual.equals(file.sha256())) {
            try {
                Files.deleteIfExists(part); // a resumed part with a wrong prefix would fail forever otherwise
            } catch (IOException e) {
                // reported below either way
            }
            throw new DownloadException("Checksum mismatch for " + file.path() + ": expected sha256 " + file.sha256()
                    + ", got " + actual + " (from " + file.url() + "). Nothing was installed; the downloaded"
                    + " file was deleted.");
        }
    }

    private static long knownTotal(List<ModelManifest.ModelFile> files) {
        long total = 0;
        for (ModelManifest.ModelFile file : files) {
            if (file.size() == null) {
                return -1;
            }
            total += file.size();
        }
        return total;
    }

    private static void requireSpace(Path root, List<ModelManifest.ModelFile> files) {
        long needed = 0;
        for (ModelManifest.ModelFile file : files) {
            if (file.size() != null) {
                needed += Math.max(0, file.size() - HttpFileFetcher.size(part(root.resolve(file.path()))));
            }
        }
        try {
            long free = Files.getFileStore(root).getUsableSpace();
            if (needed > free) {
                throw new DownloadException("Not enough disk space in " + root + ": the download needs " + needed
                        + " bytes, " + free + " are free.");
            }
        } catch (IOException e) {
            throw new DownloadException("Cannot check the free space of " + root + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING); // same folder: rename, in practice atomic
            }
        } catch (IOException e) {
            throw new DownloadException("Cannot move " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DownloadException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
