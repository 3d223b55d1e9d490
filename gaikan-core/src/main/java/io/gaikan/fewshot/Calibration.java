package io.gaikan.fewshot;

/**
 * Calibration on held-out labelled images: one temperature for every score and an offset per class (temperature
 * scaling, Guo et al. 2017, with the class biases of "vector scaling" tied to one scale), fitted by minimising the
 * log-loss of the validation images. The temperature makes a probability of 0.9 right about nine times in ten, so
 * {@code --defect-threshold} and {@code --max-miss-rate} mean the same for every method; the offsets learn how common
 * each class is where the model will be used, which a head fitted on as many images of every class cannot know (on
 * magnetic tiles most parts are free of defects).
 */
final class Calibration {

    /**
     * Pulls the offsets towards 0 with the weight of about one validation image, so that a class with two validation
     * images cannot get an extreme offset while a large validation set speaks for itself.
     */
    static final double OFFSET_PENALTY = 1;

    /** A temperature and per-class offsets: probabilities = softmax(scores / temperature + offsets). */
    record Fit(double temperature, double[] offsets) {
    }

    private Calibration() {
    }

    static Fit fit(double[][] scores, int[] labels, int classes) {
        int n = scores.length;
        Lbfgs.Objective objective = (theta, grad) -> {
            java.util.Arrays.fill(grad, 0);
            double t = Math.exp(theta[0]);
            double loss = 0;
            double[] z = new double[classes];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < classes; c++) {
                    z[c] = scores[i][c] / t + theta[1 + c];
                }
                float[] p = LinearHead.softmax(z, 1);
                loss -= Math.log(Math.max(1e-12, p[labels[i]])) / n;
                for (int c = 0; c < classes; c++) {
                    double delta = (p[c] - (c == labels[i] ? 1 : 0)) / n;
                    grad[1 + c] += delta;
                    grad[0] -= delta * scores[i][c] / t;
                }
            }
            for (int c = 0; c < classes; c++) {
                loss += OFFSET_PENALTY / n * theta[1 + c] * theta[1 + c];
                grad[1 + c] += 2 * OFFSET_PENALTY / n * theta[1 + c];
            }
            return loss;
        };
        double[] theta = Lbfgs.minimise(objective, new double[classes + 1], 200, 1e-7).x();
        double[] offsets = new double[classes];
        System.arraycopy(theta, 1, offsets, 0, classes);
        return new Fit(Math.exp(theta[0]), offsets);
    }
}
