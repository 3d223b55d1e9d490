package io.gaikan.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gaikan.console.ProgressBar;

import java.io.PrintStream;
import java.util.Map;
import java.util.Random;

/**
 * Greedy k-center coreset selection (PatchCore, after Sener and Savarese): repeatedly take the patch farthest from
 * every patch taken so far, so a small bank still covers every kind of normal patch, rare ones included. Distances
 * for the selection are measured after a seeded Gaussian random projection to at most {@value #PROJECTED} dimensions
 * (Johnson-Lindenstrauss: distances are kept approximately, at a fraction of the cost).
 */
final class Coreset {

    static final int PROJECTED = 64;

    private Coreset() {
    }

    /** Indices of {@code k} rows of {@code features} (n, c), the first drawn with {@code seed}. */
    static long[] select(NDArray features, int k, long seed, PrintStream out, boolean quiet) {
        long n = features.getShape().get(0);
        int c = (int) features.getShape().get(1);
        if (k >= n) {
            return java.util.stream.LongStream.range(0, n).toArray();
        }
        Random random = new Random(seed);
        long[] chosen = new long[k];
        try (NDManager m = features.getManager().newSubManager();
             ProgressBar bar = ProgressBar.start("coreset", k, out, quiet)) {
            NDArray z = features;
            if (c > PROJECTED) {
                float[] projection = new float[c * PROJECTED];
                for (int i = 0; i < projection.length; i++) {
                    projection[i] = (float) (random.nextGaussian() / Math.sqrt(PROJECTED));
                }
                z = features.matMul(m.create(projection, new Shape(c, PROJECTED)));
                z.attach(m);
            }
            NDArray norms = z.square().sum(new int[]{1});
            NDArray transposed = z.transpose().duplicate();
            transposed.attach(m);
            chosen[0] = random.nextLong(n);
            NDArray nearest = distancesTo(z, transposed, norms, chosen[0], m);
            for (int i = 1; i < k; i++) {
                try (NDManager step = m.newSubManager()) {
                    NDArray farthest = nearest.argMax();
                    farthest.attach(step);
                    chosen[i] = farthest.getLong();
                    NDArray d = distancesTo(z, transposed, norms, chosen[i], step);
                    NDArray next = nearest.minimum(d);
                    next.attach(m);
                    nearest.close();
                    nearest = next;
                }
                if (i % 64 == 0) {
                    bar.step(64, Map.of());
                }
            }
            bar.step(k - 64L * ((k - 1) / 64), Map.of());
        }
        return chosen;
    }

    /**
     * Squared distances of every row of {@code z} to row {@code index}, on {@code manager}. Every operation starts
     * from an array of {@code manager}: a result belongs to the manager of the array whose method made it, and
     * thousands of iterations must not leave their temporaries on a longer-lived one.
     */
    private static NDArray distancesTo(NDArray z, NDArray transposed, NDArray norms, long index, NDManager manager) {
        NDArray centre = z.get(index);
        centre.attach(manager);
        return centre.reshape(1, -1).matMul(transposed).reshape(-1).mul(-2).add(norms).add(centre.square().sum());
    }
}
