package io.gaikan.train;

import ai.djl.nn.Parameter;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.ParameterNames;
import io.gaikan.model.weights.LoadReport;
import io.gaikan.model.weights.PretrainedResolver;
import io.gaikan.model.weights.WeightLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Applies {@code --init}: nothing, ImageNet weights (resolved offline first), or a weights/checkpoint file. */
final class Initialization {

    private Initialization() {
    }

    /**
     * True when every BatchNorm's running mean is 0 and running variance 1 (to 1e-3): the statistics were folded into
     * the convolutions, so only eval-mode BatchNorm reproduces the network.
     */
    static boolean hasIdentityBatchNormStatistics(ImageClassifier model) {
        boolean any = false;
        for (Map.Entry<String, Parameter> e : ParameterNames.of(model).entrySet()) {
            boolean mean = e.getKey().endsWith("running_mean");
            if (!mean && !e.getKey().endsWith("running_var")) {
                continue;
            }
            any = true;
            for (float v : e.getValue().getArray().toFloatArray()) {
                if (Math.abs(v - (mean ? 0f : 1f)) > 1e-3f) {
                    return false;
                }
            }
        }
        return any;
    }

    static void apply(ImageClassifier model, TrainConfig config, ModelRegistry registry, PrintStream out) {
        Init init = config.init();
        Path file;
        if (init instanceof Init.ImageNet) {
            file = PretrainedResolver.fromEnvironment(config.allowDownload())
                    .resolve(registry.get(config.model()), config.weightsFile() == null ? null : Path.of(config.weightsFile()));
        } else if (init instanceof Init.WeightsFile weights) {
            file = weights.file();
        } else if (init instanceof Init.PretrainStep) {
            throw new IllegalArgumentException("--init " + init.text() + ": a pretrain step is named only in an "
                    + "experiment config, whose runner gives its weights file");
        } else {
            file = null;
        }
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
            if (config.isNetwork() && !config.freezeBn() && hasIdentityBatchNormStatistics(model)) {
                out.println("warning: " + file.getFileName() + " has identity BatchNorm statistics (mean 0, variance 1: "
                        + "BatchNorm folded into the convolutions, as in ONNX exports); training with batch statistics "
                        + "changes the network at the first step: use --freeze-bn");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read weights " + file + ": " + e.getMessage(), e);
        }
    }
}
