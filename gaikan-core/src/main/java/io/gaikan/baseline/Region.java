package io.gaikan.baseline;

/**
 * One labelled connected region of the binarised DoG response, measured in working-image pixels.
 *
 * @param area             pixel count
 * @param centroidX        mean x (image x axis, pixels)
 * @param centroidY        mean y (image y axis points down, pixels)
 * @param length           extent along the principal (major) axis, pixels
 * @param width            extent along the minor axis, pixels
 * @param elongation       sqrt of the ratio of the second-moment eigenvalues (major over minor), each widened by the
 *                         1/12 variance of a unit pixel so that an L x W bar measures exactly L / W; 1 for a disc
 * @param meanContrast     mean absolute DoG response over the region, grey levels
 * @param orientationDegrees direction of the major axis in [0, 180), counter-clockwise from the x axis as seen on
 *                         screen (0 = horizontal, 90 = vertical, 45 = rising to the right)
 */
public record Region(
        int area,
        double centroidX,
        double centroidY,
        double length,
        double width,
        double elongation,
        double meanContrast,
        double orientationDegrees,
        int minX,
        int minY,
        int maxX,
        int maxY) {

    /** The four features the decision rule thresholds, in {@link RegionThresholds} order. */
    public double feature(int index) {
        return switch (index) {
            case 0 -> area;
            case 1 -> length;
            case 2 -> elongation;
            case 3 -> meanContrast;
            default -> throw new IndexOutOfBoundsException("region feature " + index);
        };
    }
}
