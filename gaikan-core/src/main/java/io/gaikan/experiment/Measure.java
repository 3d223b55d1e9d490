package io.gaikan.experiment;

import io.gaikan.eval.ClassificationMetrics;

import java.util.Map;
import java.util.function.ToDoubleFunction;

/** A figure of a run's test metrics: a {@link Metric} of the main task or the accuracy of an auxiliary task. */
record Measure(String key, String title, boolean higherIsBetter,
               ToDoubleFunction<Map<String, ClassificationMetrics>> value) {

    static Measure of(Metric m) {
        return new Measure(m.key(), m.title(), m.higherIsBetter(),
                ms -> ms.isEmpty() ? Double.NaN : m.percent(ms.values().iterator().next()));
    }

    static Measure task(String task) {
        return new Measure(task + "_accuracy", "Accuracy of task '" + task + "'", true,
                ms -> ms.containsKey(task) ? 100 * ms.get(task).accuracy() : Double.NaN);
    }

    double of(RunStore.RunRecord run) {
        return value.applyAsDouble(run.metrics());
    }
}
