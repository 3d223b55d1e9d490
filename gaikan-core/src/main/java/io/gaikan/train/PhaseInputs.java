package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.gaikan.data.Batch;
import io.gaikan.data.BatchLoader;
import io.gaikan.eval.Predictions;
import io.gaikan.eval.Predictor;
import io.gaikan.model.ImageClassifier;

import java.io.PrintStream;
import java.util.Iterator;

/**
 * What a training phase feeds the network: images through the whole model, or (a transfer phase with a
 * {@link FeatureCache}) cached backbone features through the heads only. The trainer's step, loss and validation
 * are the same code for both.
 */
interface PhaseInputs extends AutoCloseable {

    /** The shuffled training batches of an epoch ({@code epoch} counts over the run, {@code phaseEpoch} within the phase). */
    Iterator<Batch> trainBatches(long seed, int epoch, int phaseEpoch);

    /** The logits of every head for one batch's input array. */
    NDList forward(ImageClassifier model, ParameterStore ps, NDArray x, boolean training);

    /** Predictions on the whole validation set. */
    Predictions validate(Predictor predictor, NDManager manager, PrintStream out);

    @Override
    void close();

    static PhaseInputs images(BatchLoader train, BatchLoader val) {
        return new PhaseInputs() {
            @Override
            public Iterator<Batch> trainBatches(long seed, int epoch, int phaseEpoch) {
                return train.epoch(seed, epoch, true);
            }

            @Override
            public NDList forward(ImageClassifier model, ParameterStore ps, NDArray x, boolean training) {
                return model.forward(ps, new NDList(x), training);
            }

            @Override
            public Predictions validate(Predictor predictor, NDManager manager, PrintStream out) {
                return predictor.predict(val, manager, out, true);
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Heads on cached features: epoch e of the phase uses view e mod (number of views), in the batches the image
     * loader would have formed for that epoch.
     *
     * @param val cached validation features (one view), or null when the run has no validation split
     */
    static PhaseInputs cached(FeatureCache train, FeatureCache val, BatchLoader trainLoader, BatchLoader valLoader) {
        return new PhaseInputs() {
            @Override
            public Iterator<Batch> trainBatches(long seed, int epoch, int phaseEpoch) {
                return train.batches(trainLoader.batchOrder(seed, epoch, true), phaseEpoch % train.views());
            }

            @Override
            public NDList forward(ImageClassifier model, ParameterStore ps, NDArray x, boolean training) {
                return model.forwardHeads(ps, x.reshape(x.getShape().get(0), -1), training);
            }

            @Override
            public Predictions validate(Predictor predictor, NDManager manager, PrintStream out) {
                return predictor.predictFromFeatures(val.batches(valLoader.batchOrder(0, 0, false), 0), val.samples(),
                        manager, out, true);
            }

            @Override
            public void close() {
                try (train) {
                    if (val != null) {
                        val.close();
                    }
                }
            }
        };
    }
}
