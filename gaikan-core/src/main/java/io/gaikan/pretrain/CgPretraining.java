package io.gaikan.pretrain;

import io.gaikan.data.DataOptions;
import io.gaikan.data.PreparedData;
import io.gaikan.model.ModelRegistry;
import io.gaikan.synth.DatasetSummary;
import io.gaikan.synth.SynthConfig;
import io.gaikan.synth.Synthesizer;
import io.gaikan.train.RunLayout;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainResult;
import io.gaikan.train.Trainer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CG pretraining (seed 001): render a synthetic defect set, train a network on it, and keep the weights as the
 * starting point ({@code --init FILE}) for fine-tuning on a few real images. Rendering is skipped when the set is
 * already there and training resumes from its checkpoint, so a killed pretraining continues where it stopped.
 *
 * @param count how many CG images to render (half OK, half NG by default)
 */
public record CgPretraining(SynthConfig synth, int count, TrainConfig train) {

    /** The CG images and the pretraining run under {@code dir}; returns the run's model file. */
    public Path run(Path dir, ModelRegistry registry, PrintStream out) throws IOException {
        Path data = dir.resolve("cg-data");
        if (!Files.exists(data.resolve("labels.csv"))) {
            DatasetSummary summary = new Synthesizer(synth).writeDataset(data, count, train.threads(), 0);
            out.printf("rendered %d CG images in %.1f s (%.0f images/s)%n", summary.count(), summary.seconds(),
                    summary.imagesPerSecond());
        }
        Path runDir = dir.resolve("run");
        RunLayout run = new RunLayout(runDir);
        Path model = run.model();
        if (Files.exists(model)) {
            return model;
        }
        boolean resume = run.isRun();
        PreparedData prepared = PreparedData.prepare(new DataOptions(data.resolve("labels.csv"), null,
                resume ? run.split() : null, 0.1, 0.1, 0, train.seed(), false, List.of("ok")),
                train.threads(), out);
        TrainResult result = new Trainer(registry, out).train(train, prepared.data(), prepared.split(),
                prepared.normalClasses(), runDir, resume);
        out.printf("CG pretraining: held-out CG accuracy %.4f%n", result.mainMetrics().accuracy());
        return model;
    }
}
