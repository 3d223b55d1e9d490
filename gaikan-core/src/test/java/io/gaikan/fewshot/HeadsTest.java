package io.gaikan.fewshot;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The heads' arithmetic on generated feature vectors: classes are Gaussian clusters in 40 dimensions around random
 * non-negative means (as pooled activations are), some of them close to each other.
 */
class HeadsTest {

    private static final int DIM = 40;

    @Test
    void logisticRegressionSolvesItsObjectiveAndBeatsPrototypesWhereClassesHaveUnequalSpread() {
        Random rng = new Random(3);
        double[][] means = means(4, rng);
        // class 0 is spread wide along one axis, so its mean is a poor prototype; logistic regression learns the axis
        float[][][] train = views(means, 12, 0.15, rng);
        SupportSet support = SupportSet.of(train, labels(4, 12), 4, false);
        LinearHead logistic = Heads.logistic(support, 1e-3, false);
        LinearHead prototypes = Heads.prototypes(support);
        float[][][] test = views(means, 100, 0.15, new Random(4));
        int[] truth = labels(4, 100);
        double logisticAccuracy = accuracy(logistic, test[0], truth);
        double prototypeAccuracy = accuracy(prototypes, test[0], truth);
        assertTrue(logisticAccuracy > 0.9, "logistic " + logisticAccuracy);
        assertTrue(logisticAccuracy >= prototypeAccuracy, logisticAccuracy + " vs prototypes " + prototypeAccuracy);

        // at the optimum the gradient of the penalised loss vanishes: sum over rows of (p - y) z / n + l2 W = 0
        double[][] grad = new double[4][DIM];
        for (int r = 0; r < support.rows().length; r++) {
            float[] p = LinearHead.softmax(logistic.scores(support.rows()[r]), 1);
            for (int c = 0; c < 4; c++) {
                double delta = (p[c] - (support.labels()[r] == c ? 1 : 0)) / support.rows().length;
                for (int d = 0; d < DIM; d++) {
                    grad[c][d] += delta * support.rows()[r][d];
                }
            }
        }
        for (int c = 0; c < 4; c++) {
            for (int d = 0; d < DIM; d++) {
                assertEquals(0, grad[c][d] + 1e-3 * logistic.weights()[c][d], 1e-5, "gradient at class " + c + " dim " + d);
            }
        }
    }

    @Test
    void standardisingLetsAQuietInformativeDimensionOutweighLoudUninformativeOnes() {
        // dimension 0 tells the classes apart on a scale of 0.1; the other 4 are loud noise shared by both classes
        int dim = 5;
        java.util.function.BiFunction<Integer, Random, float[][][]> draw = (perClass, rng) -> {
            float[][] rows = new float[2 * perClass][dim];
            for (int i = 0; i < rows.length; i++) {
                rows[i][0] = (float) (1 + (i < perClass ? 0 : 0.1) + 0.01 * rng.nextGaussian());
                for (int d = 1; d < dim; d++) {
                    rows[i][d] = (float) Math.max(0, 5 + rng.nextGaussian());
                }
            }
            return new float[][][]{rows};
        };
        float[][][] train = draw.apply(8, new Random(21));
        float[][][] test = draw.apply(200, new Random(22));
        double[] accuracy = new double[2];
        for (int standardise = 0; standardise < 2; standardise++) {
            SupportSet support = SupportSet.of(train, labels(2, 8), 2, standardise == 1);
            assertEquals(standardise == 1, support.embedding().standardised());
            accuracy[standardise] = accuracy(Heads.logistic(support, Heads.DEFAULT_L2, false), test[0], labels(2, 200));
        }
        assertTrue(accuracy[1] > 0.95, "standardised " + accuracy[1] + ", centred only " + accuracy[0]);
        assertTrue(accuracy[0] < 0.8, "centred only " + accuracy[0] + ": the loud dimensions should have won");
    }

