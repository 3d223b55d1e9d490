package io.gaikan.explain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.MapWindow;

import java.util.ArrayList;
import java.util.List;

/**
 * Grad-CAM (Selvaraju et al. 2017) for any {@link ImageClassifier}: the last feature maps A (one per branch) are
 * weighted by the spatial mean of the gradient of the explained score with respect to them, summed over channels and
 * clipped at zero: {@code relu(sum_c mean_xy(dS/dA_c) A_c)}. Only the layers after those maps (pooling, the two-input
 * model's join, the heads) run under the gradient recorder, so a map costs little more than a prediction.
 *
 * <p>DJL's PyTorch engine allows one gradient recorder at a time in a process, so calls must not overlap with each
 * other or with training in the same process.
 */
public final class GradCam {

    private final ImageClassifier model;
    private final String stage;

    /** Grad-CAM on the model's last feature maps (the stride-32 stage of the zoo's single-input models). */
    public GradCam(ImageClassifier model) {
        this(model, null);
    }

    /**
     * Grad-CAM on the output of {@code stage} (one of {@link ImageClassifier#stageNames()}), or on the last feature
     * maps when null: an earlier stage has a finer grid (stride 16: 14 x 14 at 224 px instead of 7 x 7).
     */
    public GradCam(ImageClassifier model, String stage) {
        this.model = model;
        this.stage = stage;
    }

    /**
     * One non-negative map per image of {@code x} (N, 3, side, side, normalised as the model's input), over the whole
     * image: the last feature map's grid for a plain model, the branches' maps placed on one grid for the two-input
     * model. Temporaries live on {@code x}'s manager: give a per-batch manager and close it.
     */
    public List<float[][]> maps(NDArray x, CamTarget target) {
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        NDList leaves = new NDList();
        NDList maps = stage == null ? model.forwardLastMaps(ps, x, false) : model.forwardStages(ps, x, List.of(stage), false);
        for (NDArray map : maps) {
            NDArray leaf = map.stopGradient();
            leaf.setRequiresGradient(true);
            leaves.add(leaf);
            map.close();
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList logits = stage == null ? model.forwardFromLastMaps(ps, leaves, false)
                    : model.forwardFromStage(ps, stage, leaves.singletonOrThrow(), false);
            collector.backward(target.score(logits).sum());
        }
        int n = (int) x.getShape().get(0);
        List<MapWindow> windows = stage == null ? model.lastMapWindows((int) x.getShape().get(2)) : List.of(MapWindow.WHOLE);
        List<float[][][]> cams = new ArrayList<>();
        for (NDArray leaf : leaves) {
            NDArray weights = leaf.getGradient().mean(new int[]{3}, true).mean(new int[]{2}, true);
            NDArray cam = weights.mul(leaf).sum(new int[]{1}).maximum(0f);
            cams.add(toMaps(cam.toFloatArray(), n, (int) leaf.getShape().get(2), (int) leaf.getShape().get(3)));
        }
        List<float[][]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<float[][]> perMap = new ArrayList<>();
            for (float[][][] c : cams) {
                perMap.add(c[i]);
            }
            out.add(windows.size() == 1 && windows.get(0).equals(MapWindow.WHOLE) ? perMap.get(0) : place(perMap, windows));
        }
        return out;
    }

    private static float[][][] toMaps(float[] flat, int n, int rows, int cols) {
        float[][][] maps = new float[n][rows][cols];
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < rows; y++) {
                System.arraycopy(flat, (i * rows + y) * cols, maps[i][y], 0, cols);
            }
        }
        return maps;
    }

    /**
     * Maps that see different windows of the image summed on one grid fine enough for the finest of them (each cell
     * takes the value of the map cell under its centre): their contributions to the score add up the same way.
     */
    static float[][] place(List<float[][]> maps, List<MapWindow> windows) {
        int side = 1;
        for (int k = 0; k < maps.size(); k++) {
            side = Math.max(side, (int) Math.ceil(maps.get(k).length / windows.get(k).height()));
            side = Math.max(side, (int) Math.ceil(maps.get(k)[0].length / windows.get(k).width()));
        }
        float[][] out = new float[side][side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double v = (y + 0.5) / side;
                double u = (x + 0.5) / side;
                for (int k = 0; k < maps.size(); k++) {
                    MapWindow w = windows.get(k);
                    double mv = (v - w.top()) / w.height();
                    double mu = (u - w.left()) / w.width();
                    if (mv >= 0 && mv < 1 && mu >= 0 && mu < 1) {
                        float[][] m = maps.get(k);
                        out[y][x] += m[(int) (mv * m.length)][(int) (mu * m[0].length)];
                    }
                }
            }
        }
        return out;
    }
}
