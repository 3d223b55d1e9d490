package io.gaikan.anomaly;

import io.gaikan.data.Dataset;
import io.gaikan.data.Sample;
import io.gaikan.eval.RankingMetrics;
import io.gaikan.report.HeatMaps;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well anomaly maps point at the defects of ground-truth masks (MASKS/CLASS/NAME.png, non-zero = defect; an image
 * without a mask file has no defect pixel).
 *
 * <p>Both measures read the map as PatchCore does ({@link AnomalyScores#smoothed}: upsampled and Gaussian-smoothed).
 *
 * @param pixelAuroc   AUROC of map values against mask pixels over every image, on a {@value #GRID}x{@value #GRID}
 *                     grid per image (each image weighs the same, whatever its size)
 * @param pro          the per-region overlap up to a false-positive rate of 30 % ({@link RegionOverlap})
 * @param peakInMask   share of defect images whose map maximum lies on a mask pixel
 * @param peakNearMask share of defect images whose map maximum lies within one feature cell of a mask pixel (a
 *                     patch score describes a whole cell, and scratches are often narrower than one)
 * @param defectImages images with at least one mask pixel
 */
record Localisation(double pixelAuroc, double pro, double peakInMask, double peakNearMask, int defectImages) {

    static final int GRID = 64;

    static Localisation measure(List<Sample> samples, AnomalyScores scores, Path masks, Dataset data) throws IOException {
        List<boolean[][]> truth = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
            truth.add(read(masks, data.relative(sample.path())));
        }
        return of(Arrays.asList(scores.maps()), truth);
    }

    /**
     * @param cells the images' maps of patch scores
     * @param masks the images' defect masks, in the same order (null: no defect pixel)
     */
    static Localisation of(List<float[][]> cells, List<boolean[][]> masks) {
        int n = cells.size();
        double[] values = new double[n * GRID * GRID];
        boolean[] truth = new boolean[values.length];
        RegionOverlap overlap = new RegionOverlap();
        int defects = 0;
        int inside = 0;
        int near = 0;
        for (int i = 0; i < n; i++) {
            float[][] map = AnomalyScores.smoothed(cells.get(i));
            boolean[][] mask = masks.get(i);
            overlap.add(map, mask);
            boolean any = false;
            for (int y = 0; y < GRID; y++) {
                for (int x = 0; x < GRID; x++) {
                    int k = (i * GRID + y) * GRID + x;
                    values[k] = HeatMaps.sample(map, (x + 0.5) / GRID, (y + 0.5) / GRID);
                    truth[k] = mask != null && at(mask, (x + 0.5) / GRID, (y + 0.5) / GRID);
                    any |= truth[k];
                }
            }
            if (!any) {
                continue;
            }
            defects++;
            int[] peak = AnomalyScores.peak(map);
            double u = (peak[1] + 0.5) / map[0].length;
            double v = (peak[0] + 0.5) / map.length;
            if (at(mask, u, v)) {
                inside++;
            }
            if (anyWithin(mask, u, v, 1.0 / cells.get(i)[0].length, 1.0 / cells.get(i).length)) {
                near++;
            }
        }
        return new Localisation(RankingMetrics.of(values, truth).auroc(), overlap.area(),
                defects == 0 ? Double.NaN : inside / (double) defects,
                defects == 0 ? Double.NaN : near / (double) defects, defects);
    }

    private static boolean at(boolean[][] mask, double u, double v) {
        int y = Math.min(mask.length - 1, (int) (v * mask.length));
        int x = Math.min(mask[0].length - 1, (int) (u * mask[0].length));
        return mask[y][x];
    }

    private static boolean anyWithin(boolean[][] mask, double u, double v, double du, double dv) {
        int h = mask.length;
        int w = mask[0].length;
        int y0 = Math.max(0, (int) ((v - dv) * h));
        int y1 = Math.min(h - 1, (int) ((v + dv) * h));
        int x0 = Math.max(0, (int) ((u - du) * w));
        int x1 = Math.min(w - 1, (int) ((u + du) * w));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (mask[y][x]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The mask of the image at {@code relative} (same name, or the same stem as .png); null when there is none. */
    private static boolean[][] read(Path masks, String relative) throws IOException {
        Path file = masks.resolve(relative);
        if (!Files.isRegularFile(file)) {
            int dot = relative.lastIndexOf('.');
            file = masks.resolve((dot > 0 ? relative.substring(0, dot) : relative) + ".png");
        }
        if (!Files.isRegularFile(file)) {
            return null;
        }
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException("cannot decode mask " + file);
        }
        boolean[][] mask = new boolean[img.getHeight()][img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                mask[y][x] = (img.getRGB(x, y) & 0xffffff) != 0;
            }
        }
        return mask;
    }
}
