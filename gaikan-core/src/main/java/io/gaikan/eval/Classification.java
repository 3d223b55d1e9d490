package io.gaikan.eval;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a trained model says about one image: for every task (the main task first) the most probable class and its
 * probability, and, when the run knows its normal (OK) classes, the defect score (1 - P(normal classes), NaN without
 * normal classes) and the verdict: defective or not, by the most probable class or by a defect threshold.
 */
public record Classification(Path image, List<TaskLabel> tasks, double defectScore, Optional<Boolean> defect) {

    /**
     * One task's answer: the most probable class, its probability, and every class's probability in the task's class
     * order.
     */
    public record TaskLabel(String task, String label, float probability, Map<String, Float> probabilities) {
        public TaskLabel {
            probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
        }
    }

    public Classification {
        tasks = List.copyOf(tasks);
    }

    /** The main task's class. */
    public String label() {
        return tasks.get(0).label();
    }

    /** The main task's probability of {@link #label()}. */
    public float probability() {
        return tasks.get(0).probability();
    }
}
