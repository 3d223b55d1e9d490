package io.gaikan.augment;

import io.gaikan.data.FloatImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandAugmentTest {

    @Test
    void parsesTimmStrings() {
        assertEquals(new RandAugment(9, 2, 0.5, 0.5, 10, true), RandAugment.parse("rand-m9-mstd0.5-inc1"));
        assertEquals(new RandAugment(7, 3, 0.8, 1.0, 15, false), RandAugment.parse("rand-n3-m7-p0.8-mstd1-mmax15"));
        assertEquals(new RandAugment(10, 2, 0.5, 0, 10, false), RandAugment.parse("rand"));
        assertFalse(RandAugment.parse("rand-m9-inc0").increasing());
    }

    @Test
    void opSetsAreTimmsLists() {
        assertEquals(List.of("AutoContrast", "Equalize", "Invert", "Rotate", "Posterize", "Solarize", "SolarizeAdd",
                "Color", "Contrast", "Brightness", "Sharpness", "ShearX", "ShearY", "TranslateXRel", "TranslateYRel"),
                RandAugment.parse("rand-m9").opNames());
        assertEquals(List.of("AutoContrast", "Equalize", "Invert", "Rotate", "PosterizeIncreasing",
                "SolarizeIncreasing", "SolarizeAdd", "ColorIncreasing", "ContrastIncreasing", "BrightnessIncreasing",
                "SharpnessIncreasing", "ShearX", "ShearY", "TranslateXRel", "TranslateYRel"),
                RandAugment.parse("rand-m9-inc1").opNames());
    }

    @Test
    void badStringsNameTheSection() {
        AugmentSpecException unknown = assertThrows(AugmentSpecException.class, () -> RandAugment.parse("rand-m9-x5"));
        assertTrue(unknown.getMessage().contains("'x5'"), unknown.getMessage());
        assertEquals("rand-m9-x5", unknown.token());
        AugmentSpecException noNumber = assertThrows(AugmentSpecException.class, () -> RandAugment.parse("rand-mstd"));
        assertTrue(noNumber.getMessage().contains("'mstd' has no number"), noNumber.getMessage());
        AugmentSpecException badInt = assertThrows(AugmentSpecException.class, () -> RandAugment.parse("rand-m9.5"));
        assertTrue(badInt.getMessage().contains("'9.5'"), badInt.getMessage());
        AugmentSpecException badP = assertThrows(AugmentSpecException.class, () -> RandAugment.parse("rand-p2"));
        assertTrue(badP.getMessage().contains("probability"), badP.getMessage());
    }

    @Test
    void magnitudeNoiseIsGaussianClippedToMmax() {
        SplittableRandom rng = new SplittableRandom(1);
        assertEquals(10.0, new RandAugment(15, 2, 0.5, 0, 10, false).level(rng), "m above mmax is clipped");
        assertEquals(15.0, new RandAugment(15, 2, 0.5, 0, 20, false).level(rng), "mmax lifts the clip");
        RandAugment noisy = RandAugment.parse("rand-m5-mstd2");
        double sum = 0;
        double sumSq = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            double level = noisy.level(rng);
            assertTrue(level >= 0 && level <= 10);
            sum += level;
            sumSq += level * level;
        }
        double mean = sum / n;
        assertEquals(5.0, mean, 0.05);
        assertEquals(2.0, Math.sqrt(sumSq / n - mean * mean), 0.05);
        RandAugment clipped = RandAugment.parse("rand-m9-mstd3");
        int atMax = 0;
        for (int i = 0; i < 1000; i++) {
            atMax += clipped.level(rng) == 10.0 ? 1 : 0;
        }
        assertTrue(atMax > 250 && atMax < 400, "P(N(9,3) > 10) ~ 0.37, got " + atMax + "/1000");
        RandAugment uniform = RandAugment.parse("rand-m8-mstd101");
        for (int i = 0; i < 1000; i++) {
            double level = uniform.level(rng);
            assertTrue(level >= 0 && level < 8);
        }
    }

    @Test
    void levelToArgumentFunctionsFollowTimm() {
        assertEquals(0.1, RandAugmentOp.enhance(0), 1e-12);
        assertEquals(1.9, RandAugmentOp.enhance(10), 1e-12);
        assertEquals(3, RandAugmentOp.posterizeBits(9));
        assertEquals(230, RandAugmentOp.solarizeThreshold(9));
        assertEquals(256, RandAugmentOp.solarizeThreshold(10));
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            double f = RandAugmentOp.enhanceIncreasing(9, rng);
            assertTrue(Math.abs(f - 1.81) < 1e-9 || Math.abs(f - 0.19) < 1e-9, "factor " + f);
            assertEquals(0.27, Math.abs(RandAugmentOp.shear(9, rng)), 1e-12);
        }
    }

    @Test
    void solarizeIncreasingAtFullMagnitudeInvertsAndPlainSolarizeDoesNothing() {
        FloatImage img = quantised(SampleImages.random(3, 6, 6, 2));
        FloatImage inverted = RandAugmentOp.INVERT.apply(img, 10, null);
        assertArrayEquals(inverted.data(), RandAugmentOp.SOLARIZE_INCREASING.apply(img, 10, null).data(), 1e-6f);
        assertArrayEquals(img.data(), RandAugmentOp.SOLARIZE.apply(img, 10, null).data(), 1e-6f);
    }

    @Test
    void everyOpKeepsShapeAndRangeAtAnyLevel() {
        SplittableRandom rng = new SplittableRandom(4);
        for (FloatImage img : List.of(SampleImages.random(3, 17, 13, 5), SampleImages.random(1, 9, 11, 6))) {
            for (RandAugmentOp op : RandAugmentOp.values()) {
                for (double level : new double[]{0, 3.7, 9, 10}) {
                    FloatImage out = op.apply(img, level, rng);
                    assertEquals(img.channels(), out.channels(), op.timmName);
                    assertEquals(img.height(), out.height(), op.timmName);
                    assertEquals(img.width(), out.width(), op.timmName);
                    SampleImages.assertInUnitRange(out, op.timmName + " at " + level);
                }
            }
        }
    }

    @Test
    void geometricOpsMoveContentAndFillWithTheImagenetMean() {
        FloatImage img = new FloatImage(3, 10, 10, filled(300, 1f));
        FloatImage shifted = RandAugmentOp.TRANSLATE_X_REL.apply(img, 10, new SplittableRandom(8));
        long filledPixels = 0;
        for (int i = 0; i < 100; i++) {
            if (shifted.data()[i] != 1f) {
                assertEquals(124 / 255f, shifted.data()[i], 1e-6f);
                assertEquals(116 / 255f, shifted.data()[100 + i], 1e-6f);
                filledPixels++;
            }
        }
        // a 4.5 px shift uncovers 4.5 columns; with PIL's [0, W) inside test that is 5 pixel centres per row one way
        // (x + 0.5 + 4.5 >= 10 for x >= 5) and 4 the other (x + 0.5 - 4.5 < 0 for x < 4)
        assertTrue(filledPixels == 40 || filledPixels == 50, "filled " + filledPixels);
    }

    @Test
    void probabilityZeroOrNoOpsLeavesTheImageAlone() {
        FloatImage img = SampleImages.random(3, 8, 8, 7);
        assertSame(img, RandAugment.parse("rand-m9-p0").apply(img, new SplittableRandom(1)));
        assertSame(img, RandAugment.parse("rand-m9-n0").apply(img, new SplittableRandom(1)));
        FloatImage out = RandAugment.parse("rand-m9-n3-p1").apply(img, new SplittableRandom(1));
        assertNotEquals(Arrays.toString(img.data()), Arrays.toString(out.data()));
        SampleImages.assertInUnitRange(out, "rand-m9-n3-p1");
    }

    private static FloatImage quantised(FloatImage img) {
        float[] d = img.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] = Levels.quantise(d[i]) / 255f;
        }
        return new FloatImage(img.channels(), img.height(), img.width(), d);
    }

    private static float[] filled(int n, float v) {
        float[] d = new float[n];
        Arrays.fill(d, v);
        return d;
    }
}
