package io.gaikan.linear;

import java.util.Arrays;

/**
 * L2-regularised multinomial logistic regression solved to convergence with {@link Lbfgs}: minimises the weighted
 * mean cross-entropy of softmax(W x + b) plus {@code l2}/2 |W|^2 (the bias is not penalised).
 */
public final class SoftmaxRegression {

    /** Iterations a solve may take; the heads here converge in tens to a few hundred. */
    private static final int MAX_ITERATIONS = 500;

    /** Largest gradient entry at which a solve counts as converged. */
    private static final double TOLERANCE = 1e-6;

    /** A fitted layer: one weight row and one bias per class. */
    public record Fit(double[][] weights, double[] bias) {
    }

    private SoftmaxRegression() {
    }

    /**
     * @param rows       one feature vector per row
     * @param labels     class of each row
     * @param rowWeights weight of each row in the mean loss (e.g. to balance classes)
     * @param start      initial weights, one row per class (biases start at zero)
     */
    public static Fit fit(double[][] rows, int[] labels, double[] rowWeights, int classes, double l2, double[][] start) {
        int dim = rows[0].length;
        double total = Arrays.stream(rowWeights).sum();
        Lbfgs.Objective objective = (theta, grad) -> {
            Arrays.fill(grad, 0);
            double loss = 0;
            double[] s = new double[classes];
            for (int r = 0; r < rows.length; r++) {
                double[] z = rows[r];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    double v = theta[classes * dim + c];
                    int off = c * dim;
                    for (int d = 0; d < dim; d++) {
                        v += theta[off + d] * z[d];
                    }
                    s[c] = v;
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    s[c] = Math.exp(s[c] - max);
                    sum += s[c];
                }
                double w = rowWeights[r] / total;
                loss -= w * Math.log(Math.max(1e-300, s[labels[r]] / sum));
                for (int c = 0; c < classes; c++) {
                    double delta = w * (s[c] / sum - (c == labels[r] ? 1 : 0));
                    int off = c * dim;
                    for (int d = 0; d < dim; d++) {
                        grad[off + d] += delta * z[d];
                    }
                    grad[classes * dim + c] += delta;
                }
            }
            for (int i = 0; i < classes * dim; i++) {
                loss += 0.5 * l2 * theta[i] * theta[i];
                grad[i] += l2 * theta[i];
            }
            return loss;
        };
        double[] theta0 = new double[classes * dim + classes];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(start[c], 0, theta0, c * dim, dim);
        }
        double[] theta = Lbfgs.minimise(objective, theta0, MAX_ITERATIONS, TOLERANCE).x();
        double[][] w = new double[classes][dim];
        double[] b = new double[classes];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(theta, c * dim, w[c], 0, dim);
            b[c] = theta[classes * dim + c];
        }
        return new Fit(w, b);
    }
}
