package io.gaikan.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.gaikan.data.Sample;
import io.gaikan.train.ModelState;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted PaDiM detector (Defard et al., "PaDiM: a Patch Distribution Modeling Framework", ICPR 2020): one Gaussian
 * of patch features per position of the feature grid, a patch scoring its Mahalanobis distance to the Gaussian of
 * its position. It models where things are, so it suits aligned parts (one view of one part) more than PatchCore.
 */
final class Padim implements AnomalyDetector {

    static final String FILE = "gaussians.safetensors";

    private final PatchFeatures features;
    private final NDManager manager;
    /** (P, d) per-position means, (P, d, d) inverse covariances, (d) the feature channels kept. */
    private final NDArray mean;
    private final NDArray inverseCovariance;
    private final NDArray channels;
    private final long rows;
    private final long cols;

    Padim(PatchFeatures features, NDArray mean, NDArray inverseCovariance, NDArray channels, long rows, long cols) {
        this.features = features;
        this.manager = mean.getManager().getEngine().newBaseManager();
        mean.attach(manager);
        inverseCovariance.attach(manager);
        channels.attach(manager);
        this.mean = mean;
        this.inverseCovariance = inverseCovariance;
        this.channels = channels;
        this.rows = rows;
        this.cols = cols;
    }

    static Padim load(PatchFeatures features, Path runDir, NDManager manager) throws IOException {
        Map<String, NDArray> t = ModelState.readTensors(runDir.resolve(FILE), manager);
        float[] grid = t.get("grid").toFloatArray();
        return new Padim(features, t.get("mean"), t.get("inverse_covariance"), t.get("channels").toType(DataType.INT64, false),
                (long) grid[0], (long) grid[1]);
    }

    @Override
    public void save(Path runDir) throws IOException {
        // safetensors files of a run hold float32 only: channel indices and the grid size are stored as floats
        try (NDManager tmp = manager.newSubManager()) {
            ModelState.saveTensors(Map.of("mean", mean, "inverse_covariance", inverseCovariance,
                    "channels", channels.toType(DataType.FLOAT32, true), "grid", tmp.create(new float[]{rows, cols})),
                    runDir.resolve(FILE));
        }
    }

    @Override
    public Map<String, Long> sizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("positions", rows * cols);
        sizes.put("feature_dim", channels.getShape().get(0));
        return sizes;
    }

    /** Per position and image, the Mahalanobis distance of (N, H, W, C) patch features, as (N, H * W). */
    static NDArray distances(NDArray patches, NDArray channels, NDArray mean, NDArray inverseCovariance) {
        long n = patches.getShape().get(0);
        NDArray x = patches.reshape(n, -1, patches.getShape().get(3)).get(":, :, {}", channels); // (N, P, d)
        NDArray diff = x.sub(mean).transpose(1, 0, 2); // (P, N, d)
        NDArray m = diff.batchMatMul(inverseCovariance).mul(diff).sum(new int[]{2}); // (P, N)
        return m.maximum(0f).sqrt().transpose(1, 0);
    }

    @Override
    public AnomalyScores score(List<Sample> samples, NDManager scoring, int threads, PrintStream out, boolean quiet) {
        AnomalyScores scores = AnomalyScores.of(samples.size());
        features.forEachBatch(samples, scoring, threads, "score", out, quiet, (indices, patches) -> {
            if (patches.getShape().get(1) != rows || patches.getShape().get(2) != cols) {
                throw new IllegalStateException("PaDiM was fitted on a " + rows + "x" + cols + " feature grid, got "
                        + patches.getShape());
            }
            float[] d = distances(patches, channels, mean, inverseCovariance).toFloatArray();
            scores.put(indices, d, (int) rows, (int) cols);
        });
        return scores;
    }

    @Override
    public void close() {
        manager.close();
    }
}
