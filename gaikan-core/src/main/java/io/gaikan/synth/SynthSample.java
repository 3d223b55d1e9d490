package io.gaikan.synth;

import io.gaikan.data.FloatImage;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Map;

/**
 * One rendered image with everything the scene knows about it: the class (OK or the defect kind), the auxiliary
 * labels (scene family, lighting setup, region), the drawn scene parameters, the height field and its defect mask.
 *
 * @param family the scene family (metal, cast, strip, tile), an auxiliary label
 * @param kind   the defect kind drawn on an NG image ("ng" for the single-kind grinding scene, else e.g. "crack")
 * @param pixels interleaved 8-bit samples, {@code channels} per pixel, row-major (exactly what the PNG holds)
 */
public record SynthSample(int index, boolean ng, String family, String kind, LightingSetup lighting, Region region,
                          Map<String, Double> parameters, int size, int channels, byte[] pixels,
                          HeightField heightField) {

    /** "ok" or the defect kind, the ImageFolder class name. */
    public String label() {
        return ng ? kind : "ok";
    }

    /** The same sample with another defect kind (a mixture names the grinding scene's "ng" a scratch). */
    public SynthSample withKind(String k) {
        return new SynthSample(index, ng, family, k, lighting, region, parameters, size, channels, pixels,
                heightField);
    }

    /** A copy as TYPE_3BYTE_BGR or TYPE_BYTE_GRAY image. */
    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(size, size,
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        if (channels == 1) {
            System.arraycopy(pixels, 0, dst, 0, pixels.length);
        } else {
            for (int i = 0; i < pixels.length; i += 3) {
                dst[i] = pixels[i + 2];
                dst[i + 1] = pixels[i + 1];
                dst[i + 2] = pixels[i];
            }
        }
        return img;
    }

    /** Planar float image in [0, 1] (channels x size x size). */
    public FloatImage toFloatImage() {
        FloatImage img = FloatImage.zeros(channels, size, size);
        float[] d = img.data();
        int plane = size * size;
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < channels; c++) {
                d[c * plane + i] = (pixels[i * channels + c] & 0xff) / 255f;
            }
        }
        return img;
    }

    /** The defect mask as 8-bit grey pixels, row-major: 255 where a scratch or other defect changed the surface. */
    public byte[] scratchMask() {
        byte[] mask = new byte[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                mask[y * size + x] = heightField.isScratch(x, y) ? (byte) 255 : 0;
            }
        }
        return mask;
    }

    /** Number of pixels a scratch carved (0 for OK images). */
    public int scratchPixelCount() {
        return heightField.scratchPixelCount();
    }
}
