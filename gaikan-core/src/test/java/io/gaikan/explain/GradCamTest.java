package io.gaikan.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.MapWindow;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.ParameterNames;
import io.gaikan.model.TaskHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grad-CAM on untrained zoo models: what it must compute, for every family, the two-input and multi-task models. */
class GradCamTest {

    private static final ModelRegistry ZOO = ModelRegistry.defaults();

    /**
     * Behind a global average pool and a linear head, the gradient of z1 - z0 with respect to the map is
     * (W1 - W0) / (h w) at every position, so Grad-CAM is the class activation map relu(sum_c (W1c - W0c) A_c) / (h w):
     * computed here from the head's weights, independently of the gradient recorder.
     */
    @Test
    void behindAPooledLinearHeadGradCamIsTheClassActivationMap() {
        ImageClassifier net = ZOO.get("resnet18").build(ModelOptions.classes(2));
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 96, 96));
            NDArray x = manager.randomNormal(new Shape(3, 3, 96, 96));
            List<float[][]> cams = new GradCam(net).maps(x, CamTarget.group(List.of(1)));

            NDArray w = ParameterNames.of(net).get("fc.weight").getArray();
            NDArray diff = w.get(1).sub(w.get(0)).reshape(1, -1, 1, 1);
            NDArray a = net.forwardFeatureMap(new ParameterStore(manager, false), x, false);
            long cells = a.getShape().get(2) * a.getShape().get(3);
            float[] expected = a.mul(diff).sum(new int[]{1}).div(cells).maximum(0f).toFloatArray();
            assertEquals(3, cams.size());
            int k = 0;
            float scale = 0;
            for (float[][] cam : cams) {
                assertEquals(3, cam.length, "a 96 px input gives a 3 x 3 map");
                for (float[] row : cam) {
                    for (float v : row) {
                        scale = Math.max(scale, Math.abs(expected[k]));
                        assertEquals(expected[k++], v, 1e-4 * Math.max(1e-3, Math.abs(expected[k - 1])) + 1e-7);
                    }
                }
            }
            assertTrue(scale > 0, "the map is not all zero");
        }
    }

    /** Every family: one non-negative finite map per image, and the split forward equals the model's forward. */
    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenetv2_100", "efficientnet_b0", "vggse", "vgg16", "dual:vggse"})
    void everyFamilyGivesAMapPerImage(String name) {
        ImageClassifier net = ZOO.get(name).build(new ModelOptions(List.of(new TaskHead("main", 3), new TaskHead("light", 2)), 0f, 0f));
        int side = name.startsWith("vgg") || name.startsWith("dual") ? 64 : 96;
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, side, side));
            NDArray x = manager.randomNormal(new Shape(2, 3, side, side));
            ParameterStore ps = new ParameterStore(manager, false);
            NDList whole = net.forward(ps, new NDList(x), false);
            NDList split = net.forwardFromLastMaps(ps, net.forwardLastMaps(ps, x, false), false);
            for (int t = 0; t < 2; t++) {
                assertEquals(0f, whole.get(t).sub(split.get(t)).abs().max().getFloat(), 1e-4f, "head " + t);
            }
            for (CamTarget target : List.of(CamTarget.predicted(), CamTarget.group(List.of(0, 2)), new CamTarget(1, Set.of(1)))) {
                List<float[][]> maps = new GradCam(net).maps(x, target);
                assertEquals(2, maps.size());
                for (float[][] map : maps) {
                    for (float[] row : map) {
                        for (float v : row) {
                            assertTrue(v >= 0 && Float.isFinite(v), name + ": " + v);
                        }
                    }
                }
            }
        }
    }

    /** The two-input model's crop branch sees the centre: its map lands there, the full view's everywhere. */
    @Test
    void branchMapsArePlacedOverTheWindowsTheySee() {
        float[][] crop = {{10}};
        float[][] fine = GradCam.place(List.of(new float[4][4], crop), List.of(MapWindow.WHOLE, new MapWindow(0.25, 0.25, 0.5, 0.5)));
        assertEquals(4, fine.length);
        assertEquals(10f, fine[1][1]);
        assertEquals(10f, fine[2][2]);
        assertEquals(0f, fine[0][0]);
        assertEquals(0f, fine[3][2]);
    }

    @Test
    void refusesATargetOfEveryClass() {
        assertThrows(IllegalArgumentException.class, () -> CamTarget.group(List.of()));
        ImageClassifier net = ZOO.get("resnet18").build(ModelOptions.classes(2));
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            NDArray x = manager.randomNormal(new Shape(1, 3, 64, 64));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new GradCam(net).maps(x, CamTarget.group(List.of(0, 1))));
            assertTrue(e.getMessage().contains("proper subset"), e.getMessage());
        }
    }
}
