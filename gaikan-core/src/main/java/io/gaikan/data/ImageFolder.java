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
            classDirs = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
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

    /** Image files directly in {@code dir} or below it, sorted by path. */
    public static List<Path> images(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(ImageFolder::isImage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    public static boolean isImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
