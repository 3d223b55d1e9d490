package io.gaikan.cli;

import io.gaikan.data.DataCheck;
import io.gaikan.data.Dataset;
import io.gaikan.data.Sample;
import io.gaikan.data.Split;
import io.gaikan.data.Task;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.Predictions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.report.Charts;
import io.gaikan.report.MetricsJson;
import io.gaikan.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

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

    @Override
    public Integer call() throws Exception {
        try (TrainedModel model = TrainedModel.load(run, ModelRegistry.defaults())) {
            Dataset dataset;
            List<Sample> samples;
            if (data == null) {
                dataset = Dataset.open(Path.of(model.info().data()));
                Split split = Split.load(run.resolve("split.csv"), dataset.root());
                samples = split.samples(dataset, split.test());
            } else {
                dataset = Dataset.open(data);
                dataset = DataCheck.run(dataset, threads).apply(dataset, false);
                samples = dataset.samples();
            }
            List<Task> tasks = model.tasks(dataset);
            Predictions predictions = model.predict(samples, tasks, threads, System.out, false);
            Map<String, ClassificationMetrics> metrics = predictions.metrics(
                    tasks.stream().map(Task::classes).toList(), Set.copyOf(model.info().normalClasses()));
            Path dir = out != null ? out : run.resolve(data == null ? "eval" : "eval-" + data.getFileName());
            Files.createDirectories(dir);
            MetricsJson.writeRun(dir.resolve("metrics.json"), metrics);
            Charts.confusion(metrics.values().iterator().next(), "Confusion matrix: " + dir.getFileName(),
                    dir.resolve("confusion.png"));
            metrics.forEach((task, m) -> Reports.printMetrics(task, m, System.out));
            System.out.println("written: " + dir.toAbsolutePath());
        }
        return 0;
    }
}
