package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * albumentations' RandomGridShuffle: with probability p, cut the image into a {@code rows x cols} grid and permute
 * the cells. Cell borders are at {@code floor(i * H / rows)}; when the size does not divide evenly, cells differ by a
 * pixel and only cells of the same shape swap places (as albumentations groups tiles by shape), so the output is
 * always a rearrangement of the input's pixels. Token {@code gridshuffle(rows[,cols[,p]])}.
 */
public record GridShuffle(int rows, int cols, double p) implements Transform {

    public GridShuffle {
        Specs.positive(rows, "grid rows");
        Specs.positive(cols, "grid columns");
        Specs.probability(p, "gridshuffle probability");
    }

    private record Cell(int top, int left, int height, int width) {
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        if (!Specs.chance(rng, p) || image.height() < rows || image.width() < cols || rows * cols < 2) {
            return image;
        }
        List<Cell> cells = new ArrayList<>(rows * cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int top = r * image.height() / rows;
                int left = c * image.width() / cols;
                cells.add(new Cell(top, left, (r + 1) * image.height() / rows - top,
                        (c + 1) * image.width() / cols - left));
            }
        }
        // Group cell indices by shape (insertion-ordered so the draws are reproducible), shuffle within each group.
        Map<Long, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            long shape = ((long) cells.get(i).height << 32) | cells.get(i).width;
            groups.computeIfAbsent(shape, k -> new ArrayList<>()).add(i);
        }
        int[] source = new int[cells.size()];
        for (List<Integer> group : groups.values()) {
            int[] perm = group.stream().mapToInt(Integer::intValue).toArray();
            for (int i = perm.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            for (int k = 0; k < perm.length; k++) {
                source[group.get(k)] = perm[k];
            }
        }
        float[] in = image.data();
        float[] out = new float[in.length];
        int h = image.height();
        int w = image.width();
        for (int target = 0; target < cells.size(); target++) {
            Cell to = cells.get(target);
            Cell from = cells.get(source[target]);
            for (int c = 0; c < image.channels(); c++) {
                for (int y = 0; y < to.height; y++) {
                    System.arraycopy(in, (c * h + from.top + y) * w + from.left,
                            out, (c * h + to.top + y) * w + to.left, to.width);
                }
            }
        }
        return ColorOps.with(image, out);
    }

    @Override
    public String toString() {
        return "gridshuffle(" + rows + "," + cols + (p == 1 ? "" : "," + Specs.number(p)) + ")";
    }
}
