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
import java.nio.file.Path;
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

    /** Cached backbone features kept in memory; a larger feature cache spills to a file in the run directory. */
    long FEATURE_CACHE_BYTES = 1L << 30;

    /** The training images augmented and plain, and the validation images (null without a validation split). */
    record Loaders(BatchLoader train, BatchLoader trainPlain, BatchLoader val) {
    }

    /**
     * Images through the whole network; or, for a transfer phase with {@code cacheViews} set, the backbone's pooled
     * features computed once (per view) and the heads trained on them. Every trainable tensor must then be in a head:
     * a layer between backbone and heads that trains (the dual model's fusion) would make the cached features stale.
     */
    static PhaseInputs forPhase(TrainConfig config, ImageClassifier model, Phase phase, int phaseStart, Loaders loaders,
                                Path runDir, NDManager manager, PrintStream out) {
        boolean transferPhase = phase.firstTrainable() == model.backboneLayers().size();
        if (config.cacheViews() == null || !transferPhase) {
            return PhaseInputs.images(loaders.train(), loaders.val());
        }
        TrainingStep.trainableParameters(model).keySet().stream()
                .filter(name -> model.headPrefixes().stream().noneMatch(name::startsWith)).findFirst().ifPresent(name -> {
                    throw new IllegalArgumentException("--cache-views: in transfer mode " + config.model()
                            + " also trains " + name + ", which sits between the cached features and the heads");
                });
        int views = config.cacheViews() == 0 ? 1 : Math.min(config.cacheViews(), phase.epochs());
        if (!config.quiet()) {
            out.printf("feature cache: %d view(s) of %d training images%s%n", views, loaders.train().size(),
                    config.cacheViews() == 0 ? " (un-augmented)" : "");
        }
        // view v is the augmentation the image loader would apply in epoch v of the phase
        FeatureCache train = FeatureCache.build(model, loaders.train().size(), views,
                v -> config.cacheViews() == 0 ? loaders.trainPlain().epoch(0, 0, false)
                        : loaders.train().epoch(config.seed(), phaseStart + v, false),
                manager, FEATURE_CACHE_BYTES, runDir, out, config.quiet());
        try {
            FeatureCache val = loaders.val() == null ? null : FeatureCache.build(model, loaders.val().size(), 1,
                    v -> loaders.val().epoch(0, 0, false), manager, FEATURE_CACHE_BYTES, runDir, out, config.quiet());
            return PhaseInputs.cached(train, val, loaders.train(), loaders.val());
        } catch (RuntimeException e) {
            train.close();
            throw e;
        }
    }

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
