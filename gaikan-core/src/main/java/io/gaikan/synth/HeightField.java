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
     * marks' caps. Marks are drawn row by row in straight loops the JIT vectorises; when most marks run closer to
     * vertical than horizontal they are drawn into a transposed buffer (so rows stay long) and transposed back.
     */
    void addGrindMarks(List<GrindMark> marks) {
        double horizontal = 0;
        double vertical = 0;
        for (GrindMark m : marks) {
            horizontal += Math.abs(m.x1() - m.x0());
            vertical += Math.abs(m.y1() - m.y0());
        }
        if (horizontal >= vertical) {
            for (GrindMark m : marks) {
                drawMark(micro, width, height, m.x0(), m.y0(), m.x1(), m.y1(), m.halfWidth(), m.peak());
            }
            return;
        }
        float[] transposed = new float[width * height];
        for (GrindMark m : marks) {
            drawMark(transposed, height, width, m.y0(), m.x0(), m.y1(), m.x1(), m.halfWidth(), m.peak());
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                micro[y * width + x] = Math.max(micro[y * width + x], transposed[x * height + y]);
            }
        }
    }

    /** One mark into a w x h row-major buffer: cylinder cap, sinking smoothly into the plane near both ends. */
    private static void drawMark(float[] buf, int w, int h, double x0, double y0, double x1, double y1,
                                 double halfWidth, double peak) {
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
        for (int y = strip.yFirst; y <= strip.yLast; y++) {
            if (!strip.row(y)) {
                continue;
            }
            double ry = y - y0;
            double rx = strip.xFirst - x0;
            float along0 = (float) (rx * strip.dx + ry * strip.dy);
            float perp0 = (float) (ry * strip.dx - rx * strip.dy);
            int base = y * w + strip.xFirst;
            int n = strip.xLast - strip.xFirst + 1;
            for (int j = 0; j < n; j++) {
                float along = along0 + j * dx;
                float perp = perp0 - j * dy;
                float taper = Math.min(1f, Math.max(0f, Math.min(along, flen - along) * invTaper));
                float e = taper * (2 - taper);
                float cap = e * fpeak - rho + (float) Math.sqrt(Math.max(0f, rho2 - perp * perp));
                buf[base + j] = Math.max(buf[base + j], cap);
            }
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
