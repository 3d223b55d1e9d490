package io.gaikan.train;

import io.gaikan.data.Sample;
import io.gaikan.data.Task;
import io.gaikan.eval.Predictions;

import java.io.PrintStream;
import java.util.List;

/** The fitted model of a run, whatever its method: class probabilities of every task for a list of images. */
public interface RunScorer extends AutoCloseable {

    /** Probabilities for {@code samples}; labels (for metrics) come from {@code tasks}. */
    Predictions predict(List<Sample> samples, List<Task> tasks, int threads, PrintStream out, boolean quiet);

    @Override
    void close();
}
