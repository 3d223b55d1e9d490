package io.gaikan.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingMetricsTest {

    @Test
    void perfectInvertedAndHandComputedRankings() {
        boolean[] truth = {false, false, true, true};
        assertEquals(1.0, RankingMetrics.of(new double[]{0.1, 0.2, 0.8, 0.9}, truth).auroc(), 1e-12);
        assertEquals(1.0, RankingMetrics.of(new double[]{0.1, 0.2, 0.8, 0.9}, truth).averagePrecision(), 1e-12);
        assertEquals(0.0, RankingMetrics.of(new double[]{0.9, 0.8, 0.2, 0.1}, truth).auroc(), 1e-12);
        // one defect (0.5) ranked below one normal (0.6): 3 of 4 pairs ordered
        RankingMetrics m = RankingMetrics.of(new double[]{0.1, 0.6, 0.5, 0.9}, truth);
        assertEquals(0.75, m.auroc(), 1e-12);
        // ranks from the top: 0.9 defect (precision 1), 0.6 normal, 0.5 defect (precision 2/3)
        assertEquals((1 + 2 / 3.0) / 2, m.averagePrecision(), 1e-12);
        // ties count half
        assertEquals(0.5, RankingMetrics.of(new double[]{1, 1}, new boolean[]{false, true}).auroc(), 1e-12);
        assertTrue(Double.isNaN(RankingMetrics.of(new double[]{1, 2}, new boolean[]{false, false}).auroc()));
    }
}
