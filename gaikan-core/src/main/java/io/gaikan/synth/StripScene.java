package io.gaikan.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Hot-rolled steel strip (like X-SDD): dull grey to brownish scale-covered steel with streaks along the rolling
 * direction; defects are oxide scale (scattered flaky patches), inclusions (thin dark slivers along the rolling
 * direction), patches (large blotches of other colour), crazing (a fine network of cracks), scratches and roll
 * marks (a row of shallow imprints repeated along the rolling direction).
 */
final class StripScene extends FamilyScene {

    static final String NAME = "strip";
    private static final List<String> KINDS = List.of("scale", "inclusion", "patch", "crazing", "scratch",
            "roll-mark");

    StripScene() {
        super(NAME, KINDS, 0.15);
    }

    /** Rolling runs along the image rows; each row gets its own height and albedo offset (streaks). */
    @Override
    void drawBase(HeightField hf, float[] albedo, SplittableRandom rng, double unit, Workspace ws) {
        DefectPrimitives.grain(hf, rng, 1, (0.05 + 0.15 * rng.nextDouble()) * unit, ws);
        int size = hf.width();
        double streak = 0.03 + 0.12 * rng.nextDouble();
        double relief = (0.1 + 0.3 * rng.nextDouble()) * unit;
        double a = 0, b = 0;
        for (int y = 0; y < size; y++) {
            // first-order smoothed noise across the rows: streaks a few pixels wide
            a = 0.7 * a + 0.3 * (rng.nextDouble() - 0.5);
            b = 0.9 * b + 0.1 * (rng.nextDouble() - 0.5);
            float da = (float) (1 + 4 * streak * b), dh = (float) (relief * a);
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                albedo[i] *= da;
                hf.micro[i] += dh;
            }
        }
    }

    @Override
    Material drawMaterial(SplittableRandom rng) {
        return matte(rng, Range.of(0.25, 0.55), Range.of(-0.02, 0.15), Range.of(0.4, 0.9), Range.of(0.35, 0.7),
                Range.of(0.05, 0.2));
    }

    @Override
    double drawBrightness(SplittableRandom rng, RandomizationRanges r) {
        return r.meanBrightness().draw(rng);
    }

    @Override
    int drawDefect(String kind, HeightField hf, float[] albedo, EdgeProfile edge, SplittableRandom rng, double unit) {
        int size = hf.width();
        double[] c = placeOnPart(rng, size, edge);
        int pixels = 0;
        switch (kind) {
            case "scale" -> {
                int n = 4 + rng.nextInt(12);
                double spread = (15 + 40 * rng.nextDouble()) * unit;
                double tone = rng.nextBoolean() ? 0.35 + 0.3 * rng.nextDouble() : 1.3 + 0.4 * rng.nextDouble();
                for (int k = 0; k < n; k++) {
                    pixels += DefectPrimitives.blob(hf, albedo, rng, c[0] + 2 * spread * (rng.nextDouble() - 0.5),
                            c[1] + spread * (rng.nextDouble() - 0.5), (2 + 6 * rng.nextDouble()) * unit, 1.0,
                            1.5 + 2 * rng.nextDouble(), (0.3 + 0.6 * rng.nextDouble()) * unit, tone);
                }
            }
            case "inclusion" -> {
                int n = 1 + rng.nextInt(3);
                for (int k = 0; k < n; k++) {
                    double len = (15 + 60 * rng.nextDouble()) * unit;
                    double[][] w = DefectPrimitives.walk(rng, c[0] - len / 2, c[1] + 12 * unit * (rng.nextDouble() - 0.5),
                            0.1 * (rng.nextDouble() - 0.5), 6, len / 6, 0.25);
                    pixels += DefectPrimitives.path(hf, albedo, w[0], w[1], (1 + 2.5 * rng.nextDouble()) * unit,
                            (0.3 + 0.8 * rng.nextDouble()) * unit, 0.2 + 0.35 * rng.nextDouble());
                }
            }
            case "patch" -> pixels += DefectPrimitives.blob(hf, albedo, rng, c[0], c[1],
                    (15 + 35 * rng.nextDouble()) * unit, 0.8, 1 + 1.5 * rng.nextDouble(),
                    (0.2 + 0.5 * rng.nextDouble()) * unit, rng.nextBoolean() ? 0.45 + 0.3 * rng.nextDouble()
                            : 1.3 + 0.4 * rng.nextDouble());
            case "crazing" -> {
                int n = 4 + rng.nextInt(6);
                double spread = (20 + 40 * rng.nextDouble()) * unit;
                for (int k = 0; k < n; k++) {
                    pixels += DefectPrimitives.fracture(hf, albedo, rng, c[0] + spread * (rng.nextDouble() - 0.5),
                            c[1] + spread * (rng.nextDouble() - 0.5), 2 * Math.PI * rng.nextDouble(), 4 + rng.nextInt(4),
                            (3 + 4 * rng.nextDouble()) * unit, 0.7 * unit, 0.8 * unit, 0.45, 0.3);
                }
            }
            case "scratch" -> {
                double len = (40 + 120 * rng.nextDouble()) * unit;
                double heading = 0.5 * (rng.nextDouble() - 0.5) + (rng.nextDouble() < 0.3 ? Math.PI / 2 : 0);
                double[][] w = DefectPrimitives.walk(rng, c[0] - 0.5 * len * StrictMath.cos(heading),
                        c[1] - 0.5 * len * StrictMath.sin(heading), heading, 8, len / 8, 0.08);
                pixels += DefectPrimitives.path(hf, albedo, w[0], w[1], (1 + 2 * rng.nextDouble()) * unit,
                        (0.8 + 1.5 * rng.nextDouble()) * unit, rng.nextBoolean() ? 0.6 : 1.3);
            }
            default -> {
                // a roll mark repeats once per roll turn along the rolling direction
                double period = (30 + 60 * rng.nextDouble()) * unit;
                double rx = (3 + 10 * rng.nextDouble()) * unit, ry = (3 + 10 * rng.nextDouble()) * unit;
                double depth = (rng.nextBoolean() ? 1 : -1) * (0.8 + 1.5 * rng.nextDouble()) * unit;
                double tone = 0.6 + 0.6 * rng.nextDouble();
                double angle = Math.PI * rng.nextDouble();
                for (double x = c[0] - Math.floor(c[0] / period) * period; x < size; x += period) {
                    pixels += DefectPrimitives.depression(hf, albedo, x, c[1], rx, ry, angle, depth, tone);
                }
            }
        }
        return pixels;
    }
}
