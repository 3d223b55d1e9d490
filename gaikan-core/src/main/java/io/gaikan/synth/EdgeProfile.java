package io.gaikan.synth;

/**
 * The end / taper part of a component in pixel space. With signed distance s = nx x + ny y - offset (positive
 * beyond the edge line): the flat body for s <= 0, a rounded edge (fillet) then a straight bevel of slope
 * {@code bevelTan} up to {@code bevelWidth}, and beyond it no metal at all (the background zone).
 *
 * @param background linear brightness of the zone beyond the part (dark void or bright fixture)
 */
record EdgeProfile(double nx, double ny, double offset, double bevelTan, double bevelWidth, double fillet,
                   double background) {

    double signedDistance(double x, double y) {
        return nx * x + ny * y - offset;
    }

    /** Height of the part's macro shape at signed distance s (s inside the bevel). */
    double height(double s) {
        if (s <= 0) {
            return 0;
        }
        if (s < fillet) {
            return -bevelTan * s * s / (2 * fillet);
        }
        return -bevelTan * (s - 0.5 * fillet);
    }
}
