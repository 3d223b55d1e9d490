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

    /**
     * Where the model sees a defect in each image: a map over the image (rows x columns, any resolution) and the
     * values to draw as cold and as hot. Methods that cannot say refuse with a one-line reason.
     */
    default List<HeatMap> heatMaps(List<Sample> samples, int threads, PrintStream out, boolean quiet) {
        throw new UnsupportedOperationException("this run's method draws no heat maps");
    }

    /** A heat map: {@code values} drawn from {@code low} (cold) to {@code high} (hot). */
    record HeatMap(float[][] values, double low, double high) {
    }

    @Override
    void close();
}
