package io.gaikan.cli;

import io.gaikan.data.DataException;
import io.gaikan.data.ImageFolder;
import io.gaikan.data.Sample;
import io.gaikan.data.Task;
import io.gaikan.eval.Predictions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gaikan predict}: classes, probabilities and the defect/normal verdict for images. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict images with a trained run: class, probability, defect/normal verdict, every task.")
public final class PredictCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "run directory of 'gaikan train'")
    Path run;

    @Parameters(arity = "1..*", paramLabel = "IMAGE|DIR", description = "image files or folders (searched recursively)")
    List<Path> inputs;

    @Option(names = "--csv", description = "also write the predictions to this CSV file")
    Path csv;

    @Option(names = "--threads", defaultValue = "2")
    int threads;

    @Override
    public Integer call() throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                ImageFolder.images(p).forEach(f -> samples.add(new Sample(f, -1)));
            } else if (Files.isRegularFile(p)) {
                samples.add(new Sample(p, -1));
            } else {
                throw new DataException("no such image or folder: " + p);
            }
        }
        if (samples.isEmpty()) {
            throw new DataException("no images found in " + inputs);
        }
        try (TrainedModel model = TrainedModel.load(run, ModelRegistry.defaults())) {
            List<Task> tasks = model.tasks(null);
            Predictions predictions = model.predict(samples, tasks, threads, System.err, true);
            List<String> normal = model.info().normalClasses();
            List<String> lines = new ArrayList<>();
            StringBuilder header = new StringBuilder("path,class,probability");
            if (!normal.isEmpty()) {
                header.append(",verdict");
            }
            for (int t = 1; t < tasks.size(); t++) {
                header.append(',').append(tasks.get(t).name()).append(',').append(tasks.get(t).name()).append("_probability");
            }
            lines.add(header.toString());
            for (int i = 0; i < samples.size(); i++) {
                StringBuilder row = new StringBuilder(samples.get(i).path().toString());
                for (int t = 0; t < tasks.size(); t++) {
                    int k = predictions.predicted(t, i);
                    String cls = tasks.get(t).classes().get(k);
                    row.append(',').append(cls).append(',').append(String.format("%.4f", predictions.probabilities().get(t)[i][k]));
                    if (t == 0 && !normal.isEmpty()) {
                        row.append(',').append(normal.contains(cls) ? "normal" : "DEFECT");
                    }
                }
                lines.add(row.toString());
            }
            PrintStream out = System.out;
            lines.forEach(out::println);
            if (csv != null) {
                Files.write(csv, lines);
            }
        }
        return 0;
    }
}
