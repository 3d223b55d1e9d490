package io.gaikan.synth;

import java.util.List;

/**
 * Per-pixel height of the surface, computed analytically from the scene geometry (distance of each pixel to each
 * cylinder axis or scratch polyline) instead of rasterising 3-D primitives into a depth buffer. Heights are in
 * pixels, so finite differences are slopes. Alongside the height it keeps per-pixel flags: which pixels a scratch
 * carved (the scratch mask), a thin ring of undamaged surface around each scratch (its local background, used to
 * measure visibility), and which pixels lie beyond the part (no metal).
 */
public final class HeightField {

    static final byte SCRATCH = 1;
    static final byte RING = 2;
    static final byte BACKGROUND = 4;

    /** The ring around a scratch starts this many pixels outside its groove and is this wide. */
    private static final double RING_GAP = 1.5;
    private static final double RING_WIDTH = 3.0;

    /** 0, 1, 2, ...: pixel offsets along a row, as floats (see drawMark). */
    private static final float[] RAMP = new float[8192];

    static {
        for (int i = 0; i < RAMP.length; i++) {
            RAMP[i] = i;
        }
    }

    private final int width;
    private final int height;
    /** Grinding marks and scratches relative to the part's shape. */
    final float[] micro;
    /** The part's shape: 0 on the body, falling along the bevel. */
    final float[] macro;
    final byte[] flags;
    HeightField(int width, int height) {
        this(width, height, new float[width * height], new float[width * height], new byte[width * height]);
    }

