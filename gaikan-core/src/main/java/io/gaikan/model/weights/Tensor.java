package io.gaikan.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * A named checkpoint tensor outside any engine: dtype, shape and raw little-endian bytes, as safetensors stores it.
 * Keeping checkpoints engine-free lets the loader check every name and shape before it touches the model.
 *
 * @param data little-endian bytes, position 0, exactly {@code numel * dtype.bytes} long
 */
public record Tensor(DType dtype, long[] shape, ByteBuffer data) {

    /** The safetensors dtypes Gaikan reads; F16 and BF16 are widened to F32 when loaded into a model. */
    public enum DType {
        F32(4), F16(2), BF16(2), I64(8);

        private final int bytes;

        DType(int bytes) {
            this.bytes = bytes;
        }

        public int bytes() {
            return bytes;
        }
    }

    public Tensor {
        shape = shape.clone();
        data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long expected = numel(shape) * dtype.bytes();
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("tensor " + dtype + Arrays.toString(shape) + " needs " + expected
                    + " bytes, got " + data.remaining());
        }
    }

    public static Tensor f32(long[] shape, float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        return new Tensor(DType.F32, shape, buf);
    }

    public static Tensor i64Scalar(long value) {
        ByteBuffer buf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value);
        return new Tensor(DType.I64, new long[0], buf);
    }

    /** Copies a float32 NDArray. */
    public static Tensor of(NDArray array) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("only float32 arrays can be stored, got " + array.getDataType());
        }
        return f32(array.getShape().getShape(), array.toFloatArray());
    }

    public static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    public long numel() {
        return numel(shape);
    }

    public Shape djlShape() {
        return new Shape(shape);
    }

    public String shapeString() {
        return Arrays.toString(shape);
    }

    /** The same data viewed with another shape of equal size (a reshape never moves elements). */
    public Tensor reshape(long... newShape) {
        if (numel(newShape) != numel()) {
            throw new IllegalArgumentException("cannot reshape " + shapeString() + " to " + Arrays.toString(newShape));
        }
        return new Tensor(dtype, newShape, data);
    }

    /** The values as float32 (F16/BF16 widened exactly); a view when already F32. */
    public FloatBuffer floats() {
        return switch (dtype) {
            case F32 -> data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            case F16 -> widen(true);
            case BF16 -> widen(false);
            case I64 -> throw new IllegalStateException("an int64 tensor has no float values");
        };
    }

    private FloatBuffer widen(boolean half) {
        int n = Math.toIntExact(numel());
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            short bits = data.getShort(i * 2);
            out[i] = half ? halfToFloat(bits) : Float.intBitsToFloat((bits & 0xFFFF) << 16);
        }
        return FloatBuffer.wrap(out);
    }

    /** IEEE binary16 to binary32, exact (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float subnormal = mantissa * 0x1p-24f;
            return sign != 0 ? -subnormal : subnormal;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
