package io.gaikan.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Labelled images with their class names. {@code root} is the folder paths are recorded relative to in splits;
 * {@code source} is what {@link #open} was given (the folder, or the CSV manifest), so a run can reopen it.
 */
public record Dataset(Path root, List<String> classes, List<Sample> samples, Path source) {

    public Dataset {
        classes = List.copyOf(classes);
        samples = List.copyOf(samples);
    }

    /** A dataset read from the folder {@code root}. */
    public Dataset(Path root, List<String> classes, List<Sample> samples) {
        this(root, classes, samples, root);
    }

    /** Opens an ImageFolder directory or a CSV manifest, whichever {@code path} is. */
    public static Dataset open(Path path) {
        if (!Files.exists(path)) {
            throw new DataException("data path does not exist: " + path);
        }
        return Files.isDirectory(path) ? ImageFolder.scan(path) : CsvManifest.read(path);
    }

    public int numClasses() {
        return classes.size();
    }

    public Dataset filter(Predicate<Sample> keep) {
        return new Dataset(root, classes, samples.stream().filter(keep).toList(), source);
    }

    public Dataset without(Set<Path> paths) {
        return filter(s -> !paths.contains(s.path()));
    }

    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (Sample s : samples) {
            counts[s.label()]++;
        }
        return counts;
    }

    /** Samples of the given indices, in that order. */
    public List<Sample> select(List<Integer> indices) {
        List<Sample> out = new ArrayList<>(indices.size());
        for (int i : indices) {
            out.add(samples.get(i));
        }
        return out;
    }

    public String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    public int classIndex(String name) {
        int i = classes.indexOf(name);
        if (i < 0) {
            throw new DataException("unknown class '" + name + "'; classes are " + classes);
        }
        return i;
    }
}
