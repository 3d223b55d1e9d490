package io.gaikan.data;

/**
 * A decoded image as planar float data (channels x height x width), values nominally in [0, 1] until normalised.
 * The array is owned by the image; transforms return new images rather than mutate shared ones.
 */
public record FloatImage(int channels, int height, int width, float[] data) {

    public FloatImage {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("bad image size " + channels + "x" + height + "x" + width);
        }
        if (data.length != channels * height * width) {
            throw new IllegalArgumentException("data length " + data.length + " != " + channels + "x" + height + "x" + width);
        }
    }

    public static FloatImage zeros(int channels, int height, int width) {
        return new FloatImage(channels, height, width, new float[channels * height * width]);
    }

    public float get(int c, int y, int x) {
        return data[(c * height + y) * width + x];
    }

    public void set(int c, int y, int x, float v) {
        data[(c * height + y) * width + x] = v;
    }

    public int planeSize() {
        return height * width;
    }

    public FloatImage copy() {
        return new FloatImage(channels, height, width, data.clone());
    }
}
