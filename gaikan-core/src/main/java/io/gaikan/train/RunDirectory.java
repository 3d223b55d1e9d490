package io.gaikan.train;

import io.gaikan.data.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rules for starting a run in a directory, so that nothing that exists is lost by accident: it must be absent,
 * empty, or hold a Gaikan run; an existing run is replaced only with {@code overwrite} (and never while another
 * process holds its lock); a folder of other files is never touched.
 */
public final class RunDirectory {

    private RunDirectory() {
    }

    /** Checks that a new run may start in {@code dir}; with {@code overwrite}, empties an existing run's directory. */
    public static void prepareFresh(Path dir, TrainConfig config, boolean overwrite) {
        if (Files.isRegularFile(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file, not a folder");
        }
        List<Path> entries = entries(dir);
        if (entries.stream().allMatch(p -> p.getFileName().toString().equals(RunLayout.LOCK))) {
            return;
        }
        RunLayout run = new RunLayout(dir);
        if (!run.isRun()) {
            throw new IllegalArgumentException("--out " + dir + " is not empty and holds no Gaikan run ("
                    + entries.size() + " entries): choose a new or empty folder");
        }
        if (!overwrite) {
            boolean finished = run.isFinished();
            String state = finished ? "a finished run" : "an unfinished run";
            TrainConfig existing = run.readInfo().config();
            throw new IllegalArgumentException(existing.identity().equals(config.identity())
                    ? "--out " + dir + " already holds " + state + " with these settings: "
                    + (finished ? "" : "use --resume to continue it, or ") + "add --overwrite to start it again"
                    : "--out " + dir + " holds " + state + " with other settings: choose another --out, or add "
                    + "--overwrite to replace it");
        }
        try (RunLock lock = RunLock.acquire(dir)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().equals(RunLayout.LOCK)) {
                    delete(p);
                }
            }
        }
    }

    private static List<Path> entries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path p) {
        try {
            FileTrees.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
