package io.gaikan.train;

import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.weights.PretrainedResolver;
import io.gaikan.model.weights.LoadReport;
import io.gaikan.model.weights.WeightLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Applies {@code --init}: nothing, ImageNet weights (resolved offline first), or a weights/checkpoint file. */
final class Initialization {

    private Initialization() {
    }

    static void apply(ImageClassifier model, TrainConfig config, ModelRegistry registry, PrintStream out) {
        Path file = switch (config.init()) {
            case "none" -> null;
            case "imagenet" -> PretrainedResolver.fromEnvironment(config.allowDownload())
                    .resolve(registry.get(config.model()), config.weightsFile() == null ? null : Path.of(config.weightsFile()));
            default -> Path.of(config.init());
        };
        if (file == null) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--init: no such weights file: " + file);
        }
        try {
            LoadReport report = WeightLoader.load(model, file);
            if (!config.quiet()) {
                out.println("init from " + file + ": " + report.summary());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read weights " + file + ": " + e.getMessage(), e);
        }
    }
}
