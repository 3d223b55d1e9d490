package io.gaikan.train;

import java.util.Map;

/**
 * Loss, main-task accuracy, auxiliary-task accuracies, the fraction of the epoch's training time spent waiting for
 * the next batch, and the training images per second (data wait included).
 */
public record EpochStats(double loss, double accuracy, Map<String, Double> taskAccuracy, double waitFraction,
                         double imagesPerSecond) {
    static final EpochStats NONE = new EpochStats(Double.NaN, Double.NaN, Map.of(), 0, Double.NaN);
}
