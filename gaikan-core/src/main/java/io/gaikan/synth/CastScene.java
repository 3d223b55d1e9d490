package io.gaikan.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Cast or sintered surface (like the casting-product impellers): matte grey, rough sand-cast grain with faint
 * concentric machining rings; defects are pores (clusters of small pits), pits, blowholes (larger dark cavities),
 * burrs (raised irregular lumps at the border) and chipped edges (dark bites out of the border).
 */
final class CastScene extends FamilyScene {

    static final String NAME = "cast";
    private static final List<String> KINDS = List.of("pore", "pit", "blowhole", "burr", "chip");

    CastScene() {
        super(NAME, KINDS, 0.4);
    }

    @Override
    void drawBase(HeightField hf, float[] albedo, SplittableRandom rng, double unit, Workspace ws) {
        DefectPrimitives.grain(hf, rng, 1 + rng.nextInt(2), (0.15 + 0.35 * rng.nextDouble()) * unit, ws);
        // faint concentric rings around a centre often outside the image (turned or moulded part)
        int size = hf.width();
        double cx = size * (2 * rng.nextDouble() - 0.5), cy = size * (2 * rng.nextDouble() - 0.5);
        double period = (6 + 14 * rng.nextDouble()) * unit;
        float amp = (float) (0.25 * rng.nextDouble() * unit);
        double omega = 2 * Math.PI / period;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double rho = Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
                // a triangle wave stands in for a sine: cheap and the same on every platform
                double phase = rho * omega / (2 * Math.PI);
                double tri = 4 * Math.abs(phase - Math.floor(phase) - 0.5) - 1;
                hf.micro[y * size + x] += amp * (float) tri;
            }
        }
    }

    @Override
    Material drawMaterial(SplittableRandom rng) {
        return matte(rng, Range.of(0.3, 0.6), Range.of(-0.05, 0.05), Range.of(0.5, 1.0), Range.of(0.45, 0.8),
                Range.of(0.03, 0.15));
    }

    @Override
    double drawBrightness(SplittableRandom rng, RandomizationRanges r) {
        return r.meanBrightness().draw(rng);
    }

    @Override
    int drawDefect(String kind, HeightField hf, float[] albedo, EdgeProfile edge, SplittableRandom rng, double unit) {
        int size = hf.width();
        double[] c = placeOnPart(rng, size, edge);
        switch (kind) {
            case "pore" -> {
                int n = 3 + rng.nextInt(10);
                double spread = (6 + 20 * rng.nextDouble()) * unit;
                int pixels = 0;
                for (int k = 0; k < n; k++) {
                    pixels += DefectPrimitives.blob(hf, albedo, rng, c[0] + spread * (rng.nextDouble() - 0.5) * 2,
                            c[1] + spread * (rng.nextDouble() - 0.5) * 2, (1 + 2 * rng.nextDouble()) * unit, 0.3, 1,
                            (1 + 1.5 * rng.nextDouble()) * unit, 0.4 + 0.3 * rng.nextDouble());
                }
                return pixels;
            }
            case "pit" -> {
                return DefectPrimitives.depression(hf, albedo, c[0], c[1], (3 + 6 * rng.nextDouble()) * unit,
                        (3 + 6 * rng.nextDouble()) * unit, Math.PI * rng.nextDouble(), (1.5 + 2 * rng.nextDouble()) * unit,
                        0.5 + 0.3 * rng.nextDouble());
            }
            case "blowhole" -> {
                return DefectPrimitives.blob(hf, albedo, rng, c[0], c[1], (4 + 10 * rng.nextDouble()) * unit, 0.6,
                        0.7 + 0.6 * rng.nextDouble(), (4 + 6 * rng.nextDouble()) * unit, 0.1 + 0.3 * rng.nextDouble());
            }
            case "burr" -> {
                double[] e = placeOnEdge(rng, size, edge);
                return DefectPrimitives.blob(hf, albedo, rng, e[0], e[1], (4 + 8 * rng.nextDouble()) * unit, 0.9,
                        1 + 1.5 * rng.nextDouble(), -(1.5 + 2.5 * rng.nextDouble()) * unit, 1.1 + 0.3 * rng.nextDouble());
            }
            default -> {
                double[] e = placeOnEdge(rng, size, edge);
                return DefectPrimitives.blob(hf, albedo, rng, e[0], e[1], (6 + 14 * rng.nextDouble()) * unit, 0.8,
                        1 + rng.nextDouble(), (3 + 5 * rng.nextDouble()) * unit, 0.15 + 0.3 * rng.nextDouble());
            }
        }
    }
}
