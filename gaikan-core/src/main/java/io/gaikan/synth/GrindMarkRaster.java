package io.gaikan.synth;

import java.util.List;

/**
 * Draws grinding marks into a height map: each mark is a cylinder lying on the base plane, sunk so that a cap of
 * the mark's half-width and peak height shows, sinking smoothly into the plane near both ends; the surface is the
 * upper envelope (what a depth buffer keeps) of the plane and all caps.
 *
 * <p>Marks share a dominant direction, so they are drawn into a buffer rotated to make that direction horizontal
 * (long rows, few of them) and the buffer is resampled bilinearly onto the pixel grid. Along the marks their
 * height changes slowly, so the buffer samples that axis every {@code step} pixels (1-4, chosen from the marks'
 * angular spread so the centre line of 95% of marks moves under half a pixel per sample); across them it keeps
 * full resolution. Inner loops have small bodies and a single index so that the JIT vectorises them.
 */
final class GrindMarkRaster {

    /** 0, 1, 2, ... as floats: sample offsets along a buffer row. */
    private static final float[] RAMP = new float[8192];
    private static final int MAX_STEP = 4;
    private static final int SHORT_ROW = 24;

    static {
        for (int i = 0; i < RAMP.length; i++) {
            RAMP[i] = i;
        }
    }

    private final int width;
    private final int height;
    private final double cos;
    private final double sin;
    private final int step;
    /** Buffer size: bw samples (one per {@code step} pixels along the marks) by bh rows. */
    private final int bw;
    private final int bh;
    private final double cx;
    private final double cy;
    /** Centre of the rotated frame, in true (unsampled) pixels. */
    private final double ucx;
    private final double vcy;
    private final float[] buf;
    /** Per buffer row, the sample range that maps back inside the image: nothing outside it is drawn. */
    private final int[] first;
    private final int[] last;
    private final float[] row;
    private final float[] cap;

    private GrindMarkRaster(int width, int height, double angle, int step, Workspace ws) {
        this.width = width;
        this.height = height;
        this.cos = StrictMath.cos(angle);
        this.sin = StrictMath.sin(angle);
        this.step = step;
        double uSpan = Math.abs(cos) * width + Math.abs(sin) * height;
        this.bw = (int) Math.ceil(uSpan / step) + 3;
        this.bh = (int) Math.ceil(Math.abs(sin) * width + Math.abs(cos) * height) + 3;
        this.cx = 0.5 * (width - 1);
        this.cy = 0.5 * (height - 1);
        this.ucx = 0.5 * (bw - 1) * step;
        this.vcy = 0.5 * (bh - 1);
        this.buf = ws.zeros(Workspace.Slot.MARKS, bw * bh);
        this.first = new int[bh];
        this.last = new int[bh];
        this.row = new float[bw];
        this.cap = new float[bw];
        footprint();
    }

    /** Draws the marks and writes the resulting heights to {@code out} (width x height, overwritten). */
    static void render(List<GrindMark> marks, int width, int height, float[] out, Workspace ws) {
        if (marks.isEmpty()) {
            java.util.Arrays.fill(out, 0f);
            return;
        }
        // mean direction of undirected lines: average the doubled angle, weighted by length
        double c2 = 0;
        double s2 = 0;
        for (GrindMark m : marks) {
            double dx = m.x1() - m.x0();
            double dy = m.y1() - m.y0();
            double len = Math.sqrt(dx * dx + dy * dy);
            if (len > 0) {
                c2 += (dx * dx - dy * dy) / len;
                s2 += 2 * dx * dy / len;
            }
        }
        double angle = 0.5 * StrictMath.atan2(s2, c2);
        GrindMarkRaster raster = new GrindMarkRaster(width, height, angle, step(marks, angle), ws);
        for (GrindMark m : marks) {
            raster.draw(m);
        }
        raster.resample(out);
    }

    /** Largest step (1..MAX_STEP) with step * tan(deviation) under half a pixel for 95% of the marks. */
    private static int step(List<GrindMark> marks, double angle) {
        double c = StrictMath.cos(angle);
        double s = StrictMath.sin(angle);
        double[] deviation = new double[marks.size()];
        for (int k = 0; k < deviation.length; k++) {
            GrindMark m = marks.get(k);
            double dx = m.x1() - m.x0();
            double dy = m.y1() - m.y0();
            double along = Math.abs(dx * c + dy * s);
            double across = Math.abs(dy * c - dx * s);
            deviation[k] = across / Math.max(1e-9, along);
        }
        java.util.Arrays.sort(deviation);
        double tan95 = deviation[(int) (0.95 * (deviation.length - 1))];
        return (int) Math.max(1, Math.min(MAX_STEP, Math.floor(0.5 / Math.max(1e-9, tan95))));
    }

    private double u(double x, double y) {
        return ucx + cos * (x - cx) + sin * (y - cy);
    }

