package io.gaikan.baseline;

import boofcv.alg.filter.misc.AverageDownSampleOps;
import boofcv.io.image.ConvertBufferedImage;
import boofcv.struct.image.GrayF32;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reads grey or colour image files as grey 0..255 images, shrunk to a working size for speed. */
public final class GreyImages {

    private GreyImages() {
    }

    /** Reads a file with javax.imageio; colour images become the mean of their bands. */
    public static BufferedImage readFile(Path path) {
        BufferedImage image;
        try {
            image = ImageIO.read(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + path + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IllegalArgumentException("cannot read image " + path + ": not a format javax.imageio knows");
        }
        return image;
    }

    /** Reads a file as a grey image whose longest side is at most {@code workingSize} (never enlarged). */
    public static GrayF32 read(Path path, int workingSize) {
        return toWorkingSize(ConvertBufferedImage.convertFrom(readFile(path), (GrayF32) null), workingSize);
    }

    /** Area-averaging downscale so the longest side is at most {@code workingSize}; smaller images are kept. */
    public static GrayF32 toWorkingSize(GrayF32 grey, int workingSize) {
        if (workingSize <= 0) {
            throw new IllegalArgumentException("working size must be positive, got " + workingSize);
        }
        int longest = Math.max(grey.width, grey.height);
        if (longest <= workingSize) {
            return grey;
        }
        double scale = (double) workingSize / longest;
        GrayF32 small = new GrayF32(Math.max(1, (int) Math.round(grey.width * scale)),
                Math.max(1, (int) Math.round(grey.height * scale)));
        AverageDownSampleOps.down(grey, small);
        return small;
    }
}