    private HeightField(int width, int height, float[] micro, float[] macro, byte[] flags) {
        this.width = width;
        this.height = height;
        this.micro = micro;
        this.macro = macro;
        this.flags = flags;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Surface height at pixel (x, y), in pixels. */
    public float heightAt(int x, int y) {
        int i = y * width + x;
        return macro[i] + micro[i];
    }

    /** Whether a scratch carved this pixel (the scratch mask). */
    public boolean isScratch(int x, int y) {
        return (flags[y * width + x] & SCRATCH) != 0;
    }

    /** Whether the pixel lies beyond the part (no metal). */
    public boolean isBackground(int x, int y) {
        return (flags[y * width + x] & BACKGROUND) != 0;
    }

    public int scratchPixelCount() {
        int n = 0;
        for (byte f : flags) {
            n += f & SCRATCH;
        }
        return n;
    }

    HeightField copy() {
        return new HeightField(width, height, micro.clone(), macro.clone(), flags.clone());
    }

    /**
     * Adds grinding marks: the surface is the upper envelope (what a depth buffer keeps) of the base plane and the
     * marks' caps. The marks share a dominant direction, so they are drawn into a buffer rotated to make that
     * direction horizontal (long rows, few of them, in straight loops the JIT vectorises) and the buffer is then
     * sampled bilinearly back onto the pixel grid.
     */
    void addGrindMarks(List<GrindMark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        // mean direction of undirected lines: average the doubled angle, weighted by length
        double c2 = 0;
        double s2 = 0;
        for (GrindMark m : marks) {
            double dx = m.x1() - m.x0();
            double dy = m.y1() - m.y0();
            double len = Math.hypot(dx, dy);
            if (len > 0) {
                c2 += (dx * dx - dy * dy) / len;
                s2 += 2 * dx * dy / len;
            }
        }
        double angle = 0.5 * StrictMath.atan2(s2, c2);
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        int bw = (int) Math.ceil(Math.abs(cos) * width + Math.abs(sin) * height) + 3;
        int bh = (int) Math.ceil(Math.abs(sin) * width + Math.abs(cos) * height) + 3;
        double cx = 0.5 * (width - 1);
        double cy = 0.5 * (height - 1);
        double bcx = 0.5 * (bw - 1);
        double bcy = 0.5 * (bh - 1);
        float[] buf = new float[bw * bh];
        float[] row = new float[bw];
        // per buffer row, the x range that maps back inside the image: marks outside it are never sampled
        int[] first = new int[bh];
        int[] last = new int[bh];
        for (int v = 0; v < bh; v++) {
            double lo = 0;
            double hi = bw - 1;
            // image x = cx + cos (u - bcx) - sin (v - bcy), image y = cy + sin (u - bcx) + cos (v - bcy)
            double[] along = {cos, sin};
            double[] offset = {cx - sin * (v - bcy), cy + cos * (v - bcy)};
            double[] limit = {width - 1, height - 1};
            for (int a = 0; a < 2; a++) {
                if (Math.abs(along[a]) < 1e-12) {
                    if (offset[a] < -1 || offset[a] > limit[a] + 1) {
                        hi = -1;
                    }
                    continue;
                }
                double t0 = (-1 - offset[a]) / along[a] + bcx;
                double t1 = (limit[a] + 1 - offset[a]) / along[a] + bcx;
                lo = Math.max(lo, Math.min(t0, t1));
                hi = Math.min(hi, Math.max(t0, t1));
            }
            first[v] = (int) Math.floor(lo);
            last[v] = (int) Math.ceil(hi);
        }
        for (GrindMark m : marks) {
            double u0 = bcx + cos * (m.x0() - cx) + sin * (m.y0() - cy);
            double v0 = bcy - sin * (m.x0() - cx) + cos * (m.y0() - cy);
            double u1 = bcx + cos * (m.x1() - cx) + sin * (m.y1() - cy);
            double v1 = bcy - sin * (m.x1() - cx) + cos * (m.y1() - cy);
            drawMark(buf, bw, bh, row, first, last, u0, v0, u1, v1, m.halfWidth(), m.peak());
        }
        resample(buf, bw, bh, bcx - cos * cx, bcy + sin * cx, cos, sin, cy);
    }

    /** Bilinear resampling of the rotated buffer onto the pixel grid; the buffer's margin keeps u, v inside. */
    private void resample(float[] buf, int bw, int bh, double u0, double v0, double cos, double sin, double cy) {
        float fcos = (float) cos;
        float fsin = (float) sin;
        for (int y = 0; y < height; y++) {
            float u = (float) (u0 + sin * (y - cy));
            float v = (float) (v0 + cos * (y - cy));
            int rowStart = y * width;
            for (int x = 0; x < width; x++, u += fcos, v -= fsin) {
                int iu = Math.max(0, Math.min(bw - 2, (int) u));
                int iv = Math.max(0, Math.min(bh - 2, (int) v));
                float fu = u - iu;
                float fv = v - iv;
                int k = iv * bw + iu;
                float top = buf[k] + fu * (buf[k + 1] - buf[k]);
                float bottom = buf[k + bw] + fu * (buf[k + bw + 1] - buf[k + bw]);
                micro[rowStart + x] = top + fv * (bottom - top);
            }
        }
    }

    /**
     * One mark into a w x h row-major buffer, within [first[y], last[y]] on each row: cylinder cap, sinking smoothly
     * into the plane near both ends. Each row's span is copied into {@code row} (index 0 = first pixel) so that every array in the inner loop has the
     * same index, which lets the JIT vectorise it.
     */
    private static void drawMark(float[] buf, int w, int h, float[] row, int[] first, int[] last,
                                 double x0, double y0, double x1, double y1, double halfWidth, double peak) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 1 || halfWidth <= 0 || peak <= 0) {
            return;
        }
        SegmentStrip strip = new SegmentStrip(x0, y0, x1, y1, halfWidth, 0, w, h);
        float dx = (float) strip.dx;
        float dy = (float) strip.dy;
        float fpeak = (float) peak;
        double rhoD = (halfWidth * halfWidth + peak * peak) / (2 * peak);
        float rho = (float) rhoD;
        float rho2 = (float) (rhoD * rhoD);
        float flen = (float) len;
        float invTaper = (float) (1 / (0.2 * len));
        float[] ramp = RAMP;
        for (int y = strip.yFirst; y <= strip.yLast; y++) {
            if (!strip.row(y)) {
                continue;
            }
            int xFirst = Math.max(strip.xFirst, first[y]);
            int n = Math.min(ramp.length, Math.min(strip.xLast, last[y]) - xFirst + 1);
            if (n <= 0) {
                continue;
            }
            double ry = y - y0;
            double rx = xFirst - x0;
            float along0 = (float) (rx * strip.dx + ry * strip.dy);
            float perp0 = (float) (ry * strip.dx - rx * strip.dy);
            int base = y * w + xFirst;
            System.arraycopy(buf, base, row, 0, n);
            for (int j = 0; j < n; j++) {
                float along = along0 + ramp[j] * dx;
                float perp = perp0 - ramp[j] * dy;
                float taper = Branchless.min(1f, Branchless.positive(Branchless.min(along, flen - along) * invTaper));
                float cap = taper * (2 - taper) * fpeak - rho
                        + (float) Math.sqrt(Branchless.positive(rho2 - perp * perp));
                row[j] = Branchless.max(row[j], cap);
            }
            System.arraycopy(row, 0, buf, base, n);
        }
    }

    /** Shapes the part as an edge / taper: bevel heights, and no metal (and no marks) beyond it. */
    void applyEdge(EdgeProfile edge, float backgroundDrop) {
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                double s = edge.signedDistance(x, y);
                if (s <= 0) {
                    continue;
                }
                int i = row + x;
                if (s > edge.bevelWidth()) {
                    macro[i] = (float) edge.height(edge.bevelWidth()) - backgroundDrop;
                    micro[i] = 0;
                    flags[i] |= BACKGROUND;
                } else {
                    macro[i] = (float) edge.height(s);
                }
            }
        }
    }

    /**
     * Carves a scratch: each polyline segment is a capsule (cylinder + end spheres) of one tool radius whose axis
     * sits (radius - depth) above the base plane, so the groove floor is axis - sqrt(radius^2 - distance^2). The
     * surface keeps the lower of groove and existing height; pixels carved more than a fifth of the maximum depth
     * form the scratch mask. Nothing is carved beyond the part.
     */
    void carveScratch(ScratchPath s) {
        double rho = s.toolRadius();
        double rho2 = rho * rho;
        float maskLevel = (float) (-0.2 * s.maxDepth());
        double reach = s.halfWidth() + RING_GAP + RING_WIDTH;
        for (int k = 0; k + 1 < s.xs().length; k++) {
            SegmentStrip strip = new SegmentStrip(s.xs()[k], s.ys()[k], s.xs()[k + 1], s.ys()[k + 1], reach, reach,
                    width, height);
            double len = strip.length;
            if (len < 1e-6) {
                continue;
            }
            double x0 = strip.x0;
            double y0 = strip.y0;
            double dx = strip.dx;
            double dy = strip.dy;
            double d0 = s.depths()[k];
            double dd = s.depths()[k + 1] - d0;
            for (int y = strip.yFirst; y <= strip.yLast; y++) {
                if (!strip.row(y)) {
                    continue;
                }
                double ry = y - y0;
                int row = y * width;
                for (int x = strip.xFirst; x <= strip.xLast; x++) {
                    int i = row + x;
                    if ((flags[i] & BACKGROUND) != 0) {
                        continue;
                    }
                    double rx = x - x0;
                    double along = rx * dx + ry * dy;
                    double perp = ry * dx - rx * dy;
                    double t;
                    double dist2;
                    if (along < 0) {
                        t = 0;
                        dist2 = along * along + perp * perp;
                    } else if (along > len) {
                        t = 1;
                        double o = along - len;
                        dist2 = o * o + perp * perp;
                    } else {
                        t = along / len;
                        dist2 = perp * perp;
                    }
                    double depth = d0 + dd * t;
                    if (depth <= 0) {
                        continue;
                    }
                    double axis = rho - depth;
                    double halfWidth = Math.sqrt(Math.max(0, rho2 - axis * axis));
                    double dist = Math.sqrt(dist2);
                    if (dist < halfWidth) {
                        float floor = (float) (axis - Math.sqrt(rho2 - dist2));
                        if (floor < micro[i]) {
                            micro[i] = floor;
                        }
                        if (floor < maskLevel) {
                            flags[i] |= SCRATCH;
                        }
                    } else if (dist > halfWidth + RING_GAP && dist < halfWidth + RING_GAP + RING_WIDTH) {
                        flags[i] |= RING;
                    }
                }
            }
        }
    }
}
