package io.gaikan.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Fits the four region thresholds on training images by coordinate search. Each coordinate step is exact: with the
 * other three minima fixed, image i is judged NG exactly when its best remaining value m_i of the free feature reaches
 * the threshold, so sorting the m_i and sweeping once tries every distinct decision. Thresholds land midway between
 * neighbouring training values so they do not sit on a training example.
 */
final class RegionRuleFitter {

    private static final int MAX_ROUNDS = 25;
    private static final int FEATURES = RegionThresholds.FEATURES.size();

    record Result(RegionThresholds thresholds, FitObjective.Score score) {
    }

    private final double[][][] regions; // [image][region][feature]
    private final boolean[] defect;
    private final int defects;
    private final int normals;
    private final FitObjective objective;

    /**
     * @param candidates per training image its regions (already reduced to the undominated ones is fine: the
     *                   decision only depends on those)
     * @param defect     per training image whether it is an NG image
     */
    RegionRuleFitter(List<List<Region>> candidates, boolean[] defect, FitObjective objective) {
        this.regions = new double[candidates.size()][][];
        for (int i = 0; i < regions.length; i++) {
            List<Region> list = candidates.get(i);
            regions[i] = new double[list.size()][FEATURES];
            for (int r = 0; r < list.size(); r++) {
                for (int f = 0; f < FEATURES; f++) {
                    regions[i][r][f] = list.get(r).feature(f);
                }
            }
        }
        this.defect = defect.clone();
        int d = 0;
        for (boolean b : defect) {
            d += b ? 1 : 0;
        }
        this.defects = d;
        this.normals = defect.length - d;
        this.objective = objective;
    }

    Result fit() {
        Result best = null;
        for (RegionThresholds start : startingPoints()) {
            Result r = descend(start);
            if (best == null || r.score().beats(best.score())) {
                best = r;
            }
        }
        return best;
    }

    /** No thresholds, and the median and upper quartile of every feature over all candidate regions. */
    private List<RegionThresholds> startingPoints() {
        List<RegionThresholds> starts = new ArrayList<>();
        starts.add(RegionThresholds.none());
        double[][] values = new double[FEATURES][];
        int total = Arrays.stream(regions).mapToInt(r -> r.length).sum();
        if (total == 0) {
            return starts;
        }
        for (int f = 0; f < FEATURES; f++) {
            double[] v = new double[total];
            int k = 0;
            for (double[][] image : regions) {
                for (double[] region : image) {
                    v[k++] = region[f];
                }
            }
            Arrays.sort(v);
            values[f] = v;
        }
        for (double q : new double[]{0.5, 0.75}) {
            RegionThresholds t = RegionThresholds.none();
            for (int f = 0; f < FEATURES; f++) {
                t = t.with(f, values[f][(int) (q * (total - 1))]);
            }
            starts.add(t);
        }
        return starts;
    }

    private Result descend(RegionThresholds start) {
        RegionThresholds t = start;
        FitObjective.Score score = evaluate(t);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean improved = false;
            for (int f = 0; f < FEATURES; f++) {
                Result step = bestAlong(f, t);
                if (step.score().beats(score)) {
                    t = step.thresholds();
                    score = step.score();
                    improved = true;
                }
            }
            if (!improved) {
                break;
            }
        }
        return new Result(t, score);
    }

    FitObjective.Score evaluate(RegionThresholds t) {
        int detected = 0, falseAlarms = 0;
        for (int i = 0; i < regions.length; i++) {
            if (bestValue(i, t, -1) > Double.NEGATIVE_INFINITY) {
                if (defect[i]) {
                    detected++;
                } else {
                    falseAlarms++;
                }
            }
        }
        return objective.score(detected, defects, falseAlarms, normals);
    }

    /**
     * Highest value of feature {@code free} over the regions of image i that pass every threshold except
     * {@code free} (free = -1: pass all, returns 0); -infinity when none passes.
     */
    private double bestValue(int i, RegionThresholds t, int free) {
        double best = Double.NEGATIVE_INFINITY;
        for (double[] region : regions[i]) {
            boolean ok = true;
            for (int f = 0; f < FEATURES && ok; f++) {
                ok = f == free || region[f] >= t.get(f);
            }
            if (ok) {
                best = Math.max(best, free < 0 ? 0 : region[free]);
            }
        }
        return best;
    }

    /** The best threshold for feature f with the others fixed, over every distinct decision. */
    private Result bestAlong(int f, RegionThresholds t) {
        Integer[] order = new Integer[regions.length];
        double[] m = new double[regions.length];
        for (int i = 0; i < regions.length; i++) {
            order[i] = i;
            m[i] = bestValue(i, t, f);
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> m[i]).reversed());
        // threshold above every value: nothing is NG
        double top = regions.length == 0 || m[order[0]] == Double.NEGATIVE_INFINITY ? 0 : m[order[0]];
        double bestThreshold = top * 2 + 1;
        FitObjective.Score best = objective.score(0, defects, 0, normals);
        int detected = 0, falseAlarms = 0;
        int k = 0;
        while (k < order.length && m[order[k]] > Double.NEGATIVE_INFINITY) {
            double v = m[order[k]];
            while (k < order.length && m[order[k]] == v) {
                if (defect[order[k]]) {
                    detected++;
                } else {
                    falseAlarms++;
                }
                k++;
            }
            FitObjective.Score s = objective.score(detected, defects, falseAlarms, normals);
            if (s.beats(best)) {
                best = s;
                boolean lowerExists = k < order.length && m[order[k]] > Double.NEGATIVE_INFINITY;
                // all features are >= 0, so 0 admits every remaining value
                bestThreshold = lowerExists ? (v + m[order[k]]) / 2 : 0;
            }
        }
        return new Result(t.with(f, bestThreshold), best);
    }

    /** Drops regions that another region of the same image matches or beats on all four features. */
    static List<Region> undominated(List<Region> regions) {
        List<Region> sorted = new ArrayList<>(regions);
        sorted.sort(Comparator.comparingInt(Region::area).reversed());
        List<Region> kept = new ArrayList<>();
        for (Region r : sorted) {
            boolean dominated = false;
            for (Region k : kept) {
                if (dominates(k, r)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                kept.add(r);
            }
        }
        return kept;
    }

    private static boolean dominates(Region a, Region b) {
        for (int f = 0; f < FEATURES; f++) {
            if (a.feature(f) < b.feature(f)) {
                return false;
            }
        }
        return true;
    }
}
