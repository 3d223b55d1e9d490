package io.gaikan.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.gaikan.data.Sample;
import io.gaikan.train.FitContext;
import io.gaikan.train.ModelState;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --method patchcore}: PatchCore (Roth et al., "Towards Total Recall in Industrial Anomaly Detection", CVPR
 * 2022): every patch of the normal training images, thinned to a greedy k-center coreset of {@code --coreset-ratio}.
 */
public final class PatchCoreMethod extends AnomalyMethod {

    public static final String NAME = "patchcore";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    AnomalyDetector fitDetector(PatchFeatures features, List<Sample> normal, FitContext c, NDManager manager) {
        boolean quiet = c.config().quiet();
        NDList parts = new NDList();
        features.forEachBatch(normal, manager, c.config().threads(), "features", c.out(), quiet, (indices, patches) -> {
            NDArray flat = patches.reshape(-1, patches.getShape().get(3));
            flat.attach(manager);
            parts.add(flat);
        });
        NDArray all = parts.size() == 1 ? parts.get(0) : ai.djl.ndarray.NDArrays.concat(parts);
        if (parts.size() > 1) {
            parts.close();
        }
        long patches = all.getShape().get(0);
        int k = (int) Math.max(1, Math.round(c.config().coresetRatio() * patches));
        long[] chosen = Coreset.select(all, k, c.config().seed(), c.out(), quiet);
        NDArray bank = all.get(new NDIndex("{}", manager.create(chosen)));
        all.close();
        return new PatchCore(features, new MemoryBank(bank), patches);
    }

    @Override
    AnomalyDetector loadDetector(PatchFeatures features, Path runDir, NDManager manager) throws IOException {
        NDArray bank = ModelState.readTensors(runDir.resolve(PatchCore.FILE), manager).get(PatchCore.TENSOR);
        return new PatchCore(features, new MemoryBank(bank), -1);
    }
}
