package io.gaikan.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a height field as a Wavefront OBJ triangle mesh, as seed 001 saved its depth-buffer surface: one vertex
 * per pixel (x = column, y = -row so the image is upright seen from +z, z = height, all in pixels) and two
 * counter-clockwise triangles per 2x2 pixel quad, i.e. W*H vertices and 2*(W-1)*(H-1) faces.
 */
public final class ObjWriter {

    private ObjWriter() {
    }

    public static void write(HeightField hf, Path file) throws IOException {
        int w = hf.width();
        int h = hf.height();
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("# gaikan synth height field " + w + "x" + h + ": " + (w * h) + " vertices, "
                    + (2 * (w - 1) * (h - 1)) + " triangles; units are pixels\n");
            StringBuilder line = new StringBuilder(64);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    line.setLength(0);
                    line.append("v ").append(x).append(' ').append(-y).append(' ');
                    Decimals.append(line, hf.heightAt(x, y), 4);
                    out.append(line).append('\n');
                }
            }
            for (int y = 0; y + 1 < h; y++) {
                for (int x = 0; x + 1 < w; x++) {
                    int a = y * w + x + 1; // OBJ indices start at 1
                    int b = a + 1;
                    int c = a + w;
                    int d = c + 1;
                    out.append("f ").append(String.valueOf(a)).append(' ').append(String.valueOf(c)).append(' ')
                            .append(String.valueOf(b)).append('\n');
                    out.append("f ").append(String.valueOf(b)).append(' ').append(String.valueOf(c)).append(' ')
                            .append(String.valueOf(d)).append('\n');
                }
            }
        }
    }
}
