package io.gaikan.synth;

/**
 * One scratch in pixel space: a polyline of cylinders joined by spheres (seed 001), carved into the surface. The
 * tool has one radius; the depth at each vertex varies (shallow ends), so the groove narrows where it is shallow.
 *
 * @param xs        vertex x (pixels)
 * @param ys        vertex y (pixels)
 * @param depths    groove depth at each vertex (pixels), largest value = {@code maxDepth}
 * @param halfWidth groove half-width at the surface where the depth is {@code maxDepth}
 */
record ScratchPath(double[] xs, double[] ys, double[] depths, double halfWidth, double maxDepth) {

    /** Cylinder (tool) radius that gives {@code halfWidth} at {@code maxDepth}: r = (w^2 + d^2) / 2d. */
    double toolRadius() {
        return (halfWidth * halfWidth + maxDepth * maxDepth) / (2 * maxDepth);
    }

    double length() {
        double sum = 0;
        for (int k = 1; k < xs.length; k++) {
            double dx = xs[k] - xs[k - 1];
            double dy = ys[k] - ys[k - 1];
            sum += Math.sqrt(dx * dx + dy * dy);
        }
        return sum;
    }

    /** The same path made wider and deeper by {@code factor} (used when a scratch turned out too faint). */
    ScratchPath strengthened(double factor) {
        double[] d = depths.clone();
        for (int k = 0; k < d.length; k++) {
            d[k] *= factor;
        }
        return new ScratchPath(xs, ys, d, halfWidth * Math.sqrt(factor), maxDepth * factor);
    }
}
