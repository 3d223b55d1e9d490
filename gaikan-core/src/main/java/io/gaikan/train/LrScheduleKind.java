package io.gaikan.train;

/** How the learning rate falls over a phase after its warm-up ({@link LrSchedule}). */
public enum LrScheduleKind {
    /** Half a cosine from the base rate to zero. */
    COSINE,
    /** Multiplied by {@code step_gamma} every {@code step_epochs} epochs. */
    STEP,
    /** The base rate throughout. */
    CONSTANT
}
