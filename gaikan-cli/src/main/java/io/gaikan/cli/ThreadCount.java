package io.gaikan.cli;

import io.gaikan.train.TrainSettings;

/**
 * The {@code --threads} rule of the commands whose thread count is not a training setting: train's declaration
 * ({@link TrainSettings#THREADS}) checks it, so every command refuses the same values with the same message.
 */
final class ThreadCount {
    private ThreadCount() {
    }

    /** {@code threads} itself; null (not given) passes, for commands whose default depends on the machine. */
    static Integer check(Integer threads) {
        return threads == null ? null : TrainSettings.THREADS.checkGiven(threads);
    }
}
