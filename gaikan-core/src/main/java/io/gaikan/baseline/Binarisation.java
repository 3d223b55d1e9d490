package io.gaikan.baseline;

import boofcv.alg.filter.binary.GThresholdImageOps;
import boofcv.alg.filter.binary.ThresholdImageOps;
import boofcv.alg.misc.ImageStatistics;
import boofcv.struct.ConfigLength;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.GrayU8;

/**
 * How the absolute DoG response becomes a binary image (1 = candidate defect pixel), all by BoofCV thresholding.
 *
 * @param method    FIXED: response above {@code threshold} grey levels; OTSU: above the per-image Otsu threshold;
 *                  ADAPTIVE: above {@code scale} times the local mean response in a {@code window}-pixel square
 * @param threshold FIXED only, grey levels of |DoG|
 * @param window    ADAPTIVE only, side of the local square in working-image pixels
 * @param scale     ADAPTIVE only, how many times the local mean a pixel must exceed
 */
public record Binarisation(Method method, double threshold, int window, double scale) {

    public enum Method { FIXED, OTSU, ADAPTIVE }

    public Binarisation {
        if (method == null) {
            throw new IllegalArgumentException("binarisation method missing");
        }
        if (method == Method.FIXED && !(threshold >= 0)) {
            throw new IllegalArgumentException("fixed binarisation threshold must be >= 0, got " + threshold);
        }
        if (method == Method.ADAPTIVE && (window < 3 || !(scale > 0))) {
            throw new IllegalArgumentException("adaptive binarisation needs window >= 3 and scale > 0, got "
                    + window + ", " + scale);
        }
    }

    public static Binarisation fixed(double threshold) {
        return new Binarisation(Method.FIXED, threshold, 0, 0);
    }

    public static Binarisation otsu() {
        return new Binarisation(Method.OTSU, 0, 0, 0);
    }

    public static Binarisation adaptive(int window, double scale) {
        return new Binarisation(Method.ADAPTIVE, 0, window, scale);
    }

    GrayU8 apply(GrayF32 response) {
        GrayU8 out = new GrayU8(response.width, response.height);
        switch (method) {
            case FIXED -> ThresholdImageOps.threshold(response, out, (float) threshold, false);
            case OTSU -> {
                double max = ImageStatistics.max(response);
                if (max > 0) {
                    double t = GThresholdImageOps.computeOtsu(response, 0, max);
                    ThresholdImageOps.threshold(response, out, (float) t, false);
                }
            }
            // BoofCV's upward local mean marks I * s > mean, so s = 1 / scale marks I > scale * mean
            case ADAPTIVE -> GThresholdImageOps.localMean(response, out, ConfigLength.fixed(window), 1.0 / scale,
                    false, null, null, null);
        }
        return out;
    }

    @Override
    public String toString() {
        return switch (method) {
            case FIXED -> "fixed(" + threshold + ")";
            case OTSU -> "otsu";
            case ADAPTIVE -> "adaptive(" + window + "," + scale + ")";
        };
    }
}
