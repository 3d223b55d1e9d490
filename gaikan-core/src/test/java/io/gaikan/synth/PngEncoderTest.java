package io.gaikan.synth;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngEncoderTest {

    @Test
    void decodesBackToTheSamePixelsForEveryChannelLayout() throws IOException {
        SplittableRandom rng = new SplittableRandom(1);
        PngEncoder png = new PngEncoder();
        for (int channels : new int[] {1, 3, 4}) {
            for (int[] size : new int[][] {{1, 1}, {7, 3}, {64, 50}}) {
                byte[] pixels = new byte[size[0] * size[1] * channels];
                for (int i = 0; i < pixels.length; i++) {
                    // a gradient with noise: skewed byte statistics, like real images
                    pixels[i] = (byte) (i / channels % size[0] * 3 + rng.nextInt(5));
                }
                assertRoundTrip(png, pixels, size[0], size[1], channels);
            }
        }
    }

    @Test
    void handlesConstantAndFullyRandomImages() throws IOException {
        PngEncoder png = new PngEncoder();
        assertRoundTrip(png, new byte[32 * 32 * 3], 32, 32, 3);
        byte[] noise = new byte[100 * 100];
        new SplittableRandom(2).nextBytes(noise);
        assertRoundTrip(png, noise, 100, 100, 1);
    }

    @Test
    void sameInputGivesSameBytes() {
        byte[] pixels = new byte[40 * 30 * 3];
        new SplittableRandom(3).nextBytes(pixels);
        assertArrayEquals(new PngEncoder().encode(pixels, 40, 30, 3), new PngEncoder().encode(pixels, 40, 30, 3));
        assertThrows(IllegalArgumentException.class, () -> new PngEncoder().encode(pixels, 40, 31, 3));
        assertThrows(IllegalArgumentException.class, () -> new PngEncoder().encode(pixels, 40, 30, 2));
    }

    @Test
    void huffmanLengthsRespectTheLimitAndFormACompleteCode() {
        int[] freq = new int[257];
        for (int i = 0; i < freq.length; i++) {
            freq[i] = 1 << Math.min(30, i / 8); // Fibonacci-like skew forces deep optimal trees
        }
        int[] lengths = HuffmanCode.lengths(freq, 15);
        double kraft = 0;
        for (int l : lengths) {
            assertTrue(l >= 1 && l <= 15, "length " + l);
            kraft += Math.pow(2, -l);
        }
        assertEquals(1.0, kraft, 1e-12, "a complete prefix code");
    }

    private static void assertRoundTrip(PngEncoder png, byte[] pixels, int w, int h, int channels)
            throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.encode(pixels, w, h, channels)));
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    int expected = pixels[(y * w + x) * channels + c] & 0xff;
                    assertEquals(expected, img.getRaster().getSample(x, y, c), "sample " + x + "," + y + "," + c);
                }
            }
        }
    }
}
