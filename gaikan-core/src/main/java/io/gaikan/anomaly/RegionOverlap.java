package io.gaikan.anomaly;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.GrayU8;
import io.gaikan.report.HeatMaps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-region overlap (PRO) of anomaly maps with defect masks (Bergmann et al., "The MVTec Anomaly Detection
 * Dataset", IJCV 2021): at each threshold, the share of every connected defect region that the thresholded map
 * covers, averaged over regions (so a small defect counts as much as a large one), plotted against the false-positive
 * rate on normal pixels; the figure is the area under that curve up to a false-positive rate of
 * {@value #FPR_LIMIT}, divided by {@value #FPR_LIMIT} (1 = every region fully found before any false alarm).
 *
 * <p>Every image is read on a {@value #SIDE} x {@value #SIDE} grid (map and mask in the same normalised coordinates),
 * so each image weighs the same, whatever its size. Regions are 8-connected.
 */
final class RegionOverlap {

    static final double FPR_LIMIT = 0.3;
    static final int SIDE = 224;

    /** Per grid point: the map value's sortable bits (high 32) and its region (low 32; 0 = normal pixel). */
    private long[] keys = new long[0];
    private int used;
    private final List<Integer> regionSizes = new ArrayList<>(List.of(0));
    private long normalPixels;

    /** Adds one image: its map (any grid) and its mask (any size; null = no defect pixel). */
    void add(float[][] map, boolean[][] mask) {
        GrayU8 binary = new GrayU8(SIDE, SIDE);
        if (mask != null) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    binary.set(x, y, mask[y * mask.length / SIDE][x * mask[0].length / SIDE] ? 1 : 0);
                }
            }
        }
        GrayS32 labels = new GrayS32(SIDE, SIDE);
        int regions = BinaryImageOps.contour(binary, ConnectRule.EIGHT, labels).size();
        int firstRegion = regionSizes.size();
        for (int r = 0; r < regions; r++) {
            regionSizes.add(0);
        }
        if (used + SIDE * SIDE > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(used + SIDE * SIDE, 2 * keys.length));
        }
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int label = labels.get(x, y);
                int region = label == 0 ? 0 : firstRegion + label - 1;
                if (region == 0) {
                    normalPixels++;
                } else {
                    regionSizes.set(region, regionSizes.get(region) + 1);
                }
                float value = (float) HeatMaps.sample(map, (x + 0.5) / SIDE, (y + 0.5) / SIDE);
                keys[used++] = ((long) sortable(value) << 32) | region;
            }
        }
    }

    /** The normalised area under the PRO curve up to {@value #FPR_LIMIT}; NaN without defect or normal pixels. */
    double area() {
        int regions = regionSizes.size() - 1;
        if (regions == 0 || normalPixels == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(keys, used);
        Arrays.sort(sorted);
        double falsePositives = 0;
        double overlapSum = 0;
        double previousFpr = 0;
        double previousPro = 0;
        double area = 0;
        int i = sorted.length - 1;
        while (i >= 0) {
            long value = sorted[i] >> 32;
            // every point of one value crosses the threshold together
            for (; i >= 0 && sorted[i] >> 32 == value; i--) {
                int region = (int) sorted[i];
                if (region == 0) {
                    falsePositives++;
                } else {
                    overlapSum += 1.0 / regionSizes.get(region);
                }
            }
            double fpr = falsePositives / normalPixels;
            double pro = overlapSum / regions;
            if (fpr >= FPR_LIMIT) {
                double proAtLimit = previousPro + (pro - previousPro) * (FPR_LIMIT - previousFpr) / (fpr - previousFpr);
                area += (FPR_LIMIT - previousFpr) * (previousPro + proAtLimit) / 2;
                break;
            }
            area += (fpr - previousFpr) * (previousPro + pro) / 2;
            previousFpr = fpr;
            previousPro = pro;
        }
        return area / FPR_LIMIT;
    }

    /** A float's bits as an int that orders like the float (negative values flipped). */
    private static int sortable(float value) {
        int bits = Float.floatToIntBits(value);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }
}
