package io.gaikan.experiment;

import io.gaikan.data.Dataset;
import io.gaikan.data.PreparedData;
import io.gaikan.data.Sample;
import io.gaikan.data.Split;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The data of an experiment with its split, fixed for every run: drawn once (after the full decode check of
 * {@link PreparedData}) and saved, then reloaded from the saved file by every later invocation and worker, which
 * skips the slow check: the saved split lists only images that passed it.
 */
record ExperimentData(Dataset dataset, Split split, Set<String> normalClasses) {

    static ExperimentData open(DataSpec spec, Path splitFile, int threads, PrintStream log) {
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

    /** The split with {@code shots} training images per class: nested subsets drawn with the data seed, same test set. */
    Split split(int shots, long seed) {
        return split.withShots(dataset, shots, seed);
    }

    String describe() {
        return String.format("%d classes %s, train %d / val %d / test %d images", dataset.numClasses(), dataset.classes(),
                split.train().size(), split.val().size(), split.test().size());
    }
}
