package io.gaikan.train;

import io.gaikan.model.ImageClassifier;

import java.util.List;

/**
 * A stretch of epochs with one freezing state and one learning-rate curve.
 *
 * @param firstTrainable index into the model's backbone layers of the first trainable one (layers before it frozen)
 */
public record Phase(String name, int epochs, float lr, int firstTrainable) {

    /**
     * The run's phases: one (scratch, transfer or fine-tune), or transfer then fine-tune for a schedule; each phase's
     * epochs raised to reach {@code --min-steps} optimiser steps at {@code stepsPerEpoch}.
     */
    static List<Phase> of(TrainConfig config, ImageClassifier model, int stepsPerEpoch) {
        int frozenAll = model.backboneLayers().size();
        int unfreeze = unfreezeIndex(config.unfreezeFrom(), model);
        float lr = config.baseLr();
        int minEpochs = (config.get(TrainSettings.MIN_STEPS) + stepsPerEpoch - 1) / stepsPerEpoch;
        if (config.isSchedule()) {
            return List.of(new Phase("transfer", Math.max(minEpochs, config.transferEpochs()), lr, frozenAll),
                    new Phase("finetune", Math.max(minEpochs, config.finetuneEpochs()), config.effectiveFinetuneLr(),
                            unfreeze));
        }
        int epochs = Math.max(minEpochs, config.epochs());
        return List.of(switch (config.mode()) {
            case SCRATCH -> new Phase("scratch", epochs, lr, 0);
            case TRANSFER -> new Phase("transfer", epochs, lr, frozenAll);
            case FINETUNE -> new Phase("finetune", epochs, lr, unfreeze);
        });
    }

    static int totalEpochs(List<Phase> phases) {
        return phases.stream().mapToInt(Phase::epochs).sum();
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
