package io.gaikan.baseline;

import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.testing.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The baseline on real castings. Casting defects are holes, burrs and chipped rims rather than scratches, so the
 * scratch-style region rule is not expected to shine; the test asserts it beats chance on a balanced subset.
 */
class CastingProductBaselineTest {

    @TempDir
    Path tmp;

    @Test
    void smallSeededSubsetFitsAndBeatsChance() {
        Path root = Shared.require("datasets/casting-product");
        List<LabeledImage> train = CastingProduct.sample(root, "train", 60, 11);
        List<LabeledImage> test = CastingProduct.sample(root, "test", 60, 12);
        assertEquals(240, train.size() + test.size());
        BaselineOptions options = BaselineOptions.defaults().withWorkingSize(128).withOverlays(4);
        ClassificationMetrics m = new BaselineRun(options)
                .fitAndEvaluate(train, test, CastingProduct.CLASSES, Set.of(CastingProduct.NORMAL), tmp);
        BaselineParams p = BaselineParams.load(tmp.resolve(BaselineRun.PARAMS_FILE));
        System.out.printf("casting-product 60+60 per class, 128 px: train accuracy %.3f, test accuracy %.3f, "
                        + "miss %.3f, over-detection %.3f with %s %s%n", p.trainingAccuracy(), m.accuracy(),
                m.missRate(), m.overDetectionRate(), p.preprocessing(), p.rule().thresholds());
        assertTrue(m.accuracy() > 0.6, "balanced test accuracy " + m.accuracy() + " should beat chance (0.5)");
    }
}
