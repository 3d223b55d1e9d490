package io.gaikan.fewshot;

/**
 * Temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017): the one temperature that
 * minimises the log-loss of held-out labelled images, so that a probability of 0.9 is right about nine times in ten
 * whatever the head, and {@code --defect-threshold} and {@code --max-miss-rate} mean the same thing for every method.
 * It does not move the most probable class. Per-class offsets fitted the same way (the class frequencies of the
 * validation images) were tried and dropped: on magnetic tiles, where most parts are defect-free, they made the head
 * call every image defect-free at 1 and 5 images per class (accuracy 71 %, every defect missed).
 */
final class Calibration {

    private Calibration() {
    }

    /** The temperature in [e^-4, e^4] minimising the mean log-loss of {@code scores} (per image, per class). */
    static double temperature(double[][] scores, int[] labels) {
        double lo = -4, hi = 4;
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo), b = lo + phi * (hi - lo);
        double fa = logLoss(scores, labels, Math.exp(a)), fb = logLoss(scores, labels, Math.exp(b));
        for (int i = 0; i < 60; i++) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = logLoss(scores, labels, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = logLoss(scores, labels, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    static double logLoss(double[][] scores, int[] labels, double temperature) {
        double loss = 0;
        for (int i = 0; i < scores.length; i++) {
            loss -= Math.log(Math.max(1e-12, LinearHead.softmax(scores[i], temperature)[labels[i]]));
        }
        return loss / scores.length;
    }
}
