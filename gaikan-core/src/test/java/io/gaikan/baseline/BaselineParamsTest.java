package io.gaikan.baseline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BaselineParamsTest {

    @TempDir
    Path tmp;

    @Test
    void ruleParametersRoundTripThroughJson() {
        BaselineParams p = new BaselineParams(BaselineParams.Mode.REGION_RULE, BaselineParams.RULE_METHOD, 200,
                List.of("ng", "ok"), List.of("ok"),
                new Preprocessing(new DogSigmas(1.5, 3), Binarisation.adaptive(31, 2.5), Cleanup.CLOSE),
                new BaselineParams.Rule(new RegionThresholds(12.5, 20, 3.25, 7.75), 1, 0), null, 0.9375);
        Path file = tmp.resolve("params.json");
        p.save(file);
        assertEquals(p, BaselineParams.load(file));
    }

    @Test
    void classifierParametersRoundTripIncludingAClassWithoutCentroid() {
        NearestCentroid nc = new NearestCentroid(List.of("a", "b"), new double[]{1, 2}, new double[]{0.5, 3},
                new double[][]{{0.1, -0.2}, null, {1.5, 2.5}});
        BaselineParams p = new BaselineParams(BaselineParams.Mode.REGION_FEATURE_CLASSIFIER,
                BaselineParams.CLASSIFIER_METHOD, 256, List.of("x", "y", "z"), List.of(),
                new Preprocessing(new DogSigmas(1, 2), Binarisation.otsu(), Cleanup.OPEN), null, nc, 0.5);
        Path file = tmp.resolve("params.json");
        p.save(file);
        BaselineParams back = BaselineParams.load(file);
        assertEquals(p.preprocessing(), back.preprocessing());
        assertEquals(p.classes(), back.classes());
        assertArrayEquals(nc.mean(), back.classifier().mean());
        assertArrayEquals(nc.std(), back.classifier().std());
        assertArrayEquals(nc.centroids()[2], back.classifier().centroids()[2]);
        assertNull(back.classifier().centroids()[1]);
        assertEquals(2, back.classifier().predict(new double[]{1.8, 9}));
    }

    @Test
    void inconsistentFileIsRejectedWithItsName() throws Exception {
        Path file = tmp.resolve("broken.json");
        Files.writeString(file, "{\"mode\":\"REGION_RULE\",\"workingSize\":256}");
        Exception e = assertThrows(IllegalArgumentException.class, () -> BaselineParams.load(file));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
    }
}
