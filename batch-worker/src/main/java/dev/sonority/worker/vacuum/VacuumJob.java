package dev.sonority.worker.vacuum;

import dev.sonority.model.task.TaskType;
import dev.sonority.worker.config.WorkerProperties;
import dev.sonority.worker.jobs.Job;
import dev.sonority.worker.jobs.JobContext;
import dev.sonority.worker.jobs.JobFailedException;
import dev.sonority.worker.jobs.JobOutcome;
import dev.sonority.worker.scan.MusicRoot;
import dev.sonority.worker.songs.IndexEvents;
import dev.sonority.worker.songs.SongInvalidation;
import dev.sonority.worker.tasks.ProgressSnapshot;
import dev.sonority.worker.tasks.TaskStore.TaskRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Library vacuum: checks every song's file. Songs whose file is gone are deleted with their analyses,
 * vectors and descriptors (the foreign keys cascade) and the vector indexes are told; songs whose file
 * changed are marked for re-analysis. It refuses to delete the whole library at once, which is what an
 * unmounted disk would otherwise look like.
 */
@Component
class VacuumJob implements Job {

    /** Songs checked per progress report and per delete statement. */
    static final int CHUNK = 1000;

    private final WorkerProperties properties;
    private final JdbcClient jdbc;
    private final SongInvalidation invalidation;
    private final IndexEvents indexEvents;
    private final TransactionTemplate transaction;

    VacuumJob(WorkerProperties properties, JdbcClient jdbc, SongInvalidation invalidation, IndexEvents indexEvents,
            TransactionTemplate transaction) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.invalidation = invalidation;
        this.indexEvents = indexEvents;
        this.transaction = transaction;
    }

    @Override
    public TaskType type() {
        return TaskType.VACUUM;
    }

    private record SongFile(long id, String path, long size, long mtimeMicros) {
    }

    @Override
    public JobOutcome run(TaskRow task, JobContext context) {
        Path root = MusicRoot.check(properties.musicDir());
        List<SongFile> songs = jdbc.sql("""
                SELECT id, path, file_size, floor(extract(epoch FROM file_mtime) * 1000000)::bigint AS mtime_us
                  FROM song ORDER BY id
                """).query((rs, n) -> new SongFile(rs.getLong("id"), rs.getString("path"), rs.getLong("file_size"),
                        rs.getLong("mtime_us"))).list();
        List<Long> gone = new ArrayList<>();
        List<Long> changed = new ArrayList<>();
        int checked = 0;
        for (SongFile song : songs) {
            switch (check(root, song)) {
                case GONE -> gone.add(song.id());
                case CHANGED -> changed.add(song.id());
                case UNCHANGED -> { }
            }
            if (++checked % CHUNK == 0) {
                context.progress(ProgressSnapshot.of(checked, 0, songs.size(), "Checking files"));
            }
        }
        if (!songs.isEmpty() && gone.size() == songs.size()) {
            throw new JobFailedException("Refusing to delete all " + songs.size() + " songs: not one file was found"
                    + " under MUSIC_DIR " + root + " (is the disk mounted?). Nothing was deleted.");
        }
        for (int from = 0; from < gone.size(); from += CHUNK) {
            List<Long> ids = gone.subList(from, Math.min(gone.size(), from + CHUNK));
            transaction.executeWithoutResult(status -> {
                List<String> models = invalidation.modelsWithVectors(ids);
                jdbc.sql("DELETE FROM song WHERE id IN (:ids)").param("ids", ids).update();
                indexEvents.vectorsChanged(models);
            });
        }
        for (int from = 0; from < changed.size(); from += CHUNK) {
            List<Long> ids = changed.subList(from, Math.min(changed.size(), from + CHUNK));
            transaction.executeWithoutResult(status -> invalidation.invalidate(ids));
        }
        String summary = "Checked " + songs.size() + " songs: removed " + gone.size() + " whose files are gone, "
                + "marked " + changed.size() + " changed files for re-analysis";
        return new JobOutcome.Done(ProgressSnapshot.of(songs.size(), 0, songs.size(), summary)
                .withExtra(Map.of("removed_count", gone.size(), "changed_count", changed.size())));
    }

    private enum FileState { GONE, CHANGED, UNCHANGED }

    private static FileState check(Path root, SongFile song) {
        Path file = root.resolve(song.path());
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return FileState.GONE;
            }
            boolean same = attrs.size() == song.size()
                    && attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS) == song.mtimeMicros();
            return same ? FileState.UNCHANGED : FileState.CHANGED;
        } catch (NoSuchFileException e) {
            return FileState.GONE;
        } catch (IOException e) {
            // present but unreadable (permissions): keep the song, a later scan records the reason
            return FileState.UNCHANGED;
        }
    }
}
