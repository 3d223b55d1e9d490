package io.gaikan.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well a score ranks defective images above normal ones, independent of any threshold: the area under the ROC
 * curve (the probability that a random defect scores above a random normal image, ties counting half) and average
 * precision (the mean precision at each defect's rank).
 *
 * @param auroc            area under the ROC curve, NaN without both kinds of image
 * @param averagePrecision average precision, NaN without defects
 */
public record RankingMetrics(double auroc, double averagePrecision) {

    /** {@code scores[i]} of image i, {@code defect[i]} its truth. */
    public static RankingMetrics of(double[] scores, boolean[] defect) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        // AUROC from mid-ranks (Mann-Whitney U), which counts ties as half
        double rankSumDefect = 0;
        int positives = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (defect[order[k]]) {
                    rankSumDefect += midRank;
                    positives++;
                }
            }
            i = j;
        }
        int negatives = n - positives;
        double auroc = positives == 0 || negatives == 0 ? Double.NaN
                : (rankSumDefect - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
        double ap = Double.NaN;
        if (positives > 0) {
            double sum = 0;
            int seen = 0;
            for (int r = n - 1; r >= 0; r--) {
                if (defect[order[r]]) {
                    seen++;
                    sum += seen / (double) (n - r);
                }
            }
            ap = sum / positives;
        }
        return new RankingMetrics(auroc, ap);
    }
}
