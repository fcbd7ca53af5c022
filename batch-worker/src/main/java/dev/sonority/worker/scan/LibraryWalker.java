package dev.sonority.worker.scan;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Walks the music root following symbolic links, each top-level directory (an artist, usually) on a thread
 * of its own: a walk is bound by directory reads and stats, which overlap well. Within a subtree the JDK's
 * walker detects a link back to a directory it is inside ({@link FileSystemLoopException}); a link back to
 * the root itself, which a subtree walk cannot see as its ancestor, is caught by comparing file keys. Both
 * are recorded and skipped, so a looping link never makes the scan run forever. Unreadable directories and
 * dangling links are recorded too, never fatal.
 */
final class LibraryWalker {

    /** How many problems a walk keeps word for word; the rest are only counted. */
    static final int MAX_KEPT_PROBLEMS = 50;

    /** Everything one walk found. */
    record WalkResult(List<LibraryFile> audioFiles, int otherFiles, int problemCount, List<String> problems) {
    }

    private LibraryWalker() {
    }

    static WalkResult walk(Path root, ExecutorService pool) throws IOException {
        Object rootKey = Files.readAttributes(root, BasicFileAttributes.class).fileKey();
        Subtree top = new Subtree(root, rootKey);
        List<Path> directories = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(entry, BasicFileAttributes.class);
                } catch (IOException e) {
                    top.visitFileFailed(entry, Files.isSymbolicLink(entry) ? new DanglingLink() : e);
                    continue;
                }
                if (!attrs.isDirectory()) {
                    top.visitFile(entry, attrs);
                } else if (Objects.equals(attrs.fileKey(), rootKey) && rootKey != null) {
                    top.visitFileFailed(entry, new FileSystemLoopException(entry.toString()));
                } else {
                    directories.add(entry);
                }
            }
        }
        List<Future<Subtree>> walks = new ArrayList<>(directories.size());
        for (Path directory : directories) {
            walks.add(pool.submit(() -> {
                Subtree subtree = new Subtree(root, rootKey);
                Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, subtree);
                return subtree;
            }));
        }
        for (Future<Subtree> walk : walks) {
            top.merge(join(walk));
        }
        return top.result();
    }

    static String songPath(Path root, Path file) {
        String relative = root.relativize(file).toString();
        return java.io.File.separatorChar == '/' ? relative : relative.replace(java.io.File.separatorChar, '/');
    }

    private static Subtree join(Future<Subtree> walk) throws IOException {
        try {
            return walk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("walk interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("walk failed unexpectedly", e.getCause());
        }
    }

    /** Marks a link whose target does not exist (reported by the JDK as a plain missing file). */
    private static final class DanglingLink extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** What one thread found in its part of the tree. */
    private static final class Subtree extends SimpleFileVisitor<Path> {
        private final Path root;
        private final Object rootKey;
        private final List<LibraryFile> audio = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private int otherFiles;
        private int problemCount;

        Subtree(Path root, Object rootKey) {
            this.root = root;
            this.rootKey = rootKey;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (rootKey != null && rootKey.equals(attrs.fileKey())) {
                problem(root.relativize(dir) + ": symbolic link loop (skipped)");
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && AudioExtensions.isAudio(file.getFileName().toString())) {
                audio.add(new LibraryFile(songPath(root, file), file, attrs.size(),
                        attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS)));
            } else if (attrs.isSymbolicLink()) {
                problem(root.relativize(file) + ": dangling symbolic link");
            } else {
                otherFiles++;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            String path = root.relativize(file).toString();
            problem(switch (e) {
                case FileSystemLoopException loop -> path + ": symbolic link loop (skipped)";
                case DanglingLink link -> path + ": dangling symbolic link";
                default -> path + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            });
            return FileVisitResult.CONTINUE;
        }

        private void problem(String text) {
            if (problemCount++ < MAX_KEPT_PROBLEMS) {
                problems.add(text);
            }
        }

        void merge(Subtree other) {
            audio.addAll(other.audio);
            otherFiles += other.otherFiles;
            for (String problem : other.problems) {
                if (problems.size() < MAX_KEPT_PROBLEMS) {
                    problems.add(problem);
                }
            }
            problemCount += other.problemCount;
        }

        WalkResult result() {
            return new WalkResult(audio, otherFiles, problemCount, problems);
        }
    }
}
