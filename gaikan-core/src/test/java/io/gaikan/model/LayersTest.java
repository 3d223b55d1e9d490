package io.gaikan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.gaikan.model.layers.BatchNorm2d;
import io.gaikan.model.layers.Conv2dLayer;
import io.gaikan.model.layers.NamedSequential;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class LayersTest {

    @Test
    void parameterNamesFollowPyTorchPaths() {
        NamedSequential net = new NamedSequential()
                .add("conv1", Conv2dLayer.plain(3, 4, 3, 1))
                .add("bn1", new BatchNorm2d(4));
        NamedSequential blocks = new NamedSequential();
        for (int i = 0; i < 12; i++) {
            blocks.add(new BatchNorm2d(4));
        }
        net.add("blocks", blocks);
        var names = ParameterNames.of(net).keySet();
        assertEquals("conv1.weight", names.iterator().next());
        org.junit.jupiter.api.Assertions.assertTrue(names.contains("bn1.running_var"));
        org.junit.jupiter.api.Assertions.assertTrue(names.contains("blocks.11.running_mean"), names.toString());
        org.junit.jupiter.api.Assertions.assertTrue(names.contains("blocks.0.weight"));
    }

    @Test
    void batchNormTrainsStatisticsUnlessFrozen() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BatchNorm2d bn = new BatchNorm2d(2);
            bn.initialize(manager, DataType.FLOAT32, new Shape(4, 2, 3, 3));
            NDArray x = manager.arange(72f).reshape(4, 2, 3, 3);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray mean = ParameterNames.of(bn).get("running_mean").getArray();
            bn.forward(ps, new NDList(x), true);
            float[] afterTraining = mean.toFloatArray();
            assertNotEquals(0f, afterTraining[0]);
            // torch: running_mean = 0.9 * 0 + 0.1 * batch_mean; channel 0 mean over 4 samples of 9 values.
            double batchMean0 = (4 + 22 + 40 + 58) / 4.0;
            assertEquals(0.1 * batchMean0, afterTraining[0], 1e-4);

            bn.freezeParameters(true);
            bn.forward(ps, new NDList(x), true);
            assertArrayEquals(afterTraining, mean.toFloatArray());
        }
    }
}
