package io.gaikan.train;

import io.gaikan.eval.EpochRecord;

/** What early stopping watches; without validation images, the training figure of the same kind. */
public enum Monitor {
    VAL_ACC, VAL_LOSS;

    /** Larger is better: accuracy, or the negated loss. */
    double score(EpochRecord record) {
        boolean loss = this == VAL_LOSS;
        double value = loss ? -record.valLoss() : record.valAccuracy();
        return Double.isNaN(value) ? (loss ? -record.trainLoss() : record.trainAccuracy()) : value;
    }
}
