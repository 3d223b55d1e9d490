package io.gaikan.train;

import io.gaikan.eval.EpochRecord;

import java.io.IOException;

/**
 * What the trainer knows when an epoch ends, for the {@link Listener}s that act on it inside the training loop (the
 * checkpoint clock, the console line, the caller's {@link EpochListener}), as DJL's TrainingListener does.
 *
 * @param record     the epoch's record (as history.csv and the caller's listener get it)
 * @param trainStats the training pass's figures, with its speed and data wait
 * @param state      the training state after this epoch (early stopping already applied)
 * @param phaseEnds  whether the phase ends with this epoch (its last epoch, or early stopping)
 */
record EpochEnd(EpochRecord record, EpochStats trainStats, TrainState state, boolean phaseEnds) {

    /** Acts at the end of every epoch, in the order the trainer lists them. */
    @FunctionalInterface
    interface Listener {
        void epochEnded(EpochEnd end) throws IOException;
    }
}
