package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.Arrays;

/**
 * Inverse-mapped affine warp with bilinear sampling, in PIL's {@code Image.transform(AFFINE)} convention: the output
 * pixel centred at (x+0.5, y+0.5) reads the input at (a*x' + b*y' + c, d*x' + e*y' + f) where pixel corners lie on
 * integers. Points outside the input get the fill value; points inside interpolate with edge-clamped neighbours.
 */
final class AffineWarp {

    private AffineWarp() {
    }

    static FloatImage warp(FloatImage src, double a, double b, double c, double d, double e, double f, float[] fill) {
        int channels = src.channels();
        int height = src.height();
        int width = src.width();
        int plane = height * width;
        float[] in = src.data();
        float[] out = new float[in.length];
        for (int y = 0; y < height; y++) {
            double yc = y + 0.5;
            for (int x = 0; x < width; x++) {
                double xc = x + 0.5;
                double xs = a * xc + b * yc + c;
                double ys = d * xc + e * yc + f;
                int o = y * width + x;
                if (xs < 0 || xs >= width || ys < 0 || ys >= height) {
                    for (int ch = 0; ch < channels; ch++) {
                        out[ch * plane + o] = fill[ch];
                    }
                    continue;
                }
                double u = xs - 0.5;
                double v = ys - 0.5;
                int x0 = (int) Math.floor(u);
                int y0 = (int) Math.floor(v);
                float dx = (float) (u - x0);
                float dy = (float) (v - y0);
                int xa = Math.max(x0, 0);
                int xb = Math.min(x0 + 1, width - 1);
                int ya = Math.max(y0, 0) * width;
                int yb = Math.min(y0 + 1, height - 1) * width;
                for (int ch = 0; ch < channels; ch++) {
                    int base = ch * plane;
                    float top = in[base + ya + xa] + dx * (in[base + ya + xb] - in[base + ya + xa]);
                    float bottom = in[base + yb + xa] + dx * (in[base + yb + xb] - in[base + yb + xa]);
                    out[base + o] = top + dy * (bottom - top);
                }
            }
        }
        return new FloatImage(channels, height, width, out);
    }

    /**
     * Rotation by {@code degrees} counter-clockwise about the image centre without expanding the canvas, the matrix
     * PIL's {@code Image.rotate} builds (cos/sin rounded to 15 decimals so right angles are exact).
     */
    static FloatImage rotate(FloatImage src, double degrees, float[] fill) {
        double t = -Math.toRadians(degrees);
        double cos = round15(Math.cos(t));
        double sin = round15(Math.sin(t));
        double cx = src.width() / 2.0;
        double cy = src.height() / 2.0;
        double c = cos * -cx + sin * -cy + cx;
        double f = -sin * -cx + cos * -cy + cy;
        return warp(src, cos, sin, c, -sin, cos, f, fill);
    }

    /** The same value for every channel. */
    static float[] fill(int channels, double value) {
        float[] fill = new float[channels];
        Arrays.fill(fill, (float) value);
        return fill;
    }

    private static double round15(double v) {
        return Math.round(v * 1e15) / 1e15;
    }
}
