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

    /** The ring around a scratch starts at least this many pixels outside its groove (and its lip), this wide. */
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

    /** Sets the grinding-mark relief (see {@link GrindMarkRaster}); call first, before edge and scratches. */
    void addGrindMarks(List<GrindMark> marks, Workspace ws) {
        GrindMarkRaster.render(marks, width, height, micro, ws);
    }

    /**
     * Shapes the part as an edge / taper: bevel heights, and beyond the bevel no metal and no marks (flagged; the
     * height there just continues the bevel plane, so the part's border adds no false crease to the normals).
     */
    void applyEdge(EdgeProfile edge) {
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                double s = edge.signedDistance(x, y);
                if (s <= 0) {
                    continue;
                }
                int i = row + x;
                macro[i] = (float) edge.height(s);
                if (s > edge.bevelWidth()) {
                    micro[i] = 0;
                    flags[i] |= BACKGROUND;
                }
            }
        }
    }

    /**
     * Carves a scratch: each polyline segment is a capsule (cylinder + end spheres) of one tool radius whose axis
     * sits (radius - depth) above the base plane, so the groove floor is axis - sqrt(radius^2 - distance^2). The
     * surface keeps the lower of groove and existing height; pixels carved more than a fifth of the maximum depth
     * form the scratch mask. Beside the groove a low lip (displaced material) rises. Nothing is carved beyond
     * the part.
     */
    void carveScratch(ScratchPath s) {
        double lipWidth = 0.6 * s.halfWidth();
        double lipHeight = 0.12;
        double ringGap = Math.max(RING_GAP, lipWidth + 0.5);
        double rho = s.toolRadius();
        double rho2 = rho * rho;
        float maskLevel = (float) (-0.2 * s.maxDepth());
        double reach = s.halfWidth() + ringGap + RING_WIDTH;
        // lips first (raising), then grooves (lowering), so no lip can refill a neighbouring segment's groove
        for (int pass = 0; pass < 2; pass++) {
            boolean grooves = pass == 1;
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
                        if (grooves) {
                            if (dist < halfWidth) {
                                float floor = (float) (axis - Math.sqrt(rho2 - dist2));
                                if (floor < micro[i]) {
                                    micro[i] = floor;
                                }
                                if (floor < maskLevel) {
                                    flags[i] |= SCRATCH;
                                }
                            }
                        } else if (dist < halfWidth) {
                            continue;
                        } else if (dist < halfWidth + lipWidth) {
                            // material pushed aside forms a low lip along the groove
                            double across = (dist - halfWidth) / lipWidth;
                            float lip = (float) (lipHeight * depth * 4 * across * (1 - across));
                            if (lip > micro[i]) {
                                micro[i] = lip;
                            }
                        } else if (dist > halfWidth + ringGap && dist < halfWidth + ringGap + RING_WIDTH) {
                            flags[i] |= RING;
                        }
                    }
                }
            }
        }
    }
}
