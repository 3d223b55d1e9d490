package io.gaikan.train;

import io.gaikan.data.Dataset;
import io.gaikan.data.Sample;
import io.gaikan.data.Split;
import io.gaikan.data.Task;
import io.gaikan.eval.Classification;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.EpochRecord;
import io.gaikan.eval.Predictions;
import io.gaikan.eval.PredictionsCsv;
import io.gaikan.report.Charts;
import io.gaikan.report.MetricsJson;
import io.gaikan.report.OperatingCurveFiles;
import io.gaikan.report.TrainingCurves;
import io.gaikan.text.JsonNumbers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of a run directory, named here once, and the one reader and writer of each: what training, eval,
 * predict, the baseline, experiments, the demo and a server look for in a run. Method-specific files (an anomaly
 * detector's memory bank) live beside these, named by their method.
 *
 * <pre>
 * run.json             {@link RunInfo}: settings, data, classes, versions
 * split.csv            {@link Split}: which images train, validate, test (path,subset)
 * model.safetensors    the final weights (timm parameter names)
 * history.csv          {@link EpochRecord} per epoch; curves.png its plot
 * metrics.json         test metrics per task ({@link MetricsJson}); confusion.png
 * predictions.csv      per test image, {@link PredictionsCsv}'s format (also predict's)
 * operating-curve.csv  miss rate against over-detection ({@link OperatingCurveFiles}), and .png
 * checkpoints/         {@link Checkpoints}: the last complete epoch, best.safetensors, whose run (run.json)
 * .gaikan.lock         held by the process training in it ({@link RunLock})
 * </pre>
 */
public final class RunLayout {

    public static final String RUN_INFO = "run.json";
    public static final String SPLIT = "split.csv";
    public static final String MODEL = "model.safetensors";
    public static final String HISTORY = "history.csv";
    public static final String CURVES = "curves.png";
    public static final String METRICS = "metrics.json";
    public static final String CONFUSION = "confusion.png";
    public static final String PREDICTIONS = "predictions.csv";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String LOCK = ".gaikan.lock";

    private final Path dir;

    public RunLayout(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path runInfo() {
        return dir.resolve(RUN_INFO);
    }

    public Path split() {
        return dir.resolve(SPLIT);
    }

    public Path model() {
        return dir.resolve(MODEL);
    }

    public Path history() {
        return dir.resolve(HISTORY);
    }

    public Path curves() {
        return dir.resolve(CURVES);
    }

    public Path metrics() {
        return dir.resolve(METRICS);
    }

    public Path confusion() {
        return dir.resolve(CONFUSION);
    }

    public Path predictions() {
        return dir.resolve(PREDICTIONS);
    }

    public Path checkpoints() {
        return dir.resolve(CHECKPOINTS);
    }

    /** Holds a run: its run.json exists (written before any training). */
    public boolean isRun() {
        return Files.isRegularFile(runInfo());
    }

    /** Training ended: the final model or the test metrics are there. */
    public boolean isFinished() {
        return Files.exists(model()) || Files.exists(metrics());
    }

    public RunInfo readInfo() {
        return RunInfo.read(dir);
    }

    public void writeInfo(RunInfo info) throws IOException {
        info.write(dir);
    }

    /** A fitted method's own settings file beside run.json (e.g. anomaly.json, fewshot.json), NaN as null. */
    public void writeMethodFile(String name, Object value) throws IOException {
        JsonNumbers.mapper().build().writeValue(dir.resolve(name).toFile(), value);
    }

    /** Reads what {@link #writeMethodFile} wrote; a missing file means the run did not finish. */
    public <T> T readMethodFile(String name, Class<T> type) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("run " + dir + " has no " + name + " (not finished? train it again)");
        }
        return JsonNumbers.mapper().build().readValue(file.toFile(), type);
    }

    /** The run's split, its paths resolved against {@code dataRoot}. */
    public Split readSplit(Path dataRoot) {
        return Split.load(split(), dataRoot);
    }

    public void writeSplit(Split split, Path dataRoot) {
        split.save(split(), dataRoot);
    }

    public List<EpochRecord> readHistory() throws IOException {
        return EpochRecord.readCsv(history());
    }

    /** The per-epoch history; cheap enough for every epoch, unlike a checkpoint or the curves plot. */
    public void writeHistory(List<EpochRecord> history) throws IOException {
        EpochRecord.writeCsv(history(), history);
    }

    /** The history and its plot. */
    public void writeCurves(List<EpochRecord> history) throws IOException {
        writeHistory(history);
        TrainingCurves.curves(history, "Training curves: " + dir.getFileName(), curves());
    }

    /** Test metrics per task (main first); a single-task file reads as task {@code main}. */
    public Map<String, ClassificationMetrics> readMetrics() throws IOException {
        return MetricsJson.readTasks(metrics());
    }

    /** metrics.json and confusion.png, for a run's test images or an evaluation written into {@code dir}. */
    public void writeMetrics(Map<String, ClassificationMetrics> metrics, String title) throws IOException {
        MetricsJson.writeRun(metrics(), metrics);
        Charts.confusion(metrics.values().iterator().next(), title, confusion());
    }

    /** metrics.json, confusion.png, predictions.csv and the operating curve of the test images. */
    public void writeTestOutputs(Map<String, ClassificationMetrics> metrics, Predictions predictions, List<Sample> samples,
                                 Dataset data, List<Task> tasks) throws IOException {
        ClassificationMetrics main = metrics.values().iterator().next();
        writeMetrics(metrics, "Test confusion matrix: " + dir.getFileName());
        List<List<String>> classes = tasks.stream().map(Task::classes).toList();
        List<Classification> results = predictions.classifications(samples.stream().map(Sample::path).toList(), classes,
                main.normalClasses() == null ? Set.of() : Set.copyOf(main.normalClasses()), null);
        PredictionsCsv.write(predictions(),
                PredictionsCsv.records(results, predictions.truthLabels(classes), Map.of(), data::relative));
        OperatingCurveFiles.write(dir, "Test miss rate vs over-detection", main, predictions, null);
    }
}
