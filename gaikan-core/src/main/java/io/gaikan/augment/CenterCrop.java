package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.random.RandomGenerator;

/**
 * Crops the centre {@code height x width} window (torchvision's CenterCrop: offset {@code round((H - h) / 2)}; an
 * image smaller than the window is padded with zeros). Token {@code ccrop(S)} or {@code ccrop(H,W)}.
 */
public record CenterCrop(int height, int width) implements Transform {

    public CenterCrop {
        Specs.positive(height, "crop height");
        Specs.positive(width, "crop width");
    }

    public static CenterCrop square(int size) {
        return new CenterCrop(size, size);
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        if (image.height() == height && image.width() == width) {
            return image;
        }
        int top = (int) Math.round((image.height() - height) / 2.0);
        int left = (int) Math.round((image.width() - width) / 2.0);
        return crop(image, top, left, height, width);
    }

    /** Window at (top, left); parts outside the image are 0. */
    static FloatImage crop(FloatImage image, int top, int left, int height, int width) {
        int channels = image.channels();
        float[] in = image.data();
        float[] out = new float[channels * height * width];
        int x0 = Math.max(0, -left);
        int x1 = Math.min(width, image.width() - left);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                int sy = top + y;
                if (sy < 0 || sy >= image.height() || x1 <= x0) {
                    continue;
                }
                System.arraycopy(in, (c * image.height() + sy) * image.width() + left + x0,
                        out, (c * height + y) * width + x0, x1 - x0);
            }
        }
        return new FloatImage(channels, height, width, out);
    }

    @Override
    public String toString() {
        return height == width ? "ccrop(" + height + ")" : "ccrop(" + height + "," + width + ")";
    }
}
