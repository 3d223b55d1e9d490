package io.gaikan.cli;

/**
 * The {@code --threads} rule of the commands whose thread count is not a training setting (train's is declared in
 * TrainSettings with the same range): zero or fewer threads is a typo, not "as many as there are cores".
 */
final class ThreadCount {
    private ThreadCount() {
    }

    /** {@code threads} itself; null (not given) passes, for commands whose default depends on the machine. */
    static Integer check(Integer threads) {
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        return threads;
    }
}
