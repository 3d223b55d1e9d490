package io.gaikan.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Ceramic or magnetic tile (like the magnetic-tile-defect crops): dark, matte, finely ground grey surface with
 * faint parallel grinding bands; defects are cracks (thin branching dark lines), breaks (a piece missing at the
 * border), fray (many short fine cracks along the border), uneven areas (broad shallow swells and dips of other
 * tone) and blowholes (small round dark holes).
 */
final class TileScene extends FamilyScene {

    static final String NAME = "tile";
    private static final List<String> KINDS = List.of("crack", "break", "fray", "uneven", "blowhole");

    TileScene() {
        super(NAME, KINDS, 0.35);
    }

    @Override
    void drawBase(HeightField hf, float[] albedo, SplittableRandom rng, double unit, Workspace ws) {
        DefectPrimitives.grain(hf, rng, 1, (0.04 + 0.12 * rng.nextDouble()) * unit, ws);
        // faint grinding bands across the tile in one random direction
        int size = hf.width();
        double angle = Math.PI * rng.nextDouble();
        double ux = StrictMath.cos(angle), uy = StrictMath.sin(angle);
        double period = (4 + 20 * rng.nextDouble()) * unit;
        float amp = (float) (0.04 + 0.1 * rng.nextDouble());
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double phase = (x * ux + y * uy) / period;
                double tri = 4 * Math.abs(phase - Math.floor(phase) - 0.5) - 1;
                albedo[y * size + x] *= 1 + amp * (float) tri;
            }
        }
    }

    @Override
    Material drawMaterial(SplittableRandom rng) {
        return matte(rng, Range.of(0.12, 0.35), Range.of(-0.03, 0.03), Range.of(0.6, 1.0), Range.of(0.5, 0.85),
                Range.of(0.05, 0.2));
    }

    /** Magnetic tiles photograph dark. */
    @Override
    double drawBrightness(SplittableRandom rng, RandomizationRanges r) {
        return 0.12 + 0.2 * rng.nextDouble();
    }

    @Override
    int drawDefect(String kind, HeightField hf, float[] albedo, EdgeProfile edge, SplittableRandom rng, double unit) {
        int size = hf.width();
        double[] c = placeOnPart(rng, size, edge);
        int pixels = 0;
        switch (kind) {
            case "crack" -> pixels += DefectPrimitives.fracture(hf, albedo, rng, c[0], c[1],
                    2 * Math.PI * rng.nextDouble(), 6 + rng.nextInt(10), (4 + 6 * rng.nextDouble()) * unit,
                    (0.6 + 1.0 * rng.nextDouble()) * unit, (1 + 1.5 * rng.nextDouble()) * unit,
                    0.15 + 0.3 * rng.nextDouble(), 0.12);
            case "break" -> {
                double[] e = placeOnEdge(rng, size, edge);
                pixels += DefectPrimitives.blob(hf, albedo, rng, e[0], e[1], (10 + 25 * rng.nextDouble()) * unit, 1.2,
                        1 + rng.nextDouble(), (4 + 6 * rng.nextDouble()) * unit, 0.05 + 0.2 * rng.nextDouble());
            }
            case "fray" -> {
                double[] e = placeOnEdge(rng, size, edge);
                int n = 4 + rng.nextInt(8);
                double spread = (15 + 30 * rng.nextDouble()) * unit;
                double inward = StrictMath.atan2(size / 2.0 - e[1], size / 2.0 - e[0]);
                for (int k = 0; k < n; k++) {
                    double[][] w = DefectPrimitives.walk(rng, e[0] + spread * (rng.nextDouble() - 0.5),
                            e[1] + spread * (rng.nextDouble() - 0.5), inward + 1.2 * (rng.nextDouble() - 0.5), 3,
                            (2 + 4 * rng.nextDouble()) * unit, 1.0);
                    pixels += DefectPrimitives.path(hf, albedo, w[0], w[1], (0.6 + 0.8 * rng.nextDouble()) * unit,
                            (0.6 + 1.0 * rng.nextDouble()) * unit, 0.3 + 0.3 * rng.nextDouble());
                }
            }
            case "uneven" -> pixels += DefectPrimitives.depression(hf, albedo, c[0], c[1],
                    (15 + 40 * rng.nextDouble()) * unit, (10 + 30 * rng.nextDouble()) * unit,
                    Math.PI * rng.nextDouble(), (rng.nextBoolean() ? 1 : -1) * (2 + 4 * rng.nextDouble()) * unit,
                    rng.nextBoolean() ? 0.6 + 0.25 * rng.nextDouble() : 1.2 + 0.4 * rng.nextDouble());
            default -> {
                int n = 1 + rng.nextInt(3);
                for (int k = 0; k < n; k++) {
                    pixels += DefectPrimitives.blob(hf, albedo, rng, c[0] + 20 * unit * (rng.nextDouble() - 0.5),
                            c[1] + 20 * unit * (rng.nextDouble() - 0.5), (2 + 5 * rng.nextDouble()) * unit, 0.4,
                            0.8 + 0.4 * rng.nextDouble(), (2 + 3 * rng.nextDouble()) * unit,
                            0.1 + 0.3 * rng.nextDouble());
                }
            }
        }
        return pixels;
    }
}
