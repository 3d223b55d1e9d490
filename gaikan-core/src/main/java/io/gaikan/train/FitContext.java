package io.gaikan.train;

import io.gaikan.data.Dataset;
import io.gaikan.data.Split;
import io.gaikan.data.Task;
import io.gaikan.model.ModelRegistry;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a {@link FitMethod} fits with: the run's settings, data and split, its resolved tasks (main task first) and
 * input size, the run directory (run.json and split.csv already written) and where to print progress.
 */
public record FitContext(TrainConfig config, Dataset data, Split split, Set<String> normalClasses, List<Task> tasks,
                         int inputSize, Path runDir, boolean resume, ModelRegistry registry, PrintStream out) {
}
