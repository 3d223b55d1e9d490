package io.gaikan.augment;

import io.gaikan.data.FloatImage;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeometryTest {

    private static final SplittableRandom RNG = new SplittableRandom(1);

    @Test
    void horizontalFlipMirrorsColumnsInEveryChannel() {
        FloatImage img = SampleImages.indexed(3, 4, 5);
        FloatImage out = Flip.horizontal(1).apply(img, RNG);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    assertEquals(img.get(c, y, 4 - x), out.get(c, y, x));
                }
            }
        }
    }

    @Test
    void verticalFlipMirrorsRows() {
        FloatImage img = SampleImages.indexed(1, 3, 2);
        FloatImage out = Flip.vertical(1).apply(img, RNG);
        assertEquals(img.get(0, 2, 0), out.get(0, 0, 0));
        assertEquals(img.get(0, 0, 1), out.get(0, 2, 1));
        assertEquals(img.get(0, 1, 1), out.get(0, 1, 1));
    }

    @Test
    void flipProbabilityZeroNeverFlipsAndHalfFlipsAboutHalf() {
        FloatImage img = SampleImages.indexed(1, 2, 2);
        assertSame(img, Flip.horizontal(0).apply(img, RNG));
        SplittableRandom rng = new SplittableRandom(7);
        int flipped = 0;
        for (int i = 0; i < 2000; i++) {
            flipped += Flip.horizontal(0.5).apply(img, rng) != img ? 1 : 0;
        }
        assertTrue(flipped > 900 && flipped < 1100, "flipped " + flipped + " of 2000");
    }

    @Test
    void rotationBy90OfASquareIsATransposeFlip() {
        FloatImage img = SampleImages.random(3, 6, 6, 3);
        FloatImage out = AffineWarp.rotate(img, 90, AffineWarp.fill(3, 0));
        // counter-clockwise: out(y, x) = in(x, W-1-y)
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 6; x++) {
                    assertEquals(img.get(c, x, 5 - y), out.get(c, y, x), 1e-5, "c" + c + " y" + y + " x" + x);
                }
            }
        }
        // the same through the pipeline op with a fixed angle range
        FloatImage viaOp = new RandomRotation(new Range(90, 90), 0).apply(img, RNG);
        assertArrayEquals(out.data(), viaOp.data(), 1e-6f);
    }

    @Test
    void rotationFillsUncoveredCornersAndKeepsTheCentre() {
        FloatImage ones = new FloatImage(1, 9, 9, filled(81, 1f));
        FloatImage out = AffineWarp.rotate(ones, 45, AffineWarp.fill(1, 0.25));
        assertEquals(0.25f, out.get(0, 0, 0));
        assertEquals(0.25f, out.get(0, 8, 8));
        assertEquals(1f, out.get(0, 4, 4));
    }

    @Test
    void resizeShorterSideKeepsAspectAndExactResizeHitsTheSize() {
        FloatImage img = SampleImages.random(3, 30, 50, 4);
        FloatImage s = Resize.shorterSide(12).apply(img, RNG);
        assertEquals(12, s.height());
        assertEquals(20, s.width());
        FloatImage tall = Resize.shorterSide(10).apply(SampleImages.random(1, 33, 20, 4), RNG);
        assertEquals(10, tall.width());
        assertEquals(16, tall.height()); // floor(10 * 33 / 20) as torchvision
        FloatImage e = Resize.exact(7, 9).apply(img, RNG);
        assertEquals(7, e.height());
        assertEquals(9, e.width());
    }

    @Test
    void downscaleAveragesInsteadOfSkipping() {
        // 1-pixel stripes: point-sampling bilinear at 2x would alias to a flat 0 or 1; the antialiased filter gives 0.5
        float[] d = new float[8 * 8];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                d[y * 8 + x] = x % 2;
            }
        }
        FloatImage out = Resampler.resize(new FloatImage(1, 8, 8, d), 4, 4);
        for (float v : out.data()) {
            assertEquals(0.5f, v, 0.13f);
        }
        FloatImage flat = Resampler.resize(new FloatImage(1, 5, 7, filled(35, 0.3f)), 11, 3);
        for (float v : flat.data()) {
            assertEquals(0.3f, v, 1e-6f);
        }
    }

    @Test
    void upscaleIsHalfPixelBilinear() {
        FloatImage img = new FloatImage(1, 1, 2, new float[]{0f, 1f});
        FloatImage out = Resampler.resize(img, 1, 4);
        assertArrayEquals(new float[]{0f, 0.25f, 0.75f, 1f}, out.data(), 1e-6f);
    }

    @Test
    void centerCropTakesTheMiddleAndPadsSmallImages() {
        FloatImage img = SampleImages.indexed(1, 5, 5);
        FloatImage out = CenterCrop.square(3).apply(img, RNG);
        assertEquals(img.get(0, 1, 1), out.get(0, 0, 0));
        assertEquals(img.get(0, 3, 3), out.get(0, 2, 2));
        FloatImage padded = CenterCrop.square(7).apply(img, RNG);
        assertEquals(0f, padded.get(0, 0, 0));
        assertEquals(img.get(0, 0, 0), padded.get(0, 1, 1));
    }

    @Test
    void randomResizedCropGivesTheSizeAndWindowsInsideTheImage() {
        RandomResizedCrop rrc = new RandomResizedCrop(16, new Range(0.08, 1), RandomResizedCrop.DEFAULT_RATIO);
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            RandomResizedCrop.Window w = rrc.window(40, 60, rng);
            assertTrue(w.top() >= 0 && w.left() >= 0 && w.top() + w.height() <= 40 && w.left() + w.width() <= 60, w.toString());
            double area = (double) w.height() * w.width() / (40 * 60);
            assertTrue(area > 0.06 && area <= 1.0, "area fraction " + area);
        }
        FloatImage out = rrc.apply(SampleImages.random(3, 40, 60, 6), rng);
        assertEquals(3, out.channels());
        assertEquals(16, out.height());
        assertEquals(16, out.width());
    }

    @Test
    void randomResizedCropFallsBackToTheCentreWhenNoWindowFits() {
        // A ratio range far from a square image's can never fit, so all 10 attempts fail.
        RandomResizedCrop rrc = new RandomResizedCrop(8, new Range(0.9, 1), new Range(4, 5));
        RandomResizedCrop.Window w = rrc.window(20, 20, new SplittableRandom(1));
        assertEquals(new RandomResizedCrop.Window(7, 0, 5, 20), w); // w = width, h = round(20 / 4), top = (20 - 5) / 2
    }

    private static float[] filled(int n, float v) {
        float[] d = new float[n];
        java.util.Arrays.fill(d, v);
        return d;
    }
}
