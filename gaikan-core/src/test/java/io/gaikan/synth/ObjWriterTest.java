package io.gaikan.synth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjWriterTest {

    @Test
    void meshHasOneVertexPerPixelAndTwoTrianglesPerQuad(@TempDir Path tmp) throws IOException {
        SynthSample s = new Synthesizer(SynthConfig.of(20, 4)).render(1);
        Path file = tmp.resolve("surface.obj");
        ObjWriter.write(s.heightField(), file);
        List<String> lines = Files.readAllLines(file);
        List<String> vertices = lines.stream().filter(l -> l.startsWith("v ")).toList();
        List<String> faces = lines.stream().filter(l -> l.startsWith("f ")).toList();
        assertEquals(20 * 20, vertices.size());
        assertEquals(2 * 19 * 19, faces.size());
        for (String f : faces) {
            String[] idx = f.split(" ");
            assertEquals(4, idx.length, f);
            for (int k = 1; k < 4; k++) {
                int v = Integer.parseInt(idx[k]);
                assertTrue(v >= 1 && v <= 400, "vertex index in range: " + f);
            }
        }
        // vertex (x, -y, height) in row-major order, heights as in the height field
        String[] v = vertices.get(21).split(" ");
        assertEquals("1", v[1]);
        assertEquals("-1", v[2]);
        assertEquals(s.heightField().heightAt(1, 1), Double.parseDouble(v[3]), 1e-4);
    }

    @Test
    void scratchesAreCarvedBelowTheSurfaceInTheMesh() {
        HeightField hf = new Synthesizer(SynthConfig.of(64, 8)).render(1).heightField();
        float lowestScratch = Float.MAX_VALUE;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                if (hf.isScratch(x, y)) {
                    lowestScratch = Math.min(lowestScratch, hf.heightAt(x, y) - hf.macro[y * 64 + x]);
                }
            }
        }
        assertTrue(lowestScratch < -0.5f, "scratch floor lies well below the base plane: " + lowestScratch);
    }
}
