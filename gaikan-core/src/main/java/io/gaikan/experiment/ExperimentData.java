package io.gaikan.experiment;

import io.gaikan.data.Dataset;
import io.gaikan.data.PreparedData;
import io.gaikan.data.Sample;
import io.gaikan.data.Split;
import io.gaikan.text.Csv;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data of an experiment with its split, fixed for every run: drawn once (after the full decode check of
 * {@link PreparedData}) and saved, then reloaded from the saved file by every later invocation and worker, which
 * skips the slow check: the saved split lists only images that passed it.
 */
record ExperimentData(Dataset dataset, Split split, Set<String> normalClasses) {

    static ExperimentData open(DataSpec spec, Path splitFile, int threads, PrintStream log) {
        if (!spec.columns().isEmpty()) {
            String name = splitFile.getFileName().toString().replaceFirst("\\.csv$", "");
            spec = spec.withPath(writeManifest(spec, splitFile.resolveSibling(name + "-manifest.csv")));
        }
        if (Files.isRegularFile(splitFile)) {
            Dataset data = Dataset.open(spec.path());
            if (spec.testDir() != null) {
                List<Sample> all = new ArrayList<>(data.samples());
                all.addAll(Dataset.open(spec.testDir()).samples());
                data = new Dataset(data.root(), data.classes(), all);
            }
            return new ExperimentData(data, Split.load(splitFile, data.root()), new LinkedHashSet<>(spec.normalClasses()));
        }
        PreparedData prepared = PreparedData.prepare(spec.options(null), threads, log);
        prepared.split().save(splitFile, prepared.data().root());
        return new ExperimentData(prepared.data(), prepared.split(), prepared.normalClasses());
    }

    /**
     * A CSV manifest of the data with the {@code columns} filled in from each file name, so auxiliary tasks can use
     * labels the file names carry (acquisition session, camera, ...). Rewritten each time: it is derived data.
     */
    private static Path writeManifest(DataSpec spec, Path manifest) {
        Dataset data = Dataset.open(spec.path());
        Map<String, Pattern> columns = new LinkedHashMap<>();
        spec.columns().forEach((name, regex) -> columns.put(name, Pattern.compile(regex)));
        List<String> header = new ArrayList<>(List.of("path", "label"));
        header.addAll(columns.keySet());
        List<List<String>> rows = new ArrayList<>();
        for (Sample s : data.samples()) {
            List<String> row = new ArrayList<>(List.of(s.path().toAbsolutePath().toString(), data.classes().get(s.label())));
            String file = s.path().getFileName().toString();
            for (Pattern p : columns.values()) {
                Matcher m = p.matcher(file);
                row.add(!m.find() ? "" : m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group());
            }
            rows.add(row);
        }
        try {
            Csv.write(manifest, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + manifest, e);
        }
        return manifest;
    }

    /** The split with {@code shots} training images per class: nested subsets drawn with the data seed, same test set. */
    Split split(int shots, long seed) {
        return split.withShots(dataset, shots, seed);
    }

    String describe() {
        return String.format("%d classes %s, train %d / val %d / test %d images", dataset.numClasses(), dataset.classes(),
                split.train().size(), split.val().size(), split.test().size());
    }
}