    private double v(double x, double y) {
        return vcy - sin * (x - cx) + cos * (y - cy);
    }

    private void footprint() {
        for (int r = 0; r < bh; r++) {
            double lo = 0;
            double hi = (bw - 1) * (double) step;
            // image x = cx + cos (u - ucx) - sin (r - vcy), image y = cy + sin (u - ucx) + cos (r - vcy)
            double[] along = {cos, sin};
            double[] offset = {cx - sin * (r - vcy), cy + cos * (r - vcy)};
            double[] limit = {width - 1, height - 1};
            for (int a = 0; a < 2; a++) {
                if (Math.abs(along[a]) < 1e-12) {
                    if (offset[a] < -1 || offset[a] > limit[a] + 1) {
                        hi = -1;
                    }
                    continue;
                }
                double t0 = (-1 - offset[a]) / along[a] + ucx;
                double t1 = (limit[a] + 1 - offset[a]) / along[a] + ucx;
                lo = Math.max(lo, Math.min(t0, t1));
                hi = Math.min(hi, Math.max(t0, t1));
            }
            first[r] = Math.max(0, (int) Math.floor(lo / step) - 1);
            last[r] = Math.min(bw - 1, (int) Math.ceil(hi / step) + 1);
        }
    }

    private void draw(GrindMark m) {
        double u0 = u(m.x0(), m.y0()), v0 = v(m.x0(), m.y0());
        double u1 = u(m.x1(), m.y1()), v1 = v(m.x1(), m.y1());
        double len = Math.sqrt((u1 - u0) * (u1 - u0) + (v1 - v0) * (v1 - v0));
        double halfWidth = m.halfWidth();
        double peak = m.peak();
        if (len < 1 || halfWidth <= 0 || peak <= 0) {
            return;
        }
        // the strip is computed in true pixels along u, then converted to buffer samples
        SegmentStrip strip = new SegmentStrip(u0, v0, u1, v1, halfWidth, 0, bw, bh, 1.0 / step);
        float dxStep = (float) (strip.dx * step);
        float dyStep = (float) (strip.dy * step);
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
            int sFirst = Math.max(first[y], strip.xFirst);
            int sLast = Math.min(last[y], strip.xLast);
            int n = Math.min(ramp.length, sLast - sFirst + 1);
            if (n <= 0) {
                continue;
            }
            double ry = y - v0;
            double rx = (double) sFirst * step - u0;
            float along0 = (float) (rx * strip.dx + ry * strip.dy);
            float perp0 = (float) (ry * strip.dx - rx * strip.dy);
            int base = y * bw + sFirst;
            if (n < SHORT_ROW) {
                // short rows: one fused scalar loop beats three vector loops that never leave their scalar tails
                for (int j = 0; j < n; j++) {
                    float perp = perp0 - j * dyStep;
                    float along = along0 + j * dxStep;
                    float taper = Branchless.min(1f,
                            Branchless.positive(Branchless.min(along, flen - along) * invTaper));
                    float h = (float) Math.sqrt(Branchless.positive(rho2 - perp * perp)) - rho
                            + taper * (2 - taper) * fpeak;
                    if (h > buf[base + j]) {
                        buf[base + j] = h;
                    }
                }
                continue;
            }
            System.arraycopy(buf, base, row, 0, n);
            // three short loop bodies: small enough for the JIT to unroll and vectorise
            for (int j = 0; j < n; j++) {
                float perp = perp0 - ramp[j] * dyStep;
                cap[j] = (float) Math.sqrt(Branchless.positive(rho2 - perp * perp)) - rho;
            }
            for (int j = 0; j < n; j++) {
                float along = along0 + ramp[j] * dxStep;
                float taper = Branchless.min(1f, Branchless.positive(Branchless.min(along, flen - along) * invTaper));
                cap[j] += taper * (2 - taper) * fpeak;
            }
            for (int j = 0; j < n; j++) {
                row[j] = Branchless.max(row[j], cap[j]);
            }
            System.arraycopy(row, 0, buf, base, n);
        }
    }

    /** Bilinear resampling onto the pixel grid; u and v are linear along an image row. */
    private void resample(float[] out) {
        float du = (float) (cos / step);
        float dv = (float) -sin;
        for (int y = 0; y < height; y++) {
            float su = (float) (u(0, y) / step);
            float sv = (float) v(0, y);
            int rowStart = y * width;
            for (int x = 0; x < width; x++, su += du, sv += dv) {
                int iu = Math.max(0, Math.min(bw - 2, (int) su));
                int iv = Math.max(0, Math.min(bh - 2, (int) sv));
                float fu = su - iu;
                float fv = sv - iv;
                int k = iv * bw + iu;
                float top = buf[k] + fu * (buf[k + 1] - buf[k]);
                float bottom = buf[k + bw] + fu * (buf[k + bw + 1] - buf[k + bw]);
                out[rowStart + x] = top + fv * (bottom - top);
            }
        }
    }
}
