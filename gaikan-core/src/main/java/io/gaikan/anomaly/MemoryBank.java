package io.gaikan.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * PatchCore's memory bank: patch features of normal images (m, c). A test patch's anomaly score is the Euclidean
 * distance to its nearest bank patch, computed in chunks of patches as |q|^2 - 2 q.b + |b|^2, one matrix product per
 * chunk, so memory stays at chunk x m whatever the number of patches.
 */
final class MemoryBank implements AutoCloseable {

    /** Distance-matrix entries per chunk: 16 M floats = 64 MB. */
    private static final long CHUNK_ENTRIES = 16_000_000L;

    private final NDManager manager;
    private final NDArray features;
    private final NDArray transposed;
    private final NDArray squaredNorms;

    /** Takes over {@code features} (moved to a manager of its own). */
    MemoryBank(NDArray features) {
        this.manager = features.getManager().getEngine().newBaseManager();
        features.attach(manager);
        this.features = features;
        this.transposed = features.transpose().duplicate();
        this.squaredNorms = features.square().sum(new int[]{1}).reshape(1, -1);
    }

    NDArray features() {
        return features;
    }

    long size() {
        return features.getShape().get(0);
    }

    /** The distance of every row of {@code queries} (n, c) to its nearest bank row. */
    float[] nearestDistances(NDArray queries) {
        long n = queries.getShape().get(0);
        float[] out = new float[(int) n];
        long chunk = Math.max(1, Math.min(n, CHUNK_ENTRIES / Math.max(1, size())));
        for (long start = 0; start < n; start += chunk) {
            long end = Math.min(n, start + chunk);
            try (NDManager tmp = manager.newSubManager()) {
                NDArray q = queries.get(start + ":" + end);
                q.attach(tmp);
                NDArray d2 = q.square().sum(new int[]{1}, true).add(squaredNorms).sub(q.matMul(transposed).mul(2));
                float[] min = d2.min(new int[]{1}).maximum(0f).sqrt().toFloatArray();
                System.arraycopy(min, 0, out, (int) start, min.length);
            }
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
