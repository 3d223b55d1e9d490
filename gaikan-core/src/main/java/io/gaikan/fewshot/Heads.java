package io.gaikan.fewshot;

import io.gaikan.linear.SoftmaxRegression;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fits the two heads on a {@link SupportSet}: class prototypes, and L2-regularised multinomial logistic regression
 * solved with {@link SoftmaxRegression}, whose penalty is chosen by cross-validation over training images when every class has
 * at least two of them.
 */
final class Heads {

    /**
     * Cosine scores times this scale are the prototype head's logits: cosines live in [-1, 1], and at scale 10 a
     * cosine margin of 0.1 is odds of e:1, the sharpness metric-learning papers settle on.
     */
    static final double PROTOTYPE_SCALE = 10;

    /**
     * The penalties cross-validation chooses among (per unit-length feature, loss averaged over rows). The small ones
     * serve standardised features, whose information is spread over many dimensions: with PyTorch features (10 draws
     * at 5 images per class) 1e-6 beat 1e-3 by 1.0 point on magnetic tiles and 0.4 on x-sdd.
     */
    static final double[] L2_GRID = {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1};

    /**
     * The penalty when it cannot be cross-validated (one image of some class). Chosen on x-sdd at 2 and 5 images per
     * class, where cross-validation picked it in most draws (README, "Few images per class").
     */
    static final double DEFAULT_L2 = 1e-3;

    private static final int FOLDS = 5;

    private Heads() {
    }

    static LinearHead prototypes(SupportSet support) {
        double[][] w = support.prototypes();
        for (double[] row : w) {
            for (int d = 0; d < row.length; d++) {
                row[d] *= PROTOTYPE_SCALE;
            }
        }
        return new LinearHead(HeadKind.PROTOTYPES, support.embedding(), w, new double[support.classes()], 1,
                support.classSums());
    }

    /** A penalty and how it was chosen. */
    record Penalty(double l2, String rule) {
    }

    /**
     * {@code setting} when given, else the grid value with the lowest held-out log-loss over up to five folds of whole
     * images (stratified by class), else {@link #DEFAULT_L2}.
     */
    static Penalty choosePenalty(SupportSet support, Double setting, boolean balance, long seed) {
        if (setting != null) {
            return new Penalty(setting, "--head-l2");
        }
        int[] perClass = support.imagesPerClass();
        int fewest = Integer.MAX_VALUE;
        for (int n : perClass) {
            fewest = Math.min(fewest, n);
        }
        if (fewest < 2) {
            return new Penalty(DEFAULT_L2, "default: a class has one training image, nothing to cross-validate on");
        }
        int folds = Math.min(FOLDS, fewest);
        int[] fold = stratifiedFolds(support, folds, seed);
        double best = Double.POSITIVE_INFINITY;
        double chosen = DEFAULT_L2;
        for (double l2 : L2_GRID) {
            double loss = 0;
            int rows = 0;
            for (int f = 0; f < folds; f++) {
                boolean[] held = new boolean[fold.length];
                for (int i = 0; i < fold.length; i++) {
                    held[i] = fold[i] == f;
                }
                LinearHead head = logistic(support.subset(held, false), l2, balance);
                SupportSet test = support.subset(held, true);
                for (int r = 0; r < test.rows().length; r++) {
                    double[] s = head.scores(test.rows()[r]);
                    loss -= Math.log(Math.max(1e-12, LinearHead.softmax(s, 1)[test.labels()[r]]));
                    rows++;
                }
            }
            if (loss / rows < best) {
                best = loss / rows;
                chosen = l2;
            }
        }
        return new Penalty(chosen, String.format("%d-fold cross-validation over training images (held-out log-loss %.3f)",
                folds, best));
    }

    /** Fold of each training image: each class's images dealt round-robin in a seeded order. */
    private static int[] stratifiedFolds(SupportSet support, int folds, long seed) {
        int images = support.imageCount();
        int[] labelOf = new int[images];
        for (int r = 0; r < support.rows().length; r++) {
            labelOf[support.images()[r]] = support.labels()[r];
        }
        int[] fold = new int[images];
        Random random = new Random(seed);
        for (int c = 0; c < support.classes(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < images; i++) {
                if (labelOf[i] == c) {
                    members.add(i);
                }
            }
            java.util.Collections.shuffle(members, random);
            for (int k = 0; k < members.size(); k++) {
                fold[members.get(k)] = k % folds;
            }
        }
        return fold;
    }

    /**
     * Mean (class-weighted with {@code balance}) cross-entropy of softmax(W z + b) plus {@code l2}/2 |W|^2, minimised
     * from the prototype head.
     */
    static LinearHead logistic(SupportSet support, double l2, boolean balance) {
        int classes = support.classes();
        int[] labels = support.labels();
        int[] perClass = new int[classes];
        for (int label : labels) {
            perClass[label]++;
        }
        double[] rowWeight = new double[labels.length];
        for (int r = 0; r < labels.length; r++) {
            rowWeight[r] = balance ? (double) labels.length / (classes * perClass[labels[r]]) : 1;
        }
        SoftmaxRegression.Fit fit = SoftmaxRegression.fit(support.rows(), labels, rowWeight, classes, l2,
                prototypes(support).weights());
        return new LinearHead(HeadKind.LOGISTIC, support.embedding(), fit.weights(), fit.bias(), 1, support.classSums());
    }
}
