package io.gaikan.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shapes every scene family builds its defects from: paths (scratches, cracks, inclusions), blobs (pores,
 * blowholes, scale, burrs), fractures (branching cracks, crazing networks) and depressions (pits, uneven areas, roll
 * marks). A shape is a footprint weight w(x, y) in [0, 1], 1 at its core; {@link #stamp} lowers the relief by
 * depth * w (a negative depth raises it), scales the albedo towards a factor by w, and flags pixels with w above
 * {@value #MASK_WEIGHT} in the height field's defect mask, so the mask is exactly where the shape changed the surface.
 * Per-pixel work is plain arithmetic (no transcendental function), so the bits never depend on the platform.
 */
final class DefectPrimitives {

    /** A pixel belongs to the defect mask where the footprint weight exceeds this. */
    static final double MASK_WEIGHT = 0.2;
    /**
     * Shapes scale with the image, but one narrower than this (pixels; half width or radius) would vanish in small
     * renders (a 64 px image shrinks a 224 px pore below a pixel) and leave an NG label on a clean image.
     */
    static final double MIN_HALF_WIDTH = 0.9;

    private DefectPrimitives() {
    }

    /** Footprint weight of one shape at a pixel: 0 outside, 1 at the core. */
    interface Footprint {
        double weight(double x, double y);
    }

    /** Pixel bounds of a shape, inclusive, before clipping to the image. */
    record Box(double xMin, double yMin, double xMax, double yMax) {

        static Box around(double cx, double cy, double radius) {
            return new Box(cx - radius, cy - radius, cx + radius, cy + radius);
        }

        static Box of(double[] xs, double[] ys, double margin) {
            double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
            for (int k = 0; k < xs.length; k++) {
                x0 = Math.min(x0, xs[k]);
                y0 = Math.min(y0, ys[k]);
                x1 = Math.max(x1, xs[k]);
                y1 = Math.max(y1, ys[k]);
            }
            return new Box(x0 - margin, y0 - margin, x1 + margin, y1 + margin);
        }
    }

    /** Applies one shape; returns how many pixels it added to the mask. */
    static int stamp(HeightField hf, float[] albedo, Box box, Footprint f, double depth, double albedoFactor) {
        int w = hf.width();
        int xFirst = Math.max(0, (int) Math.floor(box.xMin())), xLast = Math.min(w - 1, (int) Math.ceil(box.xMax()));
        int yFirst = Math.max(0, (int) Math.floor(box.yMin()));
        int yLast = Math.min(hf.height() - 1, (int) Math.ceil(box.yMax()));
        int added = 0;
        for (int y = yFirst; y <= yLast; y++) {
            for (int x = xFirst; x <= xLast; x++) {
                double wt = f.weight(x, y);
                if (wt <= 0) {
                    continue;
                }
                int i = y * w + x;
                hf.micro[i] -= (float) (depth * wt);
                albedo[i] *= (float) (1 + (albedoFactor - 1) * wt);
                if (wt > MASK_WEIGHT && (hf.flags[i] & HeightField.SCRATCH) == 0) {
                    hf.flags[i] |= HeightField.SCRATCH;
                    added++;
                }
            }
        }
        return added;
    }

    /**
     * A polyline of the given half width; parabolic cross-section (the distance to the nearest segment). Each
     * segment writes its weight only within its own box (the largest weight per pixel is the nearest segment's), so
     * a long wandering crack costs its area, not its bounding box times its segment count.
     */
    static int path(HeightField hf, float[] albedo, double[] xs, double[] ys, double width, double depth,
                    double albedoFactor) {
        double halfWidth = Math.max(MIN_HALF_WIDTH, width);
        double hw2 = halfWidth * halfWidth;
        Box box = Box.of(xs, ys, halfWidth + 1);
        int x0 = Math.max(0, (int) Math.floor(box.xMin())), x1 = Math.min(hf.width() - 1, (int) Math.ceil(box.xMax()));
        int y0 = Math.max(0, (int) Math.floor(box.yMin()));
        int y1 = Math.min(hf.height() - 1, (int) Math.ceil(box.yMax()));
        if (x1 < x0 || y1 < y0) {
            return 0;
        }
        int bw = x1 - x0 + 1;
        double[] weights = new double[bw * (y1 - y0 + 1)];
        for (int k = 0; k + 1 < xs.length; k++) {
            int sx0 = Math.max(x0, (int) Math.floor(Math.min(xs[k], xs[k + 1]) - halfWidth));
            int sx1 = Math.min(x1, (int) Math.ceil(Math.max(xs[k], xs[k + 1]) + halfWidth));
            int sy0 = Math.max(y0, (int) Math.floor(Math.min(ys[k], ys[k + 1]) - halfWidth));
            int sy1 = Math.min(y1, (int) Math.ceil(Math.max(ys[k], ys[k + 1]) + halfWidth));
            for (int y = sy0; y <= sy1; y++) {
                for (int x = sx0; x <= sx1; x++) {
                    double wt = 1 - segmentDistance2(x, y, xs[k], ys[k], xs[k + 1], ys[k + 1]) / hw2;
                    int i = (y - y0) * bw + (x - x0);
                    if (wt > weights[i]) {
                        weights[i] = wt;
                    }
                }
            }
        }
        Footprint f = (x, y) -> weights[((int) y - y0) * bw + ((int) x - x0)];
        return stamp(hf, albedo, new Box(x0, y0, x1, y1), f, depth, albedoFactor);
    }

    /**
     * An irregular round shape: radius(theta) = r (1 + sum_k a_k cos(k theta + phi_k)), k = 2..4, the harmonics
     * taken from powers of the unit direction (no atan2 per pixel). {@code roughness} scales the a_k.
     */
    static int blob(HeightField hf, float[] albedo, SplittableRandom rng, double cx, double cy, double size,
                    double roughness, double aspect, double depth, double albedoFactor) {
        double radius = Math.max(MIN_HALF_WIDTH, size);
        double[] cosPhi = new double[3], sinPhi = new double[3], amp = new double[3];
        for (int k = 0; k < 3; k++) {
            double phi = 2 * Math.PI * rng.nextDouble();
            cosPhi[k] = StrictMath.cos(phi);
            sinPhi[k] = StrictMath.sin(phi);
            amp[k] = roughness * (rng.nextDouble() - 0.5) / (k + 1);
        }
        double turn = Math.PI * rng.nextDouble();
        double ct = StrictMath.cos(turn), st = StrictMath.sin(turn);
        // no pixel beyond the largest radius the harmonics allow is inside: skip those without sqrt and harmonics
        double reach = radius * (1 + Math.abs(amp[0]) + Math.abs(amp[1]) + Math.abs(amp[2]));
        double reach2 = reach * reach;
        Footprint f = (x, y) -> {
            double dx = x - cx, dy = y - cy;
            double u = (dx * ct + dy * st) / aspect, v = -dx * st + dy * ct;
            double rho2 = u * u + v * v;
            if (rho2 < 1e-12) {
                return 1;
            }
            if (rho2 > reach2) {
                return 0;
            }
            double rho = Math.sqrt(rho2);
            double c1 = u / rho, s1 = v / rho;
            // cos/sin of 2, 3, 4 theta by complex multiplication
            double c = c1, s = s1, edge = 1;
            for (int k = 0; k < 3; k++) {
                double cn = c * c1 - s * s1;
                s = s * c1 + c * s1;
                c = cn;
                edge += amp[k] * (c * cosPhi[k] - s * sinPhi[k]);
            }
            double q = rho / (radius * edge);
            return 1 - q * q;
        };
        return stamp(hf, albedo, Box.around(cx, cy, reach * Math.max(1, aspect) + 1), f, depth, albedoFactor);
    }

    /** A smooth elliptical dip (or, with negative depth, swell): weight (1 - q^2)^2. */
    static int depression(HeightField hf, float[] albedo, double cx, double cy, double xRadius, double yRadius,
                          double angle, double depth, double albedoFactor) {
        double rx = Math.max(2 * MIN_HALF_WIDTH, xRadius), ry = Math.max(2 * MIN_HALF_WIDTH, yRadius);
        double ca = StrictMath.cos(angle), sa = StrictMath.sin(angle);
        Footprint f = (x, y) -> {
            double dx = x - cx, dy = y - cy;
            double u = (dx * ca + dy * sa) / rx, v = (-dx * sa + dy * ca) / ry;
            double q = 1 - (u * u + v * v);
            return q <= 0 ? 0 : q * q;
        };
        return stamp(hf, albedo, Box.around(cx, cy, Math.max(rx, ry)), f, depth, albedoFactor);
    }

    /** A wandering polyline from (x, y): {@code steps} steps of {@code step} px, heading jittered by up to wobble. */
    static double[][] walk(SplittableRandom rng, double x, double y, double heading, int steps, double step,
                           double wobble) {
        double[] xs = new double[steps + 1], ys = new double[steps + 1];
        xs[0] = x;
        ys[0] = y;
        for (int k = 1; k <= steps; k++) {
            heading += wobble * (rng.nextDouble() - 0.5);
            xs[k] = xs[k - 1] + step * StrictMath.cos(heading);
            ys[k] = ys[k - 1] + step * StrictMath.sin(heading);
        }
        return new double[][] {xs, ys};
    }

    /**
     * A branching crack: a jagged walk that forks with probability {@code branching} per step (each branch a
     * shorter, thinner jagged walk), drawn as thin grooves that narrow towards their tips. Returns mask pixels.
     */
    static int fracture(HeightField hf, float[] albedo, SplittableRandom rng, double x, double y, double heading,
                        int steps, double step, double halfWidth, double depth, double albedoFactor,
                        double branching) {
        List<double[][]> walks = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        walks.add(walk(rng, x, y, heading, steps, step, 1.2));
        widths.add(halfWidth);
        for (int w = 0; w < walks.size() && walks.size() < 8; w++) {
            double[][] main = walks.get(w);
            for (int k = 1; k < main[0].length - 2; k++) {
                if (rng.nextDouble() < branching) {
                    double side = (rng.nextBoolean() ? 1 : -1) * (0.4 + 0.8 * rng.nextDouble());
                    double dir = StrictMath.atan2(main[1][k + 1] - main[1][k], main[0][k + 1] - main[0][k]);
                    walks.add(walk(rng, main[0][k], main[1][k], dir + side, Math.max(2, steps / 3), step, 1.2));
                    widths.add(widths.get(w) * 0.7);
                }
            }
        }
        int pixels = 0;
        for (int w = 0; w < walks.size(); w++) {
            double[][] pts = walks.get(w);
            int n = pts[0].length;
            // taper: the outer third of each walk is drawn thinner
            int cut = Math.max(2, 2 * n / 3);
            pixels += path(hf, albedo, java.util.Arrays.copyOf(pts[0], cut), java.util.Arrays.copyOf(pts[1], cut),
                    widths.get(w), depth, albedoFactor);
            pixels += path(hf, albedo, java.util.Arrays.copyOfRange(pts[0], cut - 1, n),
                    java.util.Arrays.copyOfRange(pts[1], cut - 1, n), Math.max(0.6, 0.6 * widths.get(w)),
                    0.6 * depth, 1 - 0.6 * (1 - albedoFactor));
        }
        return pixels;
    }

    /** Fine-grained relief: uniform noise box-blurred with radius {@code r}, scaled to the given amplitude. */
    static void grain(HeightField hf, SplittableRandom rng, int r, double amplitude, Workspace ws) {
        int n = hf.width() * hf.height();
        float[] noise = ws.floats(Workspace.Slot.LOCAL_MEAN, n);
        float[] blurred = ws.floats(Workspace.Slot.HEIGHT, n);
        float a = (float) (2 * amplitude * Math.sqrt(2 * r + 1));
        for (int i = 0; i < n; i++) {
            noise[i] = (float) (rng.nextDouble() - 0.5) * a;
        }
        Filters.boxBlur(noise, blurred, hf.width(), hf.height(), r, ws.floats(Workspace.Slot.TMP, n));
        for (int i = 0; i < n; i++) {
            hf.micro[i] += blurred[i];
        }
    }

    private static double segmentDistance2(double x, double y, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0, dy = y1 - y0;
        double len2 = dx * dx + dy * dy;
        double t = len2 < 1e-12 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
        double ex = x - x0 - t * dx, ey = y - y0 - t * dy;
        return ex * ex + ey * ey;
    }
}
