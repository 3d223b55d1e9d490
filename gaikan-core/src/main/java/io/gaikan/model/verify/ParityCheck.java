package io.gaikan.model.verify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.weights.LoadReport;
import io.gaikan.model.weights.WeightLoader;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;

/**
 * Proves that a Gaikan model computes timm's function: builds the fixture's model, regenerates its weights from the
 * recipe, loads them through the production {@link WeightLoader} by timm name, runs an eval-mode forward pass on the
 * recipe input and compares logits and pooled features with timm's.
 */
public final class ParityCheck {

    private ParityCheck() {
    }

    public static ParityResult run(Path fixtureJson) throws IOException {
        return run(fixtureJson, ModelRegistry.defaults());
    }

    public static ParityResult run(Path fixtureJson, ModelRegistry registry) throws IOException {
        ParityFixture fixture = ParityFixture.read(fixtureJson);
        ImageClassifier model = registry.get(fixture.model()).build(ModelOptions.classes(fixture.numClasses()));
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, DataType.FLOAT32, new Shape(fixture.inputShape()));
            LoadReport report = WeightLoader.load(model, ParityRecipe.checkpoint(fixture));

            float[] input = ParityRecipe.input(fixture.inputShape());
            boolean checksumOk = fixture.inputChecksum() == null
                    || ParityRecipe.checksum(FloatBuffer.wrap(input)).equals(fixture.inputChecksum());
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.create(input, new Shape(fixture.inputShape()));
            NDArray features = model.forwardFeatures(ps, x, false);
            NDArray logits = model.forwardHeads(ps, features, false).get(0);

            float[][] got = rows(logits);
            float[][] gotFeatures = rows(features);
            double logitDev = 0;
            double maxAbs = 0;
            for (int i = 0; i < got.length; i++) {
                for (int j = 0; j < got[i].length; j++) {
                    logitDev = Math.max(logitDev, Math.abs((double) got[i][j] - fixture.expectedLogits()[i][j]));
                    maxAbs = Math.max(maxAbs, Math.abs(fixture.expectedLogits()[i][j]));
                }
            }
            double featureDev = 0;
            float[][] first16 = fixture.expectedFeaturesFirst16();
            for (int i = 0; i < first16.length; i++) {
                for (int j = 0; j < first16[i].length; j++) {
                    double d = Math.abs((double) gotFeatures[i][j] - first16[i][j]) / fixture.expectedFeaturesMaxAbs()[i];
                    featureDev = Math.max(featureDev, d);
                }
            }
            return new ParityResult(fixture.model(), logitDev, maxAbs, fixture.tolerance(), featureDev,
                    Math.max(fixture.tolerance(), fixture.genericTolerance()), checksumOk, report, got);
        } finally {
            model.clear();
        }
    }

    private static float[][] rows(NDArray matrix) {
        int n = (int) matrix.getShape().get(0);
        int d = (int) matrix.getShape().get(1);
        float[] flat = matrix.toFloatArray();
        float[][] out = new float[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }
}
