package io.gaikan.data;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Decodes image files strictly: ImageIO silently pads a truncated JPEG with grey and only emits a warning, which
 * would put broken images into training; here any reader warning is an error naming the file.
 */
public final class ImageDecoder {

    static {
        ImageIO.setUseCache(false);
    }

    private ImageDecoder() {
    }

    /**
     * Images above this many pixels are refused from their header, before decoding: a 20000 x 20000 PNG would need
     * 1.6 GB as pixels and end in an OutOfMemoryError naming no file. 100 megapixels is 10000 x 10000.
     */
    public static final long MAX_PIXELS = 100_000_000L;

    public static BufferedImage read(Path path) {
        try {
            return decode(Files.readAllBytes(path), path);
        } catch (IOException e) {
            throw new DataException("cannot read image " + path + ": " + e.getMessage(), e);
        }
    }

    public static BufferedImage decode(byte[] bytes, Path nameForErrors) {
        return decode(bytes, nameForErrors, MAX_PIXELS);
    }

    /** As {@link #decode(byte[], Path)} with another pixel limit (a server's, per request). */
    public static BufferedImage decode(byte[] bytes, Path nameForErrors, long maxPixels) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DataException("not a readable image (unknown format): " + nameForErrors);
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new DataException("image " + nameForErrors + " is " + reader.getWidth(0) + " x " + reader.getHeight(0)
                            + " pixels, more than the limit of " + megapixels(maxPixels) + " megapixels: downscale it");
                }
                reader.addIIOReadWarningListener((source, warning) -> {
                    if (!isAboutColourProfile(warning)) {
                        warnings.add(warning);
                    }
                });
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new DataException("corrupt image " + nameForErrors + ": " + warnings.get(0));
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException d) {
                throw d;
            }
            throw new DataException("corrupt image " + nameForErrors + ": " + e.getMessage(), e);
        }
    }

    /**
     * A CMYK JPEG without an ICC profile is converted with a generic profile and a warning; the pixels are whole, so
     * that warning is not a sign of a broken file as a truncation warning is.
     */
    private static boolean isAboutColourProfile(String warning) {
        String lower = warning.toLowerCase(Locale.ROOT);
        return lower.contains("icc") || lower.contains("color profile") || lower.contains("colour profile");
    }

    private static String megapixels(long pixels) {
        return pixels % 1_000_000 == 0 ? Long.toString(pixels / 1_000_000) : String.format(Locale.ROOT, "%.2f", pixels / 1e6);
    }

    /** Planar float RGB in [0, 1]; grey (and grey+alpha) images are replicated to three channels. */
    public static FloatImage toFloat(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = w * h;
        float[] data = new float[3 * plane];
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean grey = bands <= 2 && image.getColorModel().getColorSpace().getNumComponents() == 1;
        if (grey) {
            int bits = image.getColorModel().getComponentSize(0);
            float scale = 1f / ((1 << bits) - 1);
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    float v = row[x] * scale;
                    int i = y * w + x;
                    data[i] = v;
                    data[plane + i] = v;
                    data[2 * plane + i] = v;
                }
            }
        } else {
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < plane; i++) {
                int p = argb[i];
                data[i] = ((p >> 16) & 0xff) / 255f;
                data[plane + i] = ((p >> 8) & 0xff) / 255f;
                data[2 * plane + i] = (p & 0xff) / 255f;
            }
        }
        return new FloatImage(3, h, w, data);
    }

    public static FloatImage readFloat(Path path) {
        return toFloat(read(path));
    }
}
