package io.gaikan.data;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A checked dataset with its split, ready for training or the classical baseline: every image decoded once (bad
 * ones reported or skipped), files that are not images counted, exact duplicates kept on one side, the split drawn
 * or reused, k-shot applied.
 */
public record PreparedData(Dataset data, Split split, Set<String> normalClasses, Map<Path, String> skipped,
                           List<Path> notRead) {

    public static PreparedData prepare(DataOptions options, int threads, PrintStream log) {
        Dataset data = Dataset.open(options.data());
        Dataset test = options.testDir() == null ? null : Dataset.open(options.testDir());
        Set<String> normal = new LinkedHashSet<>(options.normalClasses());
        for (String c : normal) {
            if (!data.classes().contains(c)) {
                throw new DataException("--normal-classes names '" + c + "', which is not a class of " + options.data()
                        + " " + data.classes());
            }
        }
        Dataset all = test == null ? data : new Dataset(data.root(), data.classes(), concat(data, test), data.source());
        List<Path> notRead = Files.isDirectory(options.data()) ? ImageFolder.notRead(options.data()) : List.of();
        if (!notRead.isEmpty()) {
            log.println("data: " + notRead.size() + " file(s) or folder(s) under " + options.data() + " not read as images "
                    + "(hidden, Gaikan's output, or not ." + String.join("/.", ImageFolder.EXTENSIONS.stream().sorted().toList())
                    + "); --verbose lists them");
        }
        DataCheck check = DataCheck.run(all, threads);
        Dataset clean = check.apply(data, options.skipBad());
        if (!check.bad().isEmpty()) {
            log.println("skipped " + check.bad().size() + " unreadable image(s):");
            check.bad().forEach((p, why) -> log.println("  " + p + ": " + why));
        }
        clean = resolveConflicts(clean, check.hashes(), options, log);
        warnAboutTinyClasses(clean, log);
        Split split;
        if (options.splitFile() != null) {
            split = Split.load(options.splitFile(), data.root());
        } else if (test != null) {
            split = Split.withTestSet(clean, check.hashes(), check.apply(test, options.skipBad()), options.valFraction(), options.seed());
        } else {
            split = Split.stratified(clean, check.hashes(), options.valFraction(), options.testFraction(), options.seed());
        }
        split = split.withShots(all, options.shots(), options.seed());
        return new PreparedData(all.without(check.bad().keySet()), split, Set.copyOf(normal), check.bad(), notRead);
    }

    /** Below this many images a class cannot give an image to each of training, validation and test. */
    static final int FEW_IMAGES = 3;

    /** A class of one image is most often a typo in a manifest label; a handful cannot fill every split. */
    private static void warnAboutTinyClasses(Dataset data, PrintStream log) {
        int[] counts = data.classCounts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] >= FEW_IMAGES) {
                continue;
            }
            int label = c;
            List<String> images = data.samples().stream().filter(s -> s.label() == label)
                    .map(s -> data.relative(s.path())).toList();
            log.println("warning: class '" + data.classes().get(c) + "' has only " + counts[c] + " image(s) ("
                    + String.join(", ", images) + ")" + (counts[c] == 1 ? ": a typo in its label?" : ""));
        }
    }

    /** Identical images under different labels: an error listing them, or dropped / first label kept as asked. */
    private static Dataset resolveConflicts(Dataset data, Map<Path, String> hashes,
                                            DataOptions options, PrintStream log) {
        Map<String, List<Sample>> byHash = new LinkedHashMap<>();
        for (Sample s : data.samples()) {
            byHash.computeIfAbsent(hashes.get(s.path()), h -> new ArrayList<>()).add(s);
        }
        List<List<Sample>> conflicts = byHash.values().stream()
                .filter(group -> group.stream().map(Sample::label).distinct().count() > 1).toList();
        if (conflicts.isEmpty()) {
            return data;
        }
        String first = conflicts.get(0).stream().map(s -> data.relative(s.path()) + " (" + data.classes().get(s.label()) + ")")
                .collect(Collectors.joining(" = "));
        String what = conflicts.size() + " image(s) appear under different labels, e.g. " + first;
        switch (options.onConflict()) {
            case ERROR -> throw new DataException(what + "; fix the labels, or --on-conflict drop (leave them out) "
                    + "or keep-first (keep the first label)");
            case DROP -> {
                Set<Path> drop = new HashSet<>();
                conflicts.forEach(group -> group.forEach(s -> drop.add(s.path())));
                log.println(what + ": left out all " + drop.size() + " copies (--on-conflict drop)");
                return data.without(drop);
            }
            default -> {
                log.println(what + ": the first label of each is kept (--on-conflict keep-first)");
                return data;
            }
        }
    }

    private static List<Sample> concat(Dataset a, Dataset b) {
        List<Sample> out = new ArrayList<>(a.samples());
        out.addAll(b.samples());
        return out;
    }
}
