package io.gaikan.train;

import io.gaikan.data.DataException;
import io.gaikan.data.Dataset;
import io.gaikan.data.Sample;
import io.gaikan.data.Task;
import io.gaikan.eval.Classification;
import io.gaikan.explain.CamTarget;
import io.gaikan.eval.Predictions;
import io.gaikan.model.ModelRegistry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model of a finished run, whatever its method, rebuilt from its run directory for evaluation and prediction: a
 * network from run.json and model.safetensors, a fitted method ({@link FitMethod}) from its own files.
 */
public final class TrainedModel implements AutoCloseable {

    private final RunInfo info;
    private final RunScorer scorer;

    private TrainedModel(RunInfo info, RunScorer scorer) {
        this.info = info;
        this.scorer = scorer;
    }

    public static TrainedModel load(Path runDir, ModelRegistry registry) throws IOException {
        RunInfo info = RunInfo.read(runDir);
        TrainConfig config = info.config();
        return new TrainedModel(info, config.isNetwork() ? NetworkScorer.load(info, runDir, registry)
                : FitMethods.get(config.method()).load(info, runDir, registry));
    }

    public RunInfo info() {
        return info;
    }

    /** Tasks with the training classes; labels are read from {@code data} when it has the same classes. */
    public List<Task> tasks(Dataset data) {
        if (data == null) {
            List<Task> tasks = new ArrayList<>();
            info.tasks().forEach((name, classes) -> tasks.add(Task.of(name, classes, 1f)));
            return tasks;
        }
        if (!data.classes().equals(info.classes())) {
            throw new DataException("classes of " + data.root() + " " + data.classes() + " differ from the run's " + info.classes());
        }
        return Task.resolve(info.config().tasks(), data, Set.copyOf(info.normalClasses()), info.tasks());
    }

    /** Probabilities for {@code samples}; labels (for metrics) come from {@code tasks}. */
    public Predictions predict(List<Sample> samples, List<Task> tasks, int threads, PrintStream out, boolean quiet) {
        return scorer.predict(samples, tasks, threads, out, quiet);
    }

    /**
     * Where the model sees a defect in each image (a network's Grad-CAM of the defect classes, or of the most probable
     * class when the run has no normal classes; an anomaly detector's map); a method that draws none refuses with an
     * {@link UnsupportedOperationException} naming why.
     */
    public List<RunScorer.HeatMap> heatMaps(List<Path> images, int threads) {
        return heatMaps(images, threads, System.err);
    }

    /** As {@link #heatMaps(List, int)}, with the closing progress line on {@code progress}. */
    public List<RunScorer.HeatMap> heatMaps(List<Path> images, int threads, PrintStream progress) {
        return scorer.heatMaps(images.stream().map(p -> new Sample(p, -1)).toList(), threads, progress, true);
    }

    /**
     * Grad-CAM of one class of the main task in each image (where the network sees that class), for a network run;
     * other methods refuse with an {@link UnsupportedOperationException}.
     */
    public List<RunScorer.HeatMap> heatMaps(List<Path> images, int threads, String className) {
        int index = info.classes().indexOf(className);
        if (index < 0) {
            throw new IllegalArgumentException("no class " + className + " in the run; classes: " + info.classes());
        }
        if (!(scorer instanceof NetworkScorer network)) {
            throw new UnsupportedOperationException("heat maps of one class need a network run, this is " + info.config().method());
        }
        return network.heatMaps(images.stream().map(p -> new Sample(p, -1)).toList(), CamTarget.group(List.of(index)),
                threads, System.err, true);
    }

    /**
     * The class of every image for every task, with its probability and the defect/normal verdict of the most probable
     * class, on {@code threads} decoding threads. An unreadable image stops with a {@link DataException} naming it.
     */
    public List<Classification> classify(List<Path> images, int threads) {
        return classify(images, threads, null);
    }

    /**
     * As {@link #classify(List, int)}, but an image is judged defective when its defect score is at least
     * {@code defectThreshold} (null: by the most probable class), e.g. the threshold {@code gaikan eval --max-miss-rate}
     * chose on validation images.
     */
    public List<Classification> classify(List<Path> images, int threads, Double defectThreshold) {
        return classify(images, threads, defectThreshold, System.err);
    }

    /** As {@link #classify(List, int, Double)}, with the closing progress line on {@code progress}. */
    public List<Classification> classify(List<Path> images, int threads, Double defectThreshold, PrintStream progress) {
        if (defectThreshold != null && !(defectThreshold >= 0 && defectThreshold <= 1)) {
            throw new IllegalArgumentException("--defect-threshold must be a defect score in [0, 1], got " + defectThreshold);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        List<Task> tasks = tasks(null);
        Predictions predictions = predict(images.stream().map(p -> new Sample(p, -1)).toList(), tasks, threads,
                progress, true);
        Set<String> normal = Set.copyOf(info.normalClasses());
        if (defectThreshold != null && normal.isEmpty()) {
            throw new IllegalArgumentException("a defect threshold needs the run's normal classes (--normal-classes in training)");
        }
        return predictions.classifications(images, tasks.stream().map(Task::classes).toList(), normal, defectThreshold);
    }

    public Map<String, List<String>> taskClasses() {
        return info.tasks();
    }

    @Override
    public void close() {
        scorer.close();
    }
}
