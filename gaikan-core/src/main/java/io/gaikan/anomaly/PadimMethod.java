package io.gaikan.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gaikan.data.Sample;
import io.gaikan.train.FitContext;
import io.gaikan.train.TrainSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * {@code --method padim}: PaDiM, a Gaussian of patch features per grid position, fitted on the normal training
 * images. As in the paper, a seeded random subset of at most {@code --padim-channels} feature channels keeps the
 * covariances small, and {@value #SHRINKAGE} x identity is added to each so it can be inverted with few images.
 */
public final class PadimMethod extends AnomalyMethod {

    public static final String NAME = "padim";
    static final float SHRINKAGE = 0.01f;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    AnomalyDetector fitDetector(PatchFeatures features, List<Sample> normal, FitContext c, NDManager manager) {
        if (normal.size() < 2) {
            throw new IllegalArgumentException("--method padim needs at least 2 normal training images, got " + normal.size());
        }
        // running sums over images: sum x and sum x x^T per position, so memory does not grow with the image count
        NDArray[] sums = new NDArray[2];
        long[] grid = new long[2];
        NDArray[] kept = new NDArray[1];
        features.forEachBatch(normal, manager, c.config().threads(), "features", c.out(), c.config().quiet(), (indices, patches) -> {
            if (kept[0] == null) {
                int dim = (int) patches.getShape().get(3);
                kept[0] = manager.create(channels(dim, c.config().get(TrainSettings.PADIM_CHANNELS), c.config().seed()));
                grid[0] = patches.getShape().get(1);
                grid[1] = patches.getShape().get(2);
            }
            NDArray x = patches.reshape(patches.getShape().get(0), -1, patches.getShape().get(3))
                    .get(":, :, {}", kept[0]).transpose(1, 0, 2); // (P, N, d)
            NDArray sum = x.sum(new int[]{1});
            NDArray outer = x.transpose(0, 2, 1).batchMatMul(x);
            for (int k = 0; k < 2; k++) {
                NDArray add = k == 0 ? sum : outer;
                NDArray next = sums[k] == null ? add : sums[k].add(add);
                next.attach(manager);
                if (sums[k] != null) {
                    sums[k].close();
                }
                sums[k] = next;
            }
        });
        long n = normal.size();
        NDArray mean = sums[0].div(n);
        int d = (int) kept[0].getShape().get(0);
        NDArray outerOfMean = mean.expandDims(2).batchMatMul(mean.expandDims(1));
        NDArray covariance = sums[1].sub(outerOfMean.mul(n)).div(n - 1)
                .add(manager.eye(d).mul(SHRINKAGE).expandDims(0));
        NDArray inverse = covariance.inverse();
        return new Padim(features, mean, inverse, kept[0], grid[0], grid[1]);
    }

    /** A seeded random subset of at most {@code max} of {@code dim} channels, in ascending order. */
    private static long[] channels(int dim, int max, long seed) {
        List<Integer> all = new ArrayList<>(IntStream.range(0, dim).boxed().toList());
        Collections.shuffle(all, new Random(seed));
        return all.subList(0, Math.min(dim, max)).stream().sorted().mapToLong(Integer::longValue).toArray();
    }

    @Override
    AnomalyDetector loadDetector(PatchFeatures features, Path runDir, NDManager manager) throws java.io.IOException {
        return Padim.load(features, runDir, manager);
    }
}
