package io.gaikan.train;

import io.gaikan.model.ImageClassifier;

import java.io.IOException;
import java.time.Duration;

/**
 * Saves a checkpoint at the end of a phase and otherwise only once {@code every} has passed since the last one (a
 * ResNet checkpoint is ~100 MB, more than a few-shot epoch's work); between checkpoints it keeps history.csv current.
 */
final class CheckpointClock implements EpochEnd.Listener {

    private final Checkpoints files;
    private final ImageClassifier model;
    private final Optimizer optimizer;
    private final Duration every;
    private long last = System.nanoTime();

    CheckpointClock(Checkpoints files, ImageClassifier model, Optimizer optimizer, Duration every) {
        this.files = files;
        this.model = model;
        this.optimizer = optimizer;
        this.every = every;
    }

    @Override
    public void epochEnded(EpochEnd end) throws IOException {
        if (end.phaseEnds() || System.nanoTime() - last >= every.toNanos()) {
            files.save(model, optimizer, end.state());
            last = System.nanoTime();
        } else {
            files.run().writeHistory(end.state().history());
        }
    }
}
