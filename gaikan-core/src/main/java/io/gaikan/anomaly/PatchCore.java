package io.gaikan.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.gaikan.data.Sample;

import java.io.PrintStream;
import java.util.List;

/** A fitted PatchCore detector: patch features of a frozen backbone and the memory bank of normal patches. */
final class PatchCore implements AutoCloseable {

    private final PatchFeatures features;
    private final MemoryBank bank;

    PatchCore(PatchFeatures features, MemoryBank bank) {
        this.features = features;
        this.bank = bank;
    }

    MemoryBank bank() {
        return bank;
    }

    /** Every image's score and patch-score map. */
    AnomalyScores score(List<Sample> samples, NDManager manager, int threads, PrintStream out, boolean quiet) {
        double[] image = new double[samples.size()];
        float[][][] maps = new float[samples.size()][][];
        features.forEachBatch(samples, manager, threads, "score", out, quiet, (indices, patches) -> {
            int rows = (int) patches.getShape().get(1);
            int cols = (int) patches.getShape().get(2);
            NDArray flat = patches.reshape(-1, patches.getShape().get(3));
            float[] d = bank.nearestDistances(flat);
            for (int b = 0; b < indices.length; b++) {
                float[][] map = new float[rows][cols];
                double max = 0;
                for (int y = 0; y < rows; y++) {
                    for (int x = 0; x < cols; x++) {
                        map[y][x] = d[(b * rows + y) * cols + x];
                        max = Math.max(max, map[y][x]);
                    }
                }
                image[indices[b]] = max;
                maps[indices[b]] = map;
            }
        });
        return new AnomalyScores(image, maps);
    }

    @Override
    public void close() {
        bank.close();
    }
}
