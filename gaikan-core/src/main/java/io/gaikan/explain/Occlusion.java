package io.gaikan.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.gaikan.model.ImageClassifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Occlusion sensitivity (Zeiler and Fergus 2014), the gradient-free check of {@link GradCam}: the image is split into
 * a {@code grid} x {@code grid} grid, each cell in turn is replaced by the dataset mean (0 after normalisation), and a
 * cell's value is how much the explained score drops. It costs grid^2 forward passes per image, so it suits tests
 * and spot checks, not a production line.
 */
public final class Occlusion {

    private final ImageClassifier model;
    private final int grid;

    public Occlusion(ImageClassifier model, int grid) {
        if (grid < 1) {
            throw new IllegalArgumentException("occlusion grid must be >= 1 cell per side, got " + grid);
        }
        this.model = model;
        this.grid = grid;
    }

    /**
     * One grid x grid map per image of {@code x} (N, 3, H, W, normalised), positive where hiding the cell lowers the
     * score. With {@link CamTarget#predicted()} every occluded copy is scored on the class predicted for the whole
     * image. Temporaries live on {@code x}'s manager.
     */
    public List<float[][]> maps(NDArray x, CamTarget target) {
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        int n = (int) x.getShape().get(0);
        int h = (int) x.getShape().get(2);
        int w = (int) x.getShape().get(3);
        NDArray keep = x.getManager().create(keepMasks(h, w), new Shape(grid * grid, 1, h, w));
        List<float[][]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            NDArray image = x.get(new NDIndex("{}:{}", i, i + 1));
            NDList base = model.forward(ps, new NDList(image), false);
            CamTarget fixed = target.classes().isEmpty()
                    ? new CamTarget(target.task(), Set.of((int) base.get(target.task()).argMax(1)
                    .toType(DataType.INT32, false).getInt(0)))
                    : target;
            float baseScore = fixed.score(base).getFloat(0);
            float[] scores = fixed.score(model.forward(ps, new NDList(image.mul(keep)), false)).toFloatArray();
            float[][] map = new float[grid][grid];
            for (int c = 0; c < scores.length; c++) {
                map[c / grid][c % grid] = baseScore - scores[c];
            }
            out.add(map);
        }
        return out;
    }

    /** One mask per cell, row-major: 1 everywhere but 0 on the cell. */
    private float[] keepMasks(int h, int w) {
        float[] masks = new float[grid * grid * h * w];
        Arrays.fill(masks, 1f);
        for (int gy = 0; gy < grid; gy++) {
            for (int gx = 0; gx < grid; gx++) {
                int offset = (gy * grid + gx) * h * w;
                for (int y = gy * h / grid; y < (gy + 1) * h / grid; y++) {
                    for (int x = gx * w / grid; x < (gx + 1) * w / grid; x++) {
                        masks[offset + y * w + x] = 0f;
                    }
                }
            }
        }
        return masks;
    }
}
