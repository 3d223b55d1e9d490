package io.gaikan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StageFeaturesTest {

    private static final ModelRegistry ZOO = ModelRegistry.defaults();

    @Test
    void resnetStagesEndInTheFeatureMap() {
        checkStages("resnet18", List.of("layer1", "layer2", "layer3", "layer4"),
                List.of("layer2", "layer4"), new long[][]{{2, 128, 8, 8}, {2, 512, 2, 2}});
    }

    @Test
    void mobilenetStagesEndInTheFeatureMap() {
        checkStages("mobilenetv2_100", List.of("blocks.0", "blocks.1", "blocks.2", "blocks.3", "blocks.4", "blocks.5",
                "blocks.6", "conv_head"), List.of("blocks.2", "conv_head"), new long[][]{{2, 32, 8, 8}, {2, 1280, 2, 2}});
    }

    @Test
    void logitsFromAStageEqualTheWholeForwardAndGradCamStagesAreAtStride16() {
        for (String model : List.of("resnet18", "mobilenetv2_100", "efficientnet_b0")) {
            ImageClassifier net = ZOO.get(model).build(ModelOptions.classes(3));
            try (NDManager manager = NDManager.newBaseManager()) {
                net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
                NDArray x = manager.randomNormal(new Shape(2, 3, 64, 64));
                ParameterStore ps = new ParameterStore(manager, false);
                String stage = net.camStage();
                NDArray map = net.forwardStages(ps, x, List.of(stage), false).singletonOrThrow();
                assertArrayEquals(new long[]{64 / 16, 64 / 16}, new long[]{map.getShape().get(2), map.getShape().get(3)},
                        model + " " + stage + " is not at stride 16");
                NDArray fromStage = net.forwardFromStage(ps, stage, map, false).singletonOrThrow();
                NDArray whole = net.forward(ps, new NDList(x), false).singletonOrThrow();
                assertEquals(0f, whole.sub(fromStage).abs().max().getFloat(), 1e-4f, model + " from " + stage);
            }
        }
    }

    private static void checkStages(String model, List<String> stages, List<String> asked, long[][] shapes) {
        ImageClassifier net = ZOO.get(model).build(ModelOptions.classes(2));
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            assertEquals(stages, net.stageNames());
            NDArray x = manager.randomNormal(new Shape(2, 3, 64, 64));
            ParameterStore ps = new ParameterStore(manager, false);
            NDList maps = net.forwardStages(ps, x, asked, false);
            for (int i = 0; i < shapes.length; i++) {
                assertArrayEquals(shapes[i], maps.get(i).getShape().getShape(), asked.get(i));
            }
            NDArray whole = net.forwardFeatureMap(ps, x, false);
            assertEquals(0f, whole.sub(maps.get(1)).abs().max().getFloat(), 1e-5f, "the last stage is the feature map");
            assertThrows(IllegalArgumentException.class, () -> net.forwardStages(ps, x, List.of("layer9"), false));
        }
    }
}
