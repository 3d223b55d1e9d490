package io.gaikan.cli;

import io.gaikan.baseline.BaselineOptions;
import io.gaikan.baseline.BaselineParams;
import io.gaikan.baseline.BaselineRun;
import io.gaikan.baseline.FitObjective;
import io.gaikan.baseline.LabeledImage;
import io.gaikan.data.PreparedData;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.train.RunLayout;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code gaikan baseline}: the classical DoG / binarisation / labelling baseline on the same data options and split
 * as a network run, so its row compares on identical test images ({@code --split RUN/split.csv}).
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classical baseline: DoG, binarisation, morphology, labelling, NG if any region passes the thresholds "
                + "(fitted on the training split only); multi-class data gets a region-feature nearest-centroid classifier.",
                "Writes OUT/params.json, OUT/metrics.json, OUT/split.csv and OUT/overlays/*.png."})
public final class BaselineCommand implements Callable<Integer> {

    @ArgGroup(exclusive = false, heading = "Data%n", multiplicity = "1")
    DataArgs dataArgs;

    @Option(names = "--out", required = true, description = "run directory to write")
    Path out;

    @Option(names = "--params", description = "params.json of an earlier baseline run: judge the test split with it, no fitting")
    Path params;

    @Option(names = "--working-size", defaultValue = "256", description = "longest image side for processing (default ${DEFAULT-VALUE})")
    int workingSize;

    @Option(names = "--threads", description = "image-processing threads (default: all cores)")
    Integer threads;

    @Option(names = "--max-miss-rate", description = "fit for the fewest false alarms with at most this training miss rate, instead of accuracy")
    Double maxMissRate;

    @Option(names = "--seed", defaultValue = "42", description = "split seed when no --split is given")
    long seed;

    @Override
    public Integer call() throws Exception {
        ThreadCount.check(threads);
        BaselineOptions options = BaselineOptions.defaults().withWorkingSize(workingSize);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        if (maxMissRate != null) {
            options = options.withObjective(FitObjective.missRateAtMost(maxMissRate));
        }
        PreparedData prepared = PreparedData.prepare(dataArgs.toOptions(seed),
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), System.out);
        dataArgs.listNotRead(prepared, System.out);
        java.nio.file.Files.createDirectories(out);
        new RunLayout(out).writeSplit(prepared.split(), prepared.data().root());
        List<String> classes = prepared.data().classes();
        List<LabeledImage> test = labelled(prepared, prepared.split().test());
        BaselineRun run = new BaselineRun(options);
        ClassificationMetrics m = params != null
                ? run.evaluate(BaselineParams.load(params), test, classes, prepared.normalClasses(), out)
                : run.fitAndEvaluate(labelled(prepared, prepared.split().train()), test, classes, prepared.normalClasses(), out);
        System.out.printf(Locale.ROOT, "baseline: %d test images, accuracy %.4f, miss rate %s, over-detection rate %s -> %s%n",
                m.count(), m.accuracy(), rate(m.missRate()), rate(m.overDetectionRate()), out);
        return 0;
    }

    private static List<LabeledImage> labelled(PreparedData prepared, List<Path> subset) {
        return prepared.split().samples(prepared.data(), subset).stream()
                .map(s -> new LabeledImage(s.path(), s.label())).toList();
    }

    private static String rate(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.4f", r);
    }
}
