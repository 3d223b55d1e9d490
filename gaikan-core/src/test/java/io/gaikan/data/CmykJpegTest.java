package io.gaikan.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Print shops and some cameras save JPEGs in CMYK. The fixture pair is one gradient saved twice by Pillow: as an RGB
 * PNG and converted to a CMYK JPEG (quality 95, Adobe marker); both must decode to the same colours.
 */
class CmykJpegTest {

    @Test
    void cmykJpegDecodesToTheColoursOfItsRgbTwin() throws IOException {
        FloatImage rgb = decode("gradient-rgb.png");
        FloatImage cmyk = decode("gradient-cmyk.jpg");
        assertEquals(rgb.data().length, cmyk.data().length);
        double sum = 0;
        double signed = 0;
        for (int i = 0; i < rgb.data().length; i++) {
            double d = cmyk.data()[i] - rgb.data()[i];
            sum += Math.abs(d);
            signed += d;
        }
        double meanAbs = sum / rgb.data().length;
        double meanShift = signed / rgb.data().length;
        assertTrue(meanAbs < 0.03, "mean absolute difference " + meanAbs + " (brightness shift " + meanShift + ")");
    }

    private static FloatImage decode(String name) throws IOException {
        try (InputStream in = CmykJpegTest.class.getResourceAsStream(name)) {
            return ImageDecoder.toFloat(ImageDecoder.decode(in.readAllBytes(), Path.of(name)));
        }
    }
}
