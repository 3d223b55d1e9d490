package io.gaikan.train;

import io.gaikan.model.ModelRegistry;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A way to fit a model other than gradient training of the whole network ({@link TrainConfig#NETWORK}): few-shot
 * heads on frozen features, anomaly detectors fitted on normal images. Chosen by {@link TrainConfig#method()} and found
 * with {@link java.util.ServiceLoader} ({@code META-INF/services/io.gaikan.train.FitMethod}), so that this package
 * imports none of them. A method writes the same run directory as a network run ({@code run.json}, {@code split.csv}
 * are written before {@link #fit}, test outputs after), so eval, predict, experiments and the Java API serve it alike.
 */
public interface FitMethod {

    /** The value of {@code --method} that selects this method. */
    String name();

    /** Fits on the context's training images, saves the fitted model in the run directory and tests it. */
    TrainResult fit(FitContext context) throws IOException;

    /** The fitted model of a finished run of this method. */
    RunScorer load(RunInfo info, Path runDir, ModelRegistry registry) throws IOException;
}
