package io.gaikan.train;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaikan.data.Dataset;
import io.gaikan.data.Sample;
import io.gaikan.data.Task;
import io.gaikan.eval.Classification;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.EpochRecord;
import io.gaikan.eval.Predictions;
import io.gaikan.eval.PredictionsCsv;
import io.gaikan.model.ImageClassifier;
import io.gaikan.report.Charts;
import io.gaikan.report.MetricsJson;
import io.gaikan.report.OperatingCurveFiles;
import io.gaikan.text.JsonNumbers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The layout of a run directory, and its checkpoints: {@code checkpoints/epoch-NNN.{model,optim}.safetensors} plus
 * {@code epoch-NNN.state.json}, written last, so a checkpoint counts only once complete and a kill at any moment
 * leaves the previous one usable.
 */
final class RunFiles {

    private static final ObjectMapper STATE_JSON = JsonNumbers.mapper().build();

    private final Path dir;
    private final Path checkpoints;

    RunFiles(Path dir) {
        this.dir = dir;
        this.checkpoints = dir.resolve("checkpoints");
    }

    Path split() {
        return dir.resolve("split.csv");
    }

    Path model() {
        return dir.resolve("model.safetensors");
    }

    Path best() {
        return checkpoints.resolve("best.safetensors");
    }

    void saveCheckpoint(ImageClassifier model, Optimizer optimizer, TrainState state) throws IOException {
        Files.createDirectories(checkpoints);
        Path owner = checkpoints.resolve(RunInfo.FILE);
        if (!Files.exists(owner)) { // which run these checkpoints belong to, checked on --resume
            Files.copy(dir.resolve(RunInfo.FILE), owner);
        }
        String prefix = String.format("epoch-%03d", state.epochsDone());
        ModelState.saveModel(model, checkpoints.resolve(prefix + ".model.safetensors"));
        ModelState.saveTensors(optimizer.state(), checkpoints.resolve(prefix + ".optim.safetensors"));
        Path tmp = checkpoints.resolve(prefix + ".state.json.tmp");
        STATE_JSON.writeValue(tmp.toFile(), state);
        Files.move(tmp, checkpoints.resolve(prefix + ".state.json"), StandardCopyOption.ATOMIC_MOVE);
        saveHistory(state.history());
        Charts.curves(state.history(), "Training curves: " + dir.getFileName(), dir.resolve("curves.png"));
        for (String old : completedCheckpoints()) {
            if (!old.equals(prefix)) {
                for (String suffix : List.of(".state.json", ".model.safetensors", ".optim.safetensors")) {
                    Files.deleteIfExists(checkpoints.resolve(old + suffix));
                }
            }
        }
    }

    /** The per-epoch history as CSV; cheap enough for every epoch, unlike a checkpoint or the curves plot. */
    void saveHistory(List<EpochRecord> history) throws IOException {
        EpochRecord.writeCsv(dir.resolve("history.csv"), history);
    }

    /** Restores model and optimiser from the newest complete checkpoint; a fresh state if there is none. */
    TrainState loadCheckpoint(ImageClassifier model, Optimizer optimizer, NDManager manager) throws IOException {
        List<String> done = completedCheckpoints();
        if (done.isEmpty()) {
            return TrainState.fresh();
        }
        Path owner = checkpoints.resolve(RunInfo.FILE);
        if (Files.exists(owner) && !RunInfo.read(checkpoints).config().identity().equals(RunInfo.read(dir).config().identity())) {
            throw new IllegalArgumentException("the checkpoints in " + checkpoints + " belong to a run with other settings "
                    + "than " + dir.resolve(RunInfo.FILE) + ": resuming would keep the old model under the new settings; "
                    + "start again with --overwrite");
        }
        String prefix = done.get(done.size() - 1);
        ModelState.restoreModel(model, checkpoints.resolve(prefix + ".model.safetensors"));
        try (NDManager tmp = manager.newSubManager()) {
            optimizer.load(ModelState.readTensors(checkpoints.resolve(prefix + ".optim.safetensors"), tmp), manager);
        }
        return STATE_JSON.readValue(checkpoints.resolve(prefix + ".state.json").toFile(), TrainState.class);
    }

    private List<String> completedCheckpoints() throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("epoch-\\d+\\.state\\.json"))
                    .map(n -> n.substring(0, n.indexOf('.')))
                    .sorted()
                    .toList();
        }
    }

    void writeTestOutputs(Map<String, ClassificationMetrics> metrics, Predictions predictions, List<Sample> samples,
                          Dataset data, List<Task> tasks) throws IOException {
        ClassificationMetrics main = metrics.values().iterator().next();
        MetricsJson.writeRun(dir.resolve("metrics.json"), metrics);
        Charts.confusion(main, "Test confusion matrix: " + dir.getFileName(), dir.resolve("confusion.png"));
        List<List<String>> classes = tasks.stream().map(Task::classes).toList();
        List<Classification> results = predictions.classifications(samples.stream().map(Sample::path).toList(), classes,
                main.normalClasses() == null ? java.util.Set.of() : java.util.Set.copyOf(main.normalClasses()), null);
        PredictionsCsv.write(dir.resolve("predictions.csv"),
                PredictionsCsv.records(results, predictions.truthLabels(classes), Map.of(), data::relative));
        OperatingCurveFiles.write(dir, "Test miss rate vs over-detection", main, predictions, null);
    }
}
