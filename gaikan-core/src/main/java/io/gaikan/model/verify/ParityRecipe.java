package io.gaikan.model.verify;

import io.gaikan.model.weights.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fixtures' deterministic value recipe: a 64-bit integer hash plus IEEE double arithmetic and one cast to float,
 * so Java regenerates every weight and input value bit for bit (no shared RNG).
 */
public final class ParityRecipe {

    private ParityRecipe() {
    }

    /** Uniform in [-1, 1) from stream {@code k}, element {@code i} (splitmix64 finaliser). */
    public static double r(long k, long i) {
        long z = k * 0x9E3779B97F4A7C15L + i * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return 2.0 * ((z >>> 11) * 0x1.0p-53) - 1.0;
    }

    /** Every state-dict entry of the fixture, by timm name, as a checkpoint file would hold it. */
    public static Map<String, Tensor> checkpoint(ParityFixture fixture) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (ParityFixture.Param p : fixture.params()) {
            out.put(p.name(), tensor(p));
        }
        return out;
    }

    public static Tensor tensor(ParityFixture.Param p) {
        if (p.isBatchCounter()) {
            return Tensor.i64Scalar(0);
        }
        if (p.role().equals("weight")
                && Double.doubleToLongBits(p.gain() * Math.sqrt(6.0 / p.fanIn())) != Double.doubleToLongBits(p.scale())) {
            throw new IllegalStateException(p.name() + ": gain * sqrt(6 / fan_in) differs from the fixture's scale");
        }
        int n = Math.toIntExact(Tensor.numel(p.shape()));
        ByteBuffer data = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer values = data.asFloatBuffer();
        for (int i = 0; i < n; i++) {
            double r = r(p.k(), i);
            values.put(i, (float) (p.offset() + p.scale() * (p.abs() ? Math.abs(r) : r)));
        }
        return new Tensor(Tensor.DType.F32, p.shape(), data);
    }

    /** The NCHW input: per-plane offset and gradients plus per-pixel noise, evaluated left to right in double. */
    public static float[] input(long[] shape) {
        int n = (int) shape[0];
        int c = (int) shape[1];
        int h = (int) shape[2];
        int w = (int) shape[3];
        float[] x = new float[n * c * h * w];
        for (int p = 0; p < n * c; p++) {
            double mu = 0.5 * r(1000003, p);
            double gh = 1.5 * r(1000004, p);
            double gw = 1.5 * r(1000005, p);
            for (int y = 0; y < h; y++) {
                double yy = (y + 0.5) / h - 0.5;
                for (int xw = 0; xw < w; xw++) {
                    double xx = (xw + 0.5) / w - 0.5;
                    int f = (p * h + y) * w + xw;
                    x[f] = (float) (mu + gh * yy + gw * xx + r(1000006, f));
                }
            }
        }
        return x;
    }

    /** The fixtures' exact, position-sensitive checksum: sum of (float bits) * (i + 1) mod 2^64. */
    public static String checksum(FloatBuffer values) {
        long s = 0;
        for (int i = 0; i < values.limit(); i++) {
            s += (Float.floatToRawIntBits(values.get(i)) & 0xFFFFFFFFL) * (i + 1);
        }
        return String.format(Locale.ROOT, "0x%016x", s);
    }
}
