package io.gaikan.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassificationMetricsTest {

    @Test
    void groupRatesCountCrossGroupErrorsOnly() {
        // classes: scratch, dent (defects), ok (normal)
        List<String> classes = List.of("scratch", "dent", "ok");
        int[] truth = {0, 0, 0, 1, 1, 2, 2, 2, 2, 2};
        int[] pred = {0, 1, 2, 1, 1, 2, 2, 2, 0, 1};
        ClassificationMetrics m = ClassificationMetrics.compute(classes, Set.of("ok"), truth, pred);
        assertEquals(10, m.count());
        assertEquals(6 / 10.0, m.accuracy(), 1e-12);
        assertEquals(1 / 3.0, m.perClassAccuracy().get("scratch"), 1e-12);
        assertEquals(3 / 5.0, m.defectAccuracy(), 1e-12);
        assertEquals(3 / 5.0, m.normalAccuracy(), 1e-12);
        // scratch->dent is a wrong class but still caught as a defect: only scratch->ok is a miss.
        assertEquals(1 / 5.0, m.missRate(), 1e-12);
        assertEquals(2 / 5.0, m.overDetectionRate(), 1e-12);
        assertEquals(1, m.confusion()[0][2]);
    }

    @Test
    void groupFiguresAreUndefinedWithoutNormalClasses() {
        ClassificationMetrics m = ClassificationMetrics.compute(List.of("a", "b"), Set.of(), new int[]{0, 1}, new int[]{0, 0});
        assertEquals(0.5, m.accuracy(), 1e-12);
        assertTrue(Double.isNaN(m.missRate()));
    }
}
