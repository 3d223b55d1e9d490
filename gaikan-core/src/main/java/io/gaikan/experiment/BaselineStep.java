package io.gaikan.experiment;

import io.gaikan.baseline.BaselineOptions;
import io.gaikan.baseline.BaselineRun;
import io.gaikan.baseline.LabeledImage;
import io.gaikan.data.Sample;
import io.gaikan.data.Split;
import io.gaikan.eval.ClassificationMetrics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The classical baseline of an experiment, fitted on the same training images a grid run of its shots gets and
 * judged on the same test set. A failure (e.g. too few images to fit on) is recorded and reported, not fatal: the
 * networks' grid does not depend on it.
 */
final class BaselineStep {

    private BaselineStep() {
    }

    static void run(RunSpec spec, Split split, ExperimentData data, Path runDir, RunStore store, int threads,
                    PrintStream out) {
        if (store.run(spec.id()).status() == RunStore.Status.FINISHED) {
            return;
        }
        store.started(spec.id());
        long started = System.nanoTime();
        try {
            Files.createDirectories(runDir);
            BaselineOptions options = BaselineOptions.defaults().withWorkingSize(spec.workingSize()).withThreads(threads);
            ClassificationMetrics m = new BaselineRun(options).fitAndEvaluate(labeled(split.samples(data.dataset(), split.train())),
                    labeled(split.samples(data.dataset(), split.test())), data.dataset().classes(), data.normalClasses(), runDir);
            double seconds = (System.nanoTime() - started) / 1e9;
            store.finished(spec.id(), Map.of("main", m), seconds);
            out.printf("%s: %s in %s%n", spec.name(), RunText.summary(m), RunText.duration(seconds));
        } catch (IOException | RuntimeException e) {
            store.failed(spec.id(), String.valueOf(e.getMessage()), (System.nanoTime() - started) / 1e9);
            out.printf("%s failed: %s%n", spec.name(), e.getMessage());
        }
    }

    private static List<LabeledImage> labeled(List<Sample> samples) {
        return samples.stream().map(s -> new LabeledImage(s.path(), s.label())).toList();
    }
}
