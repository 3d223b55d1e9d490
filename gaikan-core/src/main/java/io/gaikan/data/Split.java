package io.gaikan.data;

import io.gaikan.text.Csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Which images train, validate and test. Saved as {@code split.csv} ({@code path,subset}) so later runs, other
 * methods and the classical baseline are compared on exactly the same test images.
 *
 * @param duplicates images left out because their bytes equal an earlier image's (a copy must never be on both sides)
 */
public record Split(List<Path> train, List<Path> val, List<Path> test, List<Path> duplicates) {

    private static final List<String> HEADER = List.of("path", "subset");

    public Split {
        train = List.copyOf(train);
        val = List.copyOf(val);
        test = List.copyOf(test);
        duplicates = List.copyOf(duplicates);
    }

    /**
     * Stratified split by ratio after removing exact duplicates. Each class is shuffled with its own seeded order,
     * so adding a class does not reshuffle the others.
     */
    public static Split stratified(Dataset data, Map<Path, String> hashes, double valFraction, double testFraction, long seed) {
        if (valFraction < 0 || testFraction < 0 || valFraction + testFraction >= 1) {
            throw new IllegalArgumentException("bad split fractions: val " + valFraction + ", test " + testFraction);
        }
        List<Path> duplicates = new ArrayList<>();
        List<List<Path>> byClass = uniqueByClass(data, hashes, duplicates);
        List<Path> train = new ArrayList<>(), val = new ArrayList<>(), test = new ArrayList<>();
        for (int c = 0; c < byClass.size(); c++) {
            List<Path> paths = shuffled(byClass.get(c), seed, c);
            int n = paths.size();
            int nTest = (int) Math.round(n * testFraction);
            int nVal = (int) Math.round(n * valFraction);
            if (n - nTest - nVal < 1) {
                throw new DataException("class '" + data.classes().get(c) + "' has only " + n
                        + " unique image(s): too few for a train/val/test split");
            }
            test.addAll(paths.subList(0, nTest));
            val.addAll(paths.subList(nTest, nTest + nVal));
            train.addAll(paths.subList(nTest + nVal, n));
        }
        return new Split(train, val, test, duplicates);
    }

    /** Train/val from {@code data}, test = every image of {@code testData} (a separate folder). */
    public static Split withTestSet(Dataset data, Map<Path, String> hashes, Dataset testData, double valFraction, long seed) {
        if (!data.classes().equals(testData.classes())) {
            throw new DataException("test classes " + testData.classes() + " differ from training classes " + data.classes());
        }
        Split trainVal = stratified(data, hashes, valFraction, 0, seed);
        Set<String> trainHashes = new HashSet<>();
        for (Path p : trainVal.train()) {
            trainHashes.add(hashes.get(p));
        }
        List<Path> test = new ArrayList<>();
        List<Path> duplicates = new ArrayList<>(trainVal.duplicates());
        for (Sample s : testData.samples()) {
            String h = hashes.get(s.path());
            (h != null && trainHashes.contains(h) ? duplicates : test).add(s.path());
        }
        return new Split(trainVal.train(), trainVal.val(), test, duplicates);
    }

    /**
     * The first {@code shots} training images of each class in a seeded order that does not depend on
     * {@code shots}: subsets nest (the 2-shot set contains the 1-shot set), val and test stay fixed.
     */
    public Split withShots(Dataset data, int shots, long seed) {
        if (shots <= 0) {
            return this;
        }
        Map<Path, Integer> labels = labels(data);
        List<List<Path>> byClass = new ArrayList<>();
        for (int c = 0; c < data.numClasses(); c++) {
            byClass.add(new ArrayList<>());
        }
        train.forEach(p -> byClass.get(labels.get(p)).add(p));
        List<Path> picked = new ArrayList<>();
        for (int c = 0; c < byClass.size(); c++) {
            List<Path> order = shuffled(byClass.get(c), seed ^ 0x5EED5L, c);
            if (order.size() < shots) {
                throw new DataException("--shots " + shots + ": class '" + data.classes().get(c) + "' has only "
                        + order.size() + " training image(s)");
            }
            picked.addAll(order.subList(0, shots));
        }
        return new Split(picked, val, test, duplicates);
    }

    public List<Sample> samples(Dataset data, List<Path> subset) {
        Map<Path, Sample> byPath = new HashMap<>();
        data.samples().forEach(s -> byPath.put(s.path(), s));
        List<Sample> out = new ArrayList<>(subset.size());
        for (Path p : subset) {
            Sample s = byPath.get(p);
            if (s == null) {
                throw new DataException("split names an image that is not in the data: " + p);
            }
            out.add(s);
        }
        return out;
    }

    public void save(Path file, Path root) {
        List<List<String>> rows = new ArrayList<>();
        rows(rows, root, train, "train");
        rows(rows, root, val, "val");
        rows(rows, root, test, "test");
        rows(rows, root, duplicates, "duplicate");
        try {
            Csv.write(file, HEADER, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write split " + file, e);
        }
    }

    public static Split load(Path file, Path root) {
        List<List<String>> records;
        try {
            records = Csv.read(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new DataException("cannot read split file " + file + ": " + e.getMessage(), e);
        }
        if (records.isEmpty() || !records.get(0).equals(HEADER)) {
            throw new DataException("split file " + file + " must start with the header 'path,subset'");
        }
        Map<String, List<Path>> subsets = new HashMap<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() != 2) {
                throw new DataException("split file " + file + ": bad record " + record);
            }
            subsets.computeIfAbsent(record.get(1), k -> new ArrayList<>()).add(root.resolve(record.get(0)).normalize());
        }
        return new Split(subsets.getOrDefault("train", List.of()), subsets.getOrDefault("val", List.of()),
                subsets.getOrDefault("test", List.of()), subsets.getOrDefault("duplicate", List.of()));
    }

    private static void rows(List<List<String>> rows, Path root, List<Path> paths, String subset) {
        for (Path p : paths) {
            String name = p.startsWith(root) ? root.relativize(p).toString() : p.toString();
            rows.add(List.of(name.replace('\\', '/'), subset));
        }
    }

    private static Map<Path, Integer> labels(Dataset data) {
        Map<Path, Integer> labels = new HashMap<>();
        data.samples().forEach(s -> labels.put(s.path(), s.label()));
        return labels;
    }

    private static List<List<Path>> uniqueByClass(Dataset data, Map<Path, String> hashes, List<Path> duplicates) {
        Set<String> seen = new HashSet<>();
        List<List<Path>> byClass = new ArrayList<>();
        for (int c = 0; c < data.numClasses(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (Sample s : data.samples()) {
            String h = hashes.get(s.path());
            if (h != null && !seen.add(h)) {
                duplicates.add(s.path());
            } else {
                byClass.get(s.label()).add(s.path());
            }
        }
        return byClass;
    }

    private static List<Path> shuffled(List<Path> paths, long seed, int classIndex) {
        List<Path> copy = new ArrayList<>(paths);
        java.util.Collections.shuffle(copy, new Random(seed * 1_000_003L + classIndex));
        return copy;
    }
}
