package io.gaikan.cli;

import io.gaikan.data.DataCheck;
import io.gaikan.data.Dataset;
import io.gaikan.data.Sample;
import io.gaikan.data.Split;
import io.gaikan.data.Task;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.OperatingCurve;
import io.gaikan.eval.Predictions;
import io.gaikan.eval.ReviewBand;
import io.gaikan.report.HeatMapPage;
import io.gaikan.train.RunScorer;
import io.gaikan.model.ModelRegistry;
import io.gaikan.report.OperatingCurveFiles;
import io.gaikan.train.RunLayout;
import io.gaikan.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/** {@code gaikan eval}: tests a trained run on its own test split or on another labelled folder. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a trained run: on its saved test split, or on every image of --data.")
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "run directory of 'gaikan train'")
    Path run;

    @Option(names = "--data", description = "labelled ImageFolder/CSV to evaluate on (default: the run's test split)")
    Path data;

    @Option(names = "--out", description = "where metrics.json and confusion.png go (default RUN/eval or RUN/eval-<data name>)")
    Path out;

    @Option(names = "--threads", defaultValue = "2")
    int threads;

    @Option(names = "--max-miss-rate", description = "choose the defect threshold on the run's validation images: the "
            + "highest whose miss rate there is at most this fraction (e.g. 0.01); report the evaluated images at it")
    Double maxMissRate;

    @Option(names = "--skip-bad", description = "skip unreadable images and list them instead of stopping")
    boolean skipBad;

    @Option(names = "--review-band", paramLabel = "LOW,HIGH", description = "also report a review band on the defect "
            + "score: how many images fall in [LOW, HIGH) (to a person), and the miss and over-detection rates outside it")
    String reviewBand;

    @Option(names = "--max-heatmaps", defaultValue = "32", description = "errors drawn with their heat maps on "
            + "heatmaps.html (the least confident correct answers: half as many); 0 = no page")
    int maxHeatMaps;

    @Override
    public Integer call() throws Exception {
        ThreadCount.check(threads);
        if (maxMissRate != null && !(maxMissRate >= 0 && maxMissRate <= 1)) {
            throw new IllegalArgumentException("--max-miss-rate must be a fraction between 0 and 1, got " + maxMissRate);
        }
        ReviewBand band = reviewBand == null ? null : ReviewBand.parse(reviewBand);
        try (TrainedModel model = TrainedModel.load(run, ModelRegistry.defaults())) {
            // the run's own images and split: its test images by default, its validation images for --max-miss-rate
            Dataset runData = data == null || maxMissRate != null ? Dataset.open(Path.of(model.info().data())) : null;
            Split runSplit = runData == null ? null : new RunLayout(run).readSplit(runData.root());
            Double threshold = maxMissRate == null ? null : validationThreshold(model, runData, runSplit);
            Dataset dataset;
            List<Sample> samples;
            if (data == null) {
                dataset = runData;
                samples = runSplit.samples(runData, runSplit.test());
                Map<Path, String> bad = DataCheck.unreadable(samples.stream().map(Sample::path).toList(), threads);
                samples = readable(samples, bad);
            } else {
                dataset = Dataset.open(data);
                DataCheck check = DataCheck.run(dataset, threads);
                dataset = check.apply(dataset, skipBad);
                readable(List.of(), check.bad());
                samples = dataset.samples();
            }
            List<Task> tasks = model.tasks(dataset);
            Predictions predictions = model.predict(samples, tasks, threads, System.out, false);
            Map<String, ClassificationMetrics> metrics = predictions.metrics(
                    tasks.stream().map(Task::classes).toList(), Set.copyOf(model.info().normalClasses()));
            Path dir = out != null ? out : run.resolve(data == null ? "eval" : "eval-" + data.getFileName());
            Files.createDirectories(dir);
            new RunLayout(dir).writeMetrics(metrics, "Confusion matrix: " + dir.getFileName());
            metrics.forEach((task, m) -> Reports.printMetrics(task, m, System.out));
            OperatingCurve curve = OperatingCurveFiles.write(dir, "Miss rate vs over-detection",
                    metrics.values().iterator().next(), predictions, threshold);
            if (threshold != null) {
                if (curve == null) {
                    throw new IllegalArgumentException("--max-miss-rate: the evaluated images need labelled defect and normal images");
                }
                OperatingCurve.Point at = curve.at(threshold);
                System.out.printf(Locale.ROOT, "at defect threshold %.4f: miss rate %.2f%%, over-detection %.2f%% (%d defect, %d normal images)%n",
                        threshold, 100 * at.missRate(), 100 * at.overDetectionRate(), curve.defects(), curve.normals());
            }
            if (band != null) {
                System.out.println(reviewOutcome(band, model, tasks, predictions));
            }
            if (maxHeatMaps > 0) {
                writeHeatMapPage(model, dataset, samples, tasks, predictions, dir);
            }
            System.out.println("written: " + dir.toAbsolutePath());
        }
        return 0;
    }

    private static String reviewOutcome(ReviewBand band, TrainedModel model, List<Task> tasks, Predictions predictions) {
        Set<String> normal = Set.copyOf(model.info().normalClasses());
        if (normal.isEmpty()) {
            throw new IllegalArgumentException("--review-band needs the run's normal classes (--normal-classes in training)");
        }
        List<String> classes = tasks.get(0).classes();
        double[] scores = OperatingCurve.defectScores(predictions.probabilities().get(0), classes, normal);
        int[] truth = predictions.truth().get(0);
        List<Integer> labelled = IntStream.range(0, truth.length).filter(i -> truth[i] >= 0).boxed().toList();
        double[] s = labelled.stream().mapToDouble(i -> scores[i]).toArray();
        boolean[] defect = new boolean[labelled.size()];
        for (int k = 0; k < defect.length; k++) {
            defect[k] = !normal.contains(classes.get(truth[labelled.get(k)]));
        }
        return band.outcome(s, defect).summary(band);
    }

    /** heatmaps.html: the errors and least confident correct answers with their heat maps, when the method draws them. */
    private void writeHeatMapPage(TrainedModel model, Dataset dataset, List<Sample> samples, List<Task> tasks,
                                  Predictions predictions, Path dir) throws IOException {
        List<Integer> errors = HeatMapPage.errors(predictions, maxHeatMaps);
        List<Integer> unsure = HeatMapPage.leastConfidentCorrect(predictions, Math.max(1, maxHeatMaps / 2));
        List<Integer> shown = new ArrayList<>(errors);
        shown.addAll(unsure);
        List<RunScorer.HeatMap> maps;
        try {
            maps = model.heatMaps(shown.stream().map(i -> samples.get(i).path()).toList(), threads);
        } catch (UnsupportedOperationException e) {
            System.out.println("no heat map page: " + e.getMessage());
            return;
        }
        List<String> classes = tasks.get(0).classes();
        double[] scores = model.info().normalClasses().isEmpty() ? null : OperatingCurve.defectScores(
                predictions.probabilities().get(0), classes, Set.copyOf(model.info().normalClasses()));
        List<HeatMapPage.Entry> entries = new ArrayList<>();
        for (int k = 0; k < shown.size(); k++) {
            int i = shown.get(k);
            int predicted = predictions.predicted(0, i);
            RunScorer.HeatMap map = maps.get(k);
            entries.add(new HeatMapPage.Entry(samples.get(i).path(), dataset.relative(samples.get(i).path()),
                    classes.get(predictions.truth().get(0)[i]), classes.get(predicted),
                    predictions.probabilities().get(0)[i][predicted], scores == null ? Double.NaN : scores[i],
                    map.values(), map.low(), map.high()));
        }
        Path page = HeatMapPage.write(dir, "Where " + run.getFileName() + " looked", samples.size() + " evaluated images, "
                        + errors.size() + " of the errors and the " + unsure.size() + " least confident correct answers.",
                entries.subList(0, errors.size()), entries.subList(errors.size(), entries.size()));
        System.out.println("heat maps of " + shown.size() + " images: " + page);
    }

    /** {@code samples} without the unreadable ones, which are listed (--skip-bad) or stop the command naming them. */
    private List<Sample> readable(List<Sample> samples, Map<Path, String> bad) {
        if (bad.isEmpty()) {
            return samples;
        }
        if (!skipBad) {
            throw DataCheck.unreadable(bad);
        }
        System.out.println("skipped " + bad.size() + " unreadable image(s):");
        bad.forEach((p, why) -> System.out.println("  " + p + ": " + why));
        return samples.stream().filter(s -> !bad.containsKey(s.path())).toList();
    }

    /** The threshold {@code --max-miss-rate} asks for, from the run's own validation images. */
    private double validationThreshold(TrainedModel model, Dataset runData, Split split) {
        List<Sample> val = split.samples(runData, split.val());
        if (val.isEmpty()) {
            throw new IllegalArgumentException("--max-miss-rate chooses the threshold on the run's validation images, and "
                    + run + " has none (train with --val above 0)");
        }
        List<Task> tasks = model.tasks(runData);
        Predictions predictions = model.predict(val, tasks, threads, System.out, true);
        OperatingCurve.Point chosen = OperatingCurve.ofMainTask(predictions, tasks.get(0).classes(),
                Set.copyOf(model.info().normalClasses())).thresholdForMissRate(maxMissRate);
        System.out.printf(Locale.ROOT, "defect threshold %.4f: on %d validation images miss rate %.2f%% (limit %.2f%%), over-detection %.2f%%%n",
                chosen.threshold(), val.size(), 100 * chosen.missRate(), 100 * maxMissRate, 100 * chosen.overDetectionRate());
        return chosen.threshold();
    }
}