    @Test
    void penaltyIsCrossValidatedOnlyWhenEveryClassHasTwoImages() {
        Random rng = new Random(5);
        double[][] means = means(3, rng);
        SupportSet one = SupportSet.of(views(means, 1, 0.1, rng), labels(3, 1), 3, false);
        Heads.Penalty fixed = Heads.choosePenalty(one, null, false, 0);
        assertEquals(Heads.DEFAULT_L2, fixed.l2());
        assertTrue(fixed.rule().contains("one training image"), fixed.rule());

        SupportSet four = SupportSet.of(views(means, 4, 0.1, rng), labels(3, 4), 3, false);
        Heads.Penalty chosen = Heads.choosePenalty(four, null, false, 0);
        assertTrue(chosen.rule().contains("4-fold cross-validation"), chosen.rule());
        assertTrue(java.util.Arrays.stream(Heads.L2_GRID).anyMatch(l -> l == chosen.l2()));
        assertEquals(0.5, Heads.choosePenalty(four, 0.5, false, 0).l2(), "a given penalty is used as given");
    }

    @Test
    void temperatureScalingRecoversTheTemperatureTheLabelsWereDrawnWith() {
        Random rng = new Random(11);
        int n = 4000;
        double[][] scores = new double[n][3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                scores[i][c] = 4 * rng.nextGaussian();
            }
            float[] p = LinearHead.softmax(scores[i], 2.5);
            double u = rng.nextDouble();
            labels[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
        }
        assertEquals(2.5, Calibration.temperature(scores, labels), 0.25);
    }

    @Test
    void transductiveRefinementMovesPrototypesToWhereTheQueriesAre() {
        Random rng = new Random(8);
        double[][] means = means(2, rng);
        // the one support image per class is drawn far from its class's centre; 200 queries sit around the centres
        float[][][] support = views(means, 1, 0.6, rng);
        SupportSet set = SupportSet.of(support, labels(2, 1), 2, false);
        LinearHead head = Heads.prototypes(set);
        float[][][] queries = views(means, 100, 0.12, new Random(9));
        int[] truth = labels(2, 100);
        double[][] z = new double[queries[0].length][];
        float[][] initial = new float[z.length][];
        for (int i = 0; i < z.length; i++) {
            z[i] = head.embedding().apply(queries[0][i]);
            initial[i] = LinearHead.softmax(head.scores(z[i]), 1);
        }
        float[][] refined = SoftKMeans.refine(head.classSums(), z, initial);
        double before = accuracy(initial, truth);
        double after = accuracy(refined, truth);
        assertTrue(after >= before, "refined " + after + " vs " + before);
        assertTrue(after > 0.95, "refined accuracy " + after);
    }

    private static double[][] means(int classes, Random rng) {
        double[][] means = new double[classes][DIM];
        for (double[] m : means) {
            for (int d = 0; d < DIM; d++) {
                m[d] = 1 + rng.nextDouble();
            }
        }
        return means;
    }

    /** One view: {@code perClass} vectors per class, class-major; class 0 is stretched along dimension 0. */
    private static float[][][] views(double[][] means, int perClass, double spread, Random rng) {
        float[][] rows = new float[means.length * perClass][DIM];
        for (int c = 0; c < means.length; c++) {
            for (int i = 0; i < perClass; i++) {
                for (int d = 0; d < DIM; d++) {
                    double noise = spread * rng.nextGaussian() * (c == 0 && d == 0 ? 6 : 1);
                    rows[c * perClass + i][d] = (float) Math.max(0, means[c][d] + noise);
                }
            }
        }
        return new float[][][]{rows};
    }

    private static int[] labels(int classes, int perClass) {
        int[] labels = new int[classes * perClass];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / perClass;
        }
        return labels;
    }

    private static double accuracy(LinearHead head, float[][] rows, int[] truth) {
        float[][] p = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            p[i] = head.probabilities(rows[i]);
        }
        return accuracy(p, truth);
    }

    private static double accuracy(float[][] p, int[] truth) {
        int hit = 0;
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int c = 1; c < p[i].length; c++) {
                best = p[i][c] > p[i][best] ? c : best;
            }
            hit += best == truth[i] ? 1 : 0;
        }
        return (double) hit / p.length;
    }
}
