package io.gaikan.synth;

/**
 * A pinhole camera looking down at the surface plane, tilted a little: world (x, y) -> pixel
 * (cx + s x / w, cy + s y / w) with w = 1 + px x + py y, i.e. a homography; straight lines stay straight, so the
 * cylinder axes can be mapped by their end points. World units are output pixels of an untilted camera at s = 1.
 *
 * @param viewX view direction (towards the camera), x component; the camera looks along -view
 */
record Camera(double cx, double cy, double scale, double px, double py, double viewX, double viewY, double viewZ) {

    static Camera of(int size, double scale, double tiltDeg, double tiltAzimuthDeg) {
        double t = Math.toRadians(tiltDeg);
        double a = Math.toRadians(tiltAzimuthDeg);
        double ca = StrictMath.cos(a);
        double sa = StrictMath.sin(a);
        // camera distance of two image widths: perspective foreshortening of about tan(tilt) / 4 across the image
        double distance = 2.0 * size / scale;
        double slope = StrictMath.tan(t) / distance;
        double st = StrictMath.sin(t);
        return new Camera(0.5 * (size - 1), 0.5 * (size - 1), scale, slope * ca, slope * sa,
                st * ca, st * sa, StrictMath.cos(t));
    }

    double u(double x, double y) {
        return cx + scale * x / (1 + px * x + py * y);
    }

    double v(double x, double y) {
        return cy + scale * y / (1 + px * x + py * y);
    }

    /** Pixels per world unit near (x, y). */
    double localScale(double x, double y) {
        return scale / (1 + px * x + py * y);
    }

    double worldX(double u, double v) {
        double a = (u - cx) / scale;
        double b = (v - cy) / scale;
        return a / (1 - px * a - py * b);
    }

    double worldY(double u, double v) {
        double a = (u - cx) / scale;
        double b = (v - cy) / scale;
        return b / (1 - px * a - py * b);
    }
}
