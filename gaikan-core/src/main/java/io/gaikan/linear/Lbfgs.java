package io.gaikan.linear;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithm 7.5) with a backtracking Armijo line
 * search: enough for the smooth, strongly convex objectives of the heads here, which have a few thousand parameters
 * and fit in milliseconds to seconds, so a solve runs to convergence rather than for a number of epochs.
 */
public final class Lbfgs {

    /** A function to minimise: returns f(x) and writes its gradient into {@code gradient}. */
    public interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    /** What a solve ended with. */
    public record Result(double[] x, double value, int iterations, boolean converged) {
    }

    private static final int MEMORY = 10;

    private Lbfgs() {
    }

    /** Minimises from {@code start} until the largest gradient entry is below {@code tolerance} or {@code maxIterations}. */
    public static Result minimise(Objective f, double[] start, int maxIterations, double tolerance) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        double[] next = new double[n];
        double[] nextG = new double[n];
        for (int iter = 0; iter < maxIterations; iter++) {
            if (maxAbs(g) < tolerance) {
                return new Result(x, fx, iter, true);
            }
            double[] d = direction(g, s, y, rho, stored);
            double slope = dot(d, g);
            if (slope >= 0) { // not a descent direction (rounding): restart from the gradient
                stored = 0;
                d = direction(g, s, y, rho, 0);
                slope = dot(d, g);
            }
            double step = stored == 0 ? Math.min(1, 1 / Math.max(1e-12, Math.sqrt(dot(g, g)))) : 1;
            double fNext = Double.NaN;
            for (int tries = 0; tries < 40; tries++) {
                for (int i = 0; i < n; i++) {
                    next[i] = x[i] + step * d[i];
                }
                fNext = f.evaluate(next, nextG);
                if (fNext <= fx + 1e-4 * step * slope) {
                    break;
                }
                step /= 2;
            }
            if (!(fNext < fx)) {
                return new Result(x, fx, iter, maxAbs(g) < Math.sqrt(tolerance));
            }
            double[] sk = new double[n];
            double[] yk = new double[n];
            for (int i = 0; i < n; i++) {
                sk[i] = next[i] - x[i];
                yk[i] = nextG[i] - g[i];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-12) {
                int slot = stored < MEMORY ? stored++ : rotate(s, y, rho);
                s[slot] = sk;
                y[slot] = yk;
                rho[slot] = 1 / sy;
            }
            System.arraycopy(next, 0, x, 0, n);
            System.arraycopy(nextG, 0, g, 0, n);
            double change = fx - fNext;
            fx = fNext;
            if (change < 1e-12 * Math.max(1, Math.abs(fx))) {
                return new Result(x, fx, iter + 1, true);
            }
        }
        return new Result(x, fx, maxIterations, maxAbs(g) < tolerance);
    }

    /** Drops the oldest pair, returns the freed (last) slot. */
    private static int rotate(double[][] s, double[][] y, double[] rho) {
        for (int i = 1; i < MEMORY; i++) {
            s[i - 1] = s[i];
            y[i - 1] = y[i];
            rho[i - 1] = rho[i];
        }
        return MEMORY - 1;
    }

    /** The two-loop recursion: minus the inverse-Hessian estimate times the gradient. */
    private static double[] direction(double[] g, double[][] s, double[][] y, double[] rho, int stored) {
        double[] q = g.clone();
        double[] alpha = new double[stored];
        for (int i = stored - 1; i >= 0; i--) {
            alpha[i] = rho[i] * dot(s[i], q);
            axpy(-alpha[i], y[i], q);
        }
        if (stored > 0) {
            double scale = dot(s[stored - 1], y[stored - 1]) / dot(y[stored - 1], y[stored - 1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= scale;
            }
        }
        for (int i = 0; i < stored; i++) {
            double beta = rho[i] * dot(y[i], q);
            axpy(alpha[i] - beta, s[i], q);
        }
        for (int i = 0; i < q.length; i++) {
            q[i] = -q[i];
        }
        return q;
    }

    public static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }
}
