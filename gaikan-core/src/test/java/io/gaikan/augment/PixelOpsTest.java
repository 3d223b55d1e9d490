package io.gaikan.augment;

import io.gaikan.data.FloatImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PixelOpsTest {

    @Test
    void singleCutoutHoleZeroesExactlyItsAreaInEveryChannel() {
        FloatImage img = new FloatImage(3, 20, 30, filled(3 * 20 * 30, 0.7f));
        Cutout cutout = new Cutout(IntRange.of(1), IntRange.of(5), IntRange.of(8), 0, 1);
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            FloatImage out = cutout.apply(img, rng);
            for (int c = 0; c < 3; c++) {
                int zeros = 0;
                int minY = Integer.MAX_VALUE;
                int maxY = -1;
                int minX = Integer.MAX_VALUE;
                int maxX = -1;
                for (int y = 0; y < 20; y++) {
                    for (int x = 0; x < 30; x++) {
                        if (out.get(c, y, x) == 0f) {
                            zeros++;
                            minY = Math.min(minY, y);
                            maxY = Math.max(maxY, y);
                            minX = Math.min(minX, x);
                            maxX = Math.max(maxX, x);
                        } else {
                            assertEquals(0.7f, out.get(c, y, x));
                        }
                    }
                }
                assertEquals(5 * 8, zeros);
                assertEquals(4, maxY - minY); // one 5 x 8 rectangle, wholly inside the image
                assertEquals(7, maxX - minX);
            }
        }
        assertEquals(0.7f, img.get(0, 0, 0), "input untouched");
    }

    @Test
    void cutoutHoleCountStaysInRangeAndNeverExceedsTheirArea() {
        FloatImage img = new FloatImage(1, 64, 64, filled(64 * 64, 1f));
        Cutout cutout = new Cutout(new IntRange(4, 8), IntRange.of(3), IntRange.of(3), 0, 1);
        SplittableRandom rng = new SplittableRandom(12);
        for (int trial = 0; trial < 50; trial++) {
            long zeros = count(cutout.apply(img, rng), 0f);
            assertTrue(zeros >= 9 && zeros <= 8 * 9, "zeroed " + zeros);
        }
    }

    @Test
    void gridShuffleIsAPermutationOfCells() {
        FloatImage img = SampleImages.indexed(3, 9, 12);
        GridShuffle shuffle = new GridShuffle(3, 3, 1);
        FloatImage out = shuffle.apply(img, new SplittableRandom(3));
        float[] a = img.data().clone();
        float[] b = out.data().clone();
        Arrays.sort(a);
        Arrays.sort(b);
        assertArrayEquals(a, b, "multiset of values preserved");
        assertNotEquals(Arrays.toString(img.data()), Arrays.toString(out.data()));
        // each 3x4 output cell is one whole input cell, the same one in every channel
        Set<Integer> used = new HashSet<>();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                int source = sourceCell(img, out, r * 3, c * 4);
                assertTrue(used.add(source), "cell used twice");
                int sr = source / 3;
                int sc = source % 3;
                for (int ch = 0; ch < 3; ch++) {
                    for (int y = 0; y < 3; y++) {
                        for (int x = 0; x < 4; x++) {
                            assertEquals(img.get(ch, sr * 3 + y, sc * 4 + x), out.get(ch, r * 3 + y, c * 4 + x));
                        }
                    }
                }
            }
        }
    }

    @Test
    void gridShuffleOnUnevenSizesStillPreservesPixels() {
        FloatImage img = SampleImages.indexed(1, 10, 7);
        FloatImage out = new GridShuffle(3, 2, 1).apply(img, new SplittableRandom(9));
        float[] a = img.data().clone();
        float[] b = out.data().clone();
        Arrays.sort(a);
        Arrays.sort(b);
        assertArrayEquals(a, b);
    }

    @Test
    void jitterWithZeroStrengthIsIdentity() {
        FloatImage img = SampleImages.random(3, 8, 8, 1);
        FloatImage out = new ColorJitter(0, 0, 0, 0).apply(img, new SplittableRandom(1));
        assertArrayEquals(img.data(), out.data());
    }

    @Test
    void jitterKeepsValuesInRangeAndChangesTheImage() {
        FloatImage img = SampleImages.random(3, 8, 8, 2);
        FloatImage out = new ColorJitter(0.4, 0.4, 0.4, 0.1).apply(img, new SplittableRandom(1));
        SampleImages.assertInUnitRange(out, "jitter");
        assertNotEquals(Arrays.toString(img.data()), Arrays.toString(out.data()));
    }

    @Test
    void colourMathsMatchTheBlendFormulas() {
        FloatImage img = new FloatImage(3, 1, 2, new float[]{0.2f, 0.8f, 0.4f, 0.4f, 0.6f, 0f});
        assertArrayEquals(new float[]{0.3f, 1f, 0.6f, 0.6f, 0.9f, 0f}, ColorOps.brightness(img, 1.5).data(), 1e-6f);
        assertArrayEquals(new float[]{0.2f, 0.8f, 0.4f, 0.4f, 0.6f, 0f}, ColorOps.saturation(img, 1).data(), 1e-6f);
        FloatImage grey = ColorOps.saturation(img, 0);
        float luma0 = 0.299f * 0.2f + 0.587f * 0.4f + 0.114f * 0.6f;
        for (int c = 0; c < 3; c++) {
            assertEquals(luma0, grey.get(c, 0, 0), 1e-6f);
        }
        FloatImage flat = ColorOps.contrast(img, 0);
        double mean = ColorOps.meanLuma(img);
        for (float v : flat.data()) {
            assertEquals(mean, v, 1e-6);
        }
    }

    @Test
    void hueShiftRotatesPrimariesAndAFullTurnIsIdentity() {
        FloatImage red = new FloatImage(3, 1, 1, new float[]{1f, 0f, 0f});
        assertArrayEquals(new float[]{0f, 1f, 0f}, ColorOps.hue(red, 1 / 3.0).data(), 1e-5f);
        FloatImage img = SampleImages.random(3, 5, 5, 4);
        FloatImage back = ColorOps.hue(ColorOps.hue(img, 0.3), -0.3);
        assertArrayEquals(img.data(), back.data(), 1e-5f);
        FloatImage grey = SampleImages.random(1, 3, 3, 5);
        assertArrayEquals(grey.data(), ColorOps.hue(grey, 0.4).data());
    }

    @Test
    void normaliseSubtractsMeanAndDividesByStdAndInverts() {
        FloatImage img = new FloatImage(3, 1, 1, new float[]{0.485f, 0.685f, 0.0f});
        FloatImage out = Normalize.IMAGENET.apply(img, null);
        assertEquals(0f, out.get(0, 0, 0), 1e-6f);
        assertEquals((0.685 - 0.456) / 0.224, out.get(1, 0, 0), 1e-5);
        assertEquals(-0.406 / 0.225, out.get(2, 0, 0), 1e-5);
        assertArrayEquals(img.data(), Normalize.IMAGENET.invert(out).data(), 1e-6f);
        FloatImage grey = Normalize.IMAGENET.apply(new FloatImage(1, 1, 1, new float[]{0.5f}), null);
        assertEquals((0.5 - (0.485 + 0.456 + 0.406) / 3) / ((0.229 + 0.224 + 0.225) / 3), grey.get(0, 0, 0), 1e-5);
    }

    @Test
    void levelOpsMatchPilOnEightBitValues() {
        FloatImage img = levels(0, 10, 100, 127, 128, 200, 255);
        assertArrayEquals(levelArray(0, 0, 96, 112, 128, 192, 240), Levels.posterize(img, 4).data(), 1e-6f);
        assertArrayEquals(levelArray(0, 0, 0, 0, 0, 0, 0), Levels.posterize(img, 0).data(), 1e-6f);
        assertArrayEquals(levelArray(0, 10, 100, 127, 127, 55, 0), Levels.solarize(img, 128).data(), 1e-6f);
        assertArrayEquals(img.data(), Levels.solarize(img, 256).data(), 1e-6f);
        assertArrayEquals(levelArray(50, 60, 150, 177, 128, 200, 255), Levels.solarizeAdd(img, 50, 128).data(), 1e-6f);
        // autocontrast: [10, 200] stretched to [0, 255], int(i * 255 / 190 - 10 * 255 / 190)
        FloatImage narrow = levels(10, 50, 200);
        assertArrayEquals(levelArray(0, 53, 255), Levels.autoContrast(narrow).data(), 1e-6f);
    }

    @Test
    void equalizeSpreadsAFewLevelsOverTheFullRange() {
        // 4 levels, 255 pixels each: PIL's step is (1020 - 255) / 255 = 3 and its table maps them to 0, 85, 170, 255
        float[] d = new float[4 * 255];
        int[] values = {20, 21, 22, 23};
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i / 255] / 255f;
        }
        FloatImage out = Levels.equalize(new FloatImage(1, 30, 34, d));
        assertEquals(0f, out.data()[0], 1e-6f);
        assertEquals(85 / 255f, out.data()[255], 1e-6f);
        assertEquals(170 / 255f, out.data()[510], 1e-6f);
        assertEquals(1f, out.data()[765], 1e-6f);
        // with fewer than 255 pixels below the top level PIL's step is 0 and the image is left as it is
        FloatImage small = new FloatImage(1, 1, 4, levelArray(20, 21, 22, 23));
        assertArrayEquals(small.data(), Levels.equalize(small).data(), 1e-6f);
    }

    private static int sourceCell(FloatImage img, FloatImage out, int top, int left) {
        float v = out.get(0, top, left);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (img.get(0, r * 3, c * 4) == v) {
                    return r * 3 + c;
                }
            }
        }
        throw new AssertionError("output cell at " + top + "," + left + " does not start with an input cell corner");
    }

    private static FloatImage levels(int... values) {
        return new FloatImage(1, 1, values.length, levelArray(values));
    }

    private static float[] levelArray(int... values) {
        float[] d = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i] / 255f;
        }
        return d;
    }

    private static long count(FloatImage img, float value) {
        long n = 0;
        for (float v : img.data()) {
            n += v == value ? 1 : 0;
        }
        return n;
    }

    private static float[] filled(int n, float v) {
        float[] d = new float[n];
        Arrays.fill(d, v);
        return d;
    }

}
