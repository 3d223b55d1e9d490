package io.gaikan.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.gaikan.data.Sample;

import io.gaikan.train.ModelState;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * A fitted PatchCore detector: patch features of a frozen backbone and the memory bank of normal patches; a patch
 * scores its distance to the nearest bank patch, an image its highest-scoring patch.
 */
final class PatchCore implements AnomalyDetector {

    static final String FILE = "memory-bank.safetensors";
    static final String TENSOR = "bank";

    private final PatchFeatures features;
    private final MemoryBank bank;
    private final long trainingPatches;

    /** @param trainingPatches patches before the coreset, -1 when unknown (a loaded run) */
    PatchCore(PatchFeatures features, MemoryBank bank, long trainingPatches) {
        this.features = features;
        this.bank = bank;
        this.trainingPatches = trainingPatches;
    }

    @Override
    public void save(Path runDir) throws IOException {
        ModelState.saveTensors(Map.of(TENSOR, bank.features()), runDir.resolve(FILE));
    }

    @Override
    public Map<String, Long> sizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("bank_patches", bank.size());
        if (trainingPatches >= 0) {
            sizes.put("training_patches", trainingPatches);
        }
        sizes.put("feature_dim", bank.features().getShape().get(1));
        return sizes;
    }

    @Override
    public AnomalyScores score(List<Sample> samples, NDManager manager, int threads, PrintStream out, boolean quiet) {
        AnomalyScores scores = AnomalyScores.of(samples.size());
        features.forEachBatch(samples, manager, threads, "score", out, quiet, (indices, patches) -> {
            int rows = (int) patches.getShape().get(1);
            int cols = (int) patches.getShape().get(2);
            NDArray flat = patches.reshape(-1, patches.getShape().get(3));
            float[] d = bank.nearestDistances(flat);
            scores.put(indices, d, rows, cols);
        });
        return scores;
    }

    @Override
    public void close() {
        bank.close();
    }
}
