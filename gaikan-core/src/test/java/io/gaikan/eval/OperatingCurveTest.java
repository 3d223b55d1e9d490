package io.gaikan.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatingCurveTest {

    private static final List<String> CLASSES = List.of("ok", "ng");
    private static final Set<String> NORMAL = Set.of("ok");

    /** P(ng) of three defects (0.9, 0.8, 0.3), four normal parts (0.1, 0.4, 0.85, 0.05) and one unlabelled image. */
    private static OperatingCurve curve() {
        double[] ng = {0.9, 0.8, 0.3, 0.1, 0.4, 0.85, 0.05, 0.6};
        int[] truth = {1, 1, 1, 0, 0, 0, 0, -1};
        float[][] p = new float[ng.length][];
        for (int i = 0; i < ng.length; i++) {
            p[i] = new float[]{(float) (1 - ng[i]), (float) ng[i]};
        }
        return OperatingCurve.of(p, truth, CLASSES, NORMAL);
    }

    @Test
    void ratesAtAThresholdCountDefectsBelowAndNormalPartsAtOrAbove() {
        OperatingCurve c = curve();
        assertEquals(3, c.defects());
        assertEquals(4, c.normals(), "the unlabelled image is left out");
        assertEquals(1 / 3.0, c.at(0.5).missRate(), 1e-9, "0.3 is missed");
        assertEquals(1 / 4.0, c.at(0.5).overDetectionRate(), 1e-9, "0.85 is over-detected");
        assertEquals(0, c.at(0).missRate());
        assertEquals(1, c.at(0).overDetectionRate());
        assertEquals(1, c.at(0.95).missRate());
        assertEquals(0, c.at(0.95).overDetectionRate());
    }

    @Test
    void theChosenThresholdIsTheHighestWithinTheMissRateLimit() {
        OperatingCurve c = curve();
        OperatingCurve.Point none = c.thresholdForMissRate(0);
        assertEquals(0.3, none.threshold(), 1e-6, "every defect at or above it");
        assertEquals(0, none.missRate());
        assertEquals(0.5, none.overDetectionRate(), 1e-9, "0.4 and 0.85 are over-detected");
        OperatingCurve.Point oneThird = c.thresholdForMissRate(0.34);
        assertEquals(0.8, oneThird.threshold(), 1e-6);
        assertEquals(0.25, oneThird.overDetectionRate(), 1e-9);
        assertTrue(c.thresholdForMissRate(1).missRate() <= 1);
        assertThrows(IllegalArgumentException.class, () -> c.thresholdForMissRate(1.5));
    }

    @Test
    void missRatesNeverFallAndOverDetectionNeverRisesAsTheThresholdRises() {
        List<OperatingCurve.Point> points = curve().points();
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).threshold() > points.get(i - 1).threshold());
            assertTrue(points.get(i).missRate() >= points.get(i - 1).missRate());
            assertTrue(points.get(i).overDetectionRate() <= points.get(i - 1).overDetectionRate());
        }
    }

    @Test
    void needsNormalClassesAndBothGroups() {
        float[][] p = {{0.2f, 0.8f}, {0.6f, 0.4f}};
        var noNormal = assertThrows(IllegalArgumentException.class,
                () -> OperatingCurve.of(p, new int[]{1, 0}, CLASSES, Set.of()));
        assertTrue(noNormal.getMessage().contains("normal"), noNormal.getMessage());
        var oneGroup = assertThrows(IllegalArgumentException.class,
                () -> OperatingCurve.of(p, new int[]{1, 1}, CLASSES, NORMAL));
        assertTrue(oneGroup.getMessage().contains("2 defect and 0 normal"), oneGroup.getMessage());
    }
}
