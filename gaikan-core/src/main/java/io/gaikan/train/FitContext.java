package io.gaikan.train;

import ai.djl.ndarray.NDManager;
import io.gaikan.data.Dataset;
import io.gaikan.data.Sample;
import io.gaikan.data.Split;
import io.gaikan.data.Task;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.Predictions;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelRegistry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link FitMethod} fits with: the run's settings, data and split, its resolved tasks (main task first) and
 * input size, the run directory (run.json and split.csv already written) and where to print progress; and the parts
 * of a network run a method shares, so that its run directory has the same files.
 */
public record FitContext(TrainConfig config, Dataset data, Split split, Set<String> normalClasses, List<Task> tasks,
                         int inputSize, Path runDir, boolean resume, ModelRegistry registry, PrintStream out) {

    /** The run's network ({@code --model}) with its heads, initialised as {@code --init} says (e.g. ImageNet weights). */
    public ImageClassifier buildNetwork(NDManager manager) {
        return Trainer.buildModel(registry, registry.get(config.model()), config, tasks, inputSize, manager, out);
    }

    /** metrics.json, confusion.png, predictions.csv and the operating curve of the test images, as a network run writes them. */
    public void writeTestOutputs(Map<String, ClassificationMetrics> metrics, Predictions predictions, List<Sample> samples)
            throws IOException {
        new RunLayout(runDir).writeTestOutputs(metrics, predictions, samples, data, tasks);
    }
}
