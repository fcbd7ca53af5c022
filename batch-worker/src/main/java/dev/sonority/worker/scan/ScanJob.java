package dev.sonority.worker.scan;

import dev.sonority.audio.tags.TagReadException;
import dev.sonority.audio.tags.TagReader;
import dev.sonority.model.task.TaskType;
import dev.sonority.worker.config.WorkerProperties;
import dev.sonority.worker.jobs.Job;
import dev.sonority.worker.jobs.JobContext;
import dev.sonority.worker.jobs.JobFailedException;
import dev.sonority.worker.jobs.JobOutcome;
import dev.sonority.worker.songs.SongInvalidation;
import dev.sonority.worker.tasks.ProgressSnapshot;
import dev.sonority.worker.tasks.TaskStore.TaskRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Library scan: walks {@code MUSIC_DIR}, classifies every audio file as new, changed (size or mtime differ:
 * its analyses are invalidated), unchanged or gone, reads the tags of new and changed files on several
 * threads, and writes them in batches. Files that cannot be read are recorded with the reason. Safe to run
 * again at any point: every write is an upsert keyed by path.
 */
@Component
class ScanJob implements Job {

    /** Files whose tags are read and written per batch (and per progress report). */
    static final int CHUNK = 256;

    private final WorkerProperties properties;
    private final SongTable songs;
    private final SongInvalidation invalidation;
    private final TransactionTemplate transaction;
    private final TagReader tagReader = new TagReader();

    ScanJob(WorkerProperties properties, SongTable songs, SongInvalidation invalidation, TransactionTemplate transaction) {
        this.properties = properties;
        this.songs = songs;
        this.invalidation = invalidation;
        this.transaction = transaction;
    }

    @Override
    public TaskType type() {
        return TaskType.SCAN;
    }

    @Override
    public JobOutcome run(TaskRow task, JobContext context) {
        Path root = MusicRoot.check(properties.musicDir());
        context.progressNow(ProgressSnapshot.of(0, 0, null, "Walking " + root));
        try (ExecutorService pool = Executors.newFixedThreadPool(properties.scanThreads(),
                Thread.ofPlatform().name("scan-", 0).daemon().factory())) {
            Future<Map<String, KnownSong>> index = pool.submit(songs::loadIndex); // overlaps the walk
            LibraryWalker.WalkResult walk;
            try {
                walk = LibraryWalker.walk(root, pool);
            } catch (IOException e) {
                throw new JobFailedException("Cannot walk MUSIC_DIR " + root + ": " + e.getMessage());
            }
            return scan(walk, join(index), pool, context);
        }
    }

    private JobOutcome scan(LibraryWalker.WalkResult walk, Map<String, KnownSong> known, ExecutorService readers,
            JobContext context) {
        ScanCounts counts = new ScanCounts(walk);
        List<LibraryFile> toRead = new ArrayList<>();
        List<Long> changedIds = new ArrayList<>();
        List<Long> reappeared = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LibraryFile file : walk.audioFiles()) {
            seen.add(file.path());
            KnownSong song = known.get(file.path());
            if (song == null) {
                counts.added++;
                toRead.add(file);
            } else if (!song.unchanged(file)) {
                counts.changed++;
                changedIds.add(song.id());
                toRead.add(file);
            } else {
                counts.unchanged++;
                if (song.missing()) {
                    reappeared.add(song.id());
                }
            }
        }
        List<Long> gone = new ArrayList<>();
        known.forEach((path, song) -> {
            if (!seen.contains(path) && !song.missing()) {
                gone.add(song.id());
            }
        });
        counts.gone = gone.size();
        songs.clearMissing(reappeared);
        int total = walk.audioFiles().size();
        int processed = counts.unchanged;
        context.progress(counts.snapshot(processed, total, "Reading tags of " + toRead.size() + " files"));
        for (int from = 0; from < toRead.size(); from += CHUNK) {
            List<ScannedSong> chunk = readTags(readers, toRead.subList(from, Math.min(toRead.size(), from + CHUNK)));
            counts.unreadable += (int) chunk.stream().filter(s -> s.error() != null).count();
            transaction.executeWithoutResult(status -> songs.upsert(chunk));
            processed += chunk.size();
            context.progress(counts.snapshot(processed, total, "Reading tags"));
        }
        transaction.executeWithoutResult(status -> {
            invalidation.invalidate(changedIds);
            songs.markMissing(gone);
        });
        return new JobOutcome.Done(counts.snapshot(total, total, counts.summary()));
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailedException("Scan interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Scan step failed unexpectedly", e.getCause());
        }
    }

    private List<ScannedSong> readTags(ExecutorService readers, List<LibraryFile> files) {
        List<Future<ScannedSong>> futures = new ArrayList<>(files.size());
        for (LibraryFile file : files) {
            futures.add(readers.submit(() -> readOne(file)));
        }
        List<ScannedSong> result = new ArrayList<>(files.size());
        for (Future<ScannedSong> future : futures) {
            try {
                result.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JobFailedException("Scan interrupted");
            } catch (ExecutionException e) {
                throw new IllegalStateException("Tag reading failed unexpectedly", e.getCause());
            }
        }
        return result;
    }

    private ScannedSong readOne(LibraryFile file) {
        try {
            return ScannedSong.read(file, tagReader.read(file.file()));
        } catch (TagReadException e) {
            return ScannedSong.unreadable(file, e.reason() + ": " + e.getMessage());
        } catch (RuntimeException e) { // a reader bug on one odd file must not stop the scan
            return ScannedSong.unreadable(file, "UNREADABLE: " + file.file().getFileName() + ": " + e);
        }
    }

    /** The tallies of one scan, reported in the task's details. */
    private static final class ScanCounts {
        final LibraryWalker.WalkResult walk;
        int added;
        int changed;
        int unchanged;
        int gone;
        int unreadable;

        ScanCounts(LibraryWalker.WalkResult walk) {
            this.walk = walk;
        }

        ProgressSnapshot snapshot(int processed, int total, String message) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("new_count", added);
            extra.put("changed_count", changed);
            extra.put("unchanged_count", unchanged);
            extra.put("gone_count", gone);
            extra.put("unreadable_count", unreadable);
            extra.put("other_files_count", walk.otherFiles());
            extra.put("walk_problem_count", walk.problemCount());
            extra.put("walk_problems", walk.problems());
            return ProgressSnapshot.of(processed, unreadable, total, message).withExtra(extra);
        }

        String summary() {
            return "Scanned " + walk.audioFiles().size() + " audio files: " + added + " new, " + changed
                    + " changed, " + unchanged + " unchanged, " + gone + " gone, " + unreadable + " unreadable"
                    + (walk.problemCount() > 0 ? "; " + walk.problemCount() + " paths could not be walked" : "");
        }
    }
}
