package io.gaikan.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.gaikan.console.ProgressBar;
import io.gaikan.data.Batch;
import io.gaikan.data.BatchLoader;
import io.gaikan.model.ImageClassifier;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Runs a model in inference mode over every image of a loader and keeps the softmax of each head. */
public final class Predictor {

    private final ImageClassifier model;
    private final List<String> taskNames;

    public Predictor(ImageClassifier model, List<String> taskNames) {
        this.model = model;
        this.taskNames = List.copyOf(taskNames);
    }

    public Predictions predict(BatchLoader loader, NDManager manager, PrintStream out, boolean quiet) {
        ParameterStore ps = new ParameterStore(manager, false);
        return run(loader.epoch(0, 0, false), loader.size(), x -> model.forward(ps, new NDList(x), false),
                manager, out, quiet);
    }

    /**
     * Predictions from pooled backbone features (batches of shape (n, featureDim, 1, 1), e.g. from a feature
     * cache) through the heads only; {@code n} is the number of images the batches cover.
     */
    public Predictions predictFromFeatures(Iterator<Batch> batches, int n, NDManager manager, PrintStream out,
                                           boolean quiet) {
        ParameterStore ps = new ParameterStore(manager, false);
        return run(batches, n, x -> model.forwardHeads(ps, x.reshape(x.getShape().get(0), -1), false),
                manager, out, quiet);
    }

    private Predictions run(Iterator<Batch> batches, int n, Function<NDArray, NDList> network, NDManager manager,
                            PrintStream out, boolean quiet) {
        int tasks = taskNames.size();
        List<int[]> truth = new ArrayList<>();
        List<float[][]> probs = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            truth.add(new int[n]);
            probs.add(new float[n][]);
        }
        try (ProgressBar bar = ProgressBar.start("predict", n, out, quiet)) {
            while (batches.hasNext()) {
                Batch batch = batches.next();
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.create(batch.pixels(), new Shape(batch.size(), batch.channels(), batch.height(), batch.width()));
                    NDList logits = network.apply(x);
                    for (int t = 0; t < tasks; t++) {
                        NDArray p = logits.get(t).softmax(1);
                        int k = (int) p.getShape().get(1);
                        float[] flat = p.toFloatArray();
                        for (int b = 0; b < batch.size(); b++) {
                            int i = batch.indices()[b];
                            truth.get(t)[i] = batch.labels()[t][b];
                            float[] row = new float[k];
                            System.arraycopy(flat, b * k, row, 0, k);
                            probs.get(t)[i] = row;
                        }
                    }
                }
                bar.step(batch.size(), Map.of());
            }
        }
        return new Predictions(taskNames, truth, probs);
    }
}
