package io.gaikan.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** {@code root/<class>/<image>}: class names are the sub-folder names, sorted. */
public final class ImageFolder {

    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "tif", "tiff");

    private ImageFolder() {
    }

    public static Dataset scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DataException("not a directory: " + root);
        }
        Path abs = root.toAbsolutePath().normalize();
        List<Path> classDirs;
        try (Stream<Path> s = Files.list(abs)) {
            classDirs = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !writtenByGaikan(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + abs, e);
        }
        if (classDirs.isEmpty()) {
            throw new DataException("no class folders in " + abs + " (expected " + abs + "/<class>/<image>)");
        }
        List<String> classes = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (Path dir : classDirs) {
            List<Path> images = images(dir);
            if (images.isEmpty()) {
                throw new DataException("class folder has no images: " + dir);
            }
            int label = classes.size();
            classes.add(dir.getFileName().toString());
            images.forEach(p -> samples.add(new Sample(p, label)));
        }
        return new Dataset(abs, classes, samples);
    }

    /**
     * Files that mark a folder as Gaikan's output (a run, an experiment), never a class of images: a run's run.json
     * and lock file (train.RunLayout names them; data is below train, so RunLayoutTest checks that they agree).
     */
    static final List<String> OUTPUT_MARKERS = List.of("run.json", ".gaikan.lock", "runs.db");

    /** A run or experiment directory inside the data (e.g. --out under --data): its charts are not a class. */
    static boolean writtenByGaikan(Path dir) {
        return OUTPUT_MARKERS.stream().anyMatch(m -> Files.exists(dir.resolve(m)));
    }

    /** Image files directly in {@code dir} or below it (symbolic links followed), sorted by path. */
    public static List<Path> images(Path dir) {
        try (Stream<Path> s = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return s.filter(Files::isRegularFile).filter(ImageFolder::isImage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * What {@link #scan} passes over under {@code root}, sorted: hidden and Gaikan-output folders (not walked into),
     * files beside the class folders, and files in class folders without an image extension. Counted for the user
     * because a photo saved without its extension would otherwise vanish unseen.
     */
    public static List<Path> notRead(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> top = Files.list(abs)) {
            for (Path entry : top.sorted().toList()) {
                boolean folder = Files.isDirectory(entry);
                if (!folder || entry.getFileName().toString().startsWith(".") || writtenByGaikan(entry)) {
                    out.add(entry);
                    continue;
                }
                try (Stream<Path> inside = Files.walk(entry, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                    inside.filter(Files::isRegularFile).filter(p -> !isImage(p)).sorted().forEach(out::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + abs, e);
        }
        return out;
    }

    public static boolean isImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
