package io.gaikan.train;

/** Training produced a non-finite loss; the message names the epoch, the step and the learning rate. */
public final class TrainingDivergedException extends IllegalStateException {

    public TrainingDivergedException(String message) {
        super(message);
    }
}
