package io.gaikan.baseline;

import java.util.List;

/**
 * The per-region decision: a region is a defect when it reaches all four minima. An image is NG when any of its
 * regions is. Units: area in working-image pixels, length in pixels, elongation as a ratio, contrast in grey levels.
 */
public record RegionThresholds(double minArea, double minLength, double minElongation, double minContrast) {

    /** Names of the thresholded features, in {@link Region#feature} order. */
    public static final List<String> FEATURES = List.of("area", "length", "elongation", "contrast");

    public static RegionThresholds none() {
        return new RegionThresholds(0, 0, 0, 0);
    }

    public double get(int feature) {
        return switch (feature) {
            case 0 -> minArea;
            case 1 -> minLength;
            case 2 -> minElongation;
            case 3 -> minContrast;
            default -> throw new IndexOutOfBoundsException("region feature " + feature);
        };
    }

    public RegionThresholds with(int feature, double value) {
        return new RegionThresholds(feature == 0 ? value : minArea, feature == 1 ? value : minLength,
                feature == 2 ? value : minElongation, feature == 3 ? value : minContrast);
    }

    public boolean passes(Region r) {
        return r.area() >= minArea && r.length() >= minLength && r.elongation() >= minElongation
                && r.meanContrast() >= minContrast;
    }

    public boolean anyPasses(List<Region> regions) {
        for (Region r : regions) {
            if (passes(r)) {
                return true;
            }
        }
        return false;
    }
}
