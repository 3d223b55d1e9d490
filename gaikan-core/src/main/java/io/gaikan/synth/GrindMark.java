package io.gaikan.synth;

/**
 * One grinding mark in pixel space: a cylinder lying on the base plane with its axis from (x0, y0) to (x1, y1),
 * sunk so that only a cap of the given half-width and peak height shows. The cap sinks smoothly into the plane
 * near both ends (a grain entering and leaving the work), so marks have no cut-off end faces.
 */
record GrindMark(double x0, double y0, double x1, double y1, double halfWidth, double peak) {
}
