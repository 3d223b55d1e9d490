package io.gaikan.data;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A checked dataset with its split, ready for training or the classical baseline: every image decoded once (bad
 * ones reported or skipped), exact duplicates kept on one side, the split drawn or reused, k-shot applied.
 */
public record PreparedData(Dataset data, Split split, Set<String> normalClasses, Map<Path, String> skipped) {

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
        DataCheck check = DataCheck.run(all, threads);
        Dataset clean = check.apply(data, options.skipBad());
        if (!check.bad().isEmpty()) {
            log.println("skipped " + check.bad().size() + " unreadable image(s):");
            check.bad().forEach((p, why) -> log.println("  " + p + ": " + why));
        }
        Split split;
        if (options.splitFile() != null) {
            split = Split.load(options.splitFile(), data.root());
        } else if (test != null) {
            split = Split.withTestSet(clean, check.hashes(), check.apply(test, options.skipBad()), options.valFraction(), options.seed());
        } else {
            split = Split.stratified(clean, check.hashes(), options.valFraction(), options.testFraction(), options.seed());
        }
        split = split.withShots(all, options.shots(), options.seed());
        return new PreparedData(all.without(check.bad().keySet()), split, Set.copyOf(normal), check.bad());
    }

    private static java.util.List<Sample> concat(Dataset a, Dataset b) {
        java.util.List<Sample> out = new ArrayList<>(a.samples());
        out.addAll(b.samples());
        return out;
    }
}
