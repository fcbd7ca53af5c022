package dev.sonority.worker.scan;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Walks the music root following symbolic links; the JDK's walker detects a link back to a directory it is
 * already inside ({@link FileSystemLoopException}), which is recorded and skipped, so a looping link never
 * makes the scan run forever. Unreadable directories and dangling links are recorded too, never fatal.
 */
final class LibraryWalker {

    /** How many problems a walk keeps word for word; the rest are only counted. */
    static final int MAX_KEPT_PROBLEMS = 50;

    /** Everything one walk found. */
    record WalkResult(List<LibraryFile> audioFiles, int otherFiles, int problemCount, List<String> problems) {
    }

    private LibraryWalker() {
    }

    /**
     * @param keepGoing polled per directory; the walk stops early when it turns false (a cancelled task)
     */
    static WalkResult walk(Path root, BooleanSupplier keepGoing) throws IOException {
        List<LibraryFile> audio = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int[] counts = new int[2]; // other files, problems
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return keepGoing.getAsBoolean() ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String name = file.getFileName().toString();
                        if (attrs.isRegularFile() && AudioExtensions.isAudio(name)) {
                            audio.add(new LibraryFile(songPath(root, file), file, attrs.size(),
                                    attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS)));
                        } else if (attrs.isSymbolicLink()) {
                            problem(root.relativize(file) + ": dangling symbolic link");
                        } else {
                            counts[0]++;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        String path = root.relativize(file).toString();
                        problem(e instanceof FileSystemLoopException
                                ? path + ": symbolic link loop (skipped)"
                                : path + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
                        return FileVisitResult.CONTINUE;
                    }

                    private void problem(String text) {
                        if (counts[1]++ < MAX_KEPT_PROBLEMS) {
                            problems.add(text);
                        }
                    }
                });
        return new WalkResult(audio, counts[0], counts[1], problems);
    }

    static String songPath(Path root, Path file) {
        String relative = root.relativize(file).toString();
        return java.io.File.separatorChar == '/' ? relative : relative.replace(java.io.File.separatorChar, '/');
    }
}
