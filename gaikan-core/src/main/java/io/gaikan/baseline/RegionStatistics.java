package io.gaikan.baseline;

import java.util.List;

/**
 * Per-image statistics of its regions, the input of the classical region-feature classifier. Sizes are relative to
 * the image so that images of different sizes compare; counts and areas are log-scaled because they span decades.
 */
public final class RegionStatistics {

    private static final int ORIENTATION_BINS = 4;

    public static final List<String> FEATURES = List.of(
            "log1p(region count)", "foreground fraction", "log1p(max area)", "max length / image side",
            "log(max elongation)", "area-weighted mean contrast", "max contrast", "mean |DoG| over the image",
            "orientation 0-45 (area share)", "orientation 45-90 (area share)", "orientation 90-135 (area share)",
            "orientation 135-180 (area share)");

    private RegionStatistics() {
    }

    public static double[] summarise(RegionExtractor.Extraction e) {
        List<Region> regions = e.regions();
        double totalArea = 0, maxArea = 0, maxLength = 0, maxElongation = 1, weightedContrast = 0, maxContrast = 0;
        double[] orientation = new double[ORIENTATION_BINS];
        for (Region r : regions) {
            totalArea += r.area();
            maxArea = Math.max(maxArea, r.area());
            maxLength = Math.max(maxLength, r.length());
            maxElongation = Math.max(maxElongation, r.elongation());
            weightedContrast += r.meanContrast() * r.area();
            maxContrast = Math.max(maxContrast, r.meanContrast());
            int bin = Math.min(ORIENTATION_BINS - 1, (int) (r.orientationDegrees() / (180.0 / ORIENTATION_BINS)));
            orientation[bin] += r.area();
        }
        double[] f = new double[FEATURES.size()];
        f[0] = Math.log1p(regions.size());
        f[1] = totalArea / ((double) e.width() * e.height());
        f[2] = Math.log1p(maxArea);
        f[3] = maxLength / Math.max(e.width(), e.height());
        f[4] = Math.log(maxElongation);
        f[5] = totalArea > 0 ? weightedContrast / totalArea : 0;
        f[6] = maxContrast;
        f[7] = e.meanResponse();
        for (int b = 0; b < ORIENTATION_BINS; b++) {
            f[8 + b] = totalArea > 0 ? orientation[b] / totalArea : 0;
        }
        return f;
    }
}
