package io.gaikan.train;

import io.gaikan.data.Sample;
import io.gaikan.model.ImageClassifier;

import java.io.PrintStream;
import java.util.Collections;
import java.util.List;

/**
 * A stretch of epochs with one freezing state and one learning-rate curve.
 *
 * @param firstTrainable index into the model's backbone layers of the first trainable one (layers before it frozen)
 */
public record Phase(String name, int epochs, float lr, int firstTrainable) {

    /** The run's phases: one (scratch, transfer or fine-tune), or transfer then fine-tune for a schedule. */
    static List<Phase> of(TrainConfig config, ImageClassifier model) {
        int frozenAll = model.backboneLayers().size();
        int unfreeze = unfreezeIndex(config.unfreezeFrom(), model);
        float lr = config.baseLr();
        if (config.isSchedule()) {
            return List.of(new Phase("transfer", config.transferEpochs(), lr, frozenAll),
                    new Phase("finetune", config.finetuneEpochs(), config.effectiveFinetuneLr(), unfreeze));
        }
        return List.of(switch (config.mode()) {
            case SCRATCH -> new Phase("scratch", config.epochs(), lr, 0);
            case TRANSFER -> new Phase("transfer", config.epochs(), lr, frozenAll);
            case FINETUNE -> new Phase("finetune", config.epochs(), lr, unfreeze);
        });
    }

    /** The training images as an epoch shows them: each {@link #repeats} times, in order. */
    static List<Sample> epochImages(TrainConfig config, List<Sample> images, PrintStream out) {
        int repeats = repeats(config, images.size());
        if (repeats > 1 && !config.quiet()) {
            out.printf("--min-steps %d: each epoch shows the %d training images %d times%n",
                    config.get(TrainSettings.MIN_STEPS), images.size(), repeats);
        }
        return Collections.nCopies(repeats, images).stream().flatMap(List::stream).toList();
    }

    /**
     * How many times an epoch shows each of {@code images} training images (each time differently augmented) so that
     * every phase makes at least {@code --min-steps} optimiser steps. With 1-5 images per class an epoch is otherwise
     * one step, and validating after every one of hundreds of one-step epochs would cost more than the training.
     */
    static int repeats(TrainConfig config, int images) {
        int minSteps = config.get(TrainSettings.MIN_STEPS);
        if (minSteps == 0) {
            return 1;
        }
        int fewestEpochs = config.isSchedule() ? Math.min(config.transferEpochs(), config.finetuneEpochs()) : config.epochs();
        long stepsPerEpoch = (minSteps + fewestEpochs - 1) / fewestEpochs;
        // a shuffled epoch drops its last partial batch (BatchLoader#batches)
        return (int) Math.max(1, (stepsPerEpoch * config.batchSize() + images - 1) / images);
    }

    /** {@code --unfreeze-from}: a layer name prefix or an index into the backbone layers; none = 0 (all layers). */
    public static int unfreezeIndex(String from, ImageClassifier model) {
        if (from == null || from.isBlank()) {
            return 0;
        }
        if (from.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(from);
            int n = model.backboneLayers().size();
            if (index > n) {
                throw new IllegalArgumentException("--unfreeze-from " + index + ": the model has " + n + " layers");
            }
            return index;
        }
        return model.layerIndex(from);
    }
}
