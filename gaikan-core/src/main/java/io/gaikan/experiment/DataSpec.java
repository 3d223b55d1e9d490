package io.gaikan.experiment;

import io.gaikan.data.DataOptions;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code data:} section: the {@link DataOptions} fields an experiment fixes once for all its runs.
 *
 * @param path          ImageFolder directory or CSV manifest (absolute)
 * @param testDir       separate test folder, or null to hold out {@code test} of each class
 * @param seed          seed of the split and of the nested k-shot subsets (the same for every run and method)
 * @param shotsPerSeed  {@code shots_per_seed: true}: each run's k-shot subset is drawn with the run's own seed instead,
 *                      so that the spread over seeds includes the luck of the draw (the split stays fixed)
 * @param columns       extra label columns taken from the file names, name to regular expression (its first group,
 *                      or the whole match): e.g. {@code session: "^(exp\\d+)_"}; tasks use them as {@code column:NAME}
 */
public record DataSpec(Path path, Path testDir, double val, double test, List<String> normalClasses, boolean skipBad,
                       long seed, Map<String, String> columns, boolean shotsPerSeed) {

    static final Set<String> KEYS = Set.of("path", "test_dir", "val", "test", "normal_classes", "skip_bad", "seed",
            "columns", "shots_per_seed");

    public DataSpec {
        normalClasses = List.copyOf(normalClasses);
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** The same data read from another place (a manifest written with the {@code columns}). */
    DataSpec withPath(Path p) {
        return new DataSpec(p, testDir, val, test, normalClasses, skipBad, seed, Map.of(), shotsPerSeed);
    }

    static DataSpec read(Node node, Path workDir) {
        node.allowOnly(KEYS);
        Path testDir = node.has("test_dir") ? workDir.resolve(node.get("test_dir").asString()).normalize() : null;
        Map<String, String> columns = new LinkedHashMap<>();
        if (node.has("columns")) {
            node.get("columns").entries().forEach((name, regex) -> {
                try {
                    Pattern.compile(regex.asString());
                } catch (PatternSyntaxException e) {
                    throw regex.error("not a regular expression: " + e.getDescription());
                }
                columns.put(name, regex.asString());
            });
            if (testDir != null) {
                throw node.get("columns").error("columns cannot be combined with test_dir");
            }
        }
        return new DataSpec(workDir.resolve(node.require("path").asString()).normalize(), testDir,
                node.has("val") ? node.get("val").asDouble() : 0.15,
                node.has("test") ? node.get("test").asDouble() : 0.2,
                node.get("normal_classes").asStrings().stream().filter(c -> !c.isBlank()).toList(),
                node.has("skip_bad") && node.get("skip_bad").asBoolean(),
                node.has("seed") ? node.get("seed").asLong() : 1, columns,
                node.has("shots_per_seed") && node.get("shots_per_seed").asBoolean());
    }

    /** The seed that draws a run's k-shot subset. */
    long shotSeed(long runSeed) {
        return shotsPerSeed ? runSeed : seed;
    }

    /** Options that draw the split (or reuse {@code splitFile} when not null), all training images (no k-shot). */
    public DataOptions options(Path splitFile) {
        return new DataOptions(path, testDir, splitFile, val, test, 0, seed, skipBad, normalClasses);
    }
}
