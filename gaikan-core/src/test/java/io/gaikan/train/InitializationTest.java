package io.gaikan.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.ParameterNames;
import io.gaikan.model.weights.WeightLoader;
import io.gaikan.testing.Shared;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Detection of folded BatchNorm (identity statistics) in loaded weights. */
class InitializationTest {

    private static ImageClassifier model(String name, NDManager manager) {
        ImageClassifier model = ModelRegistry.defaults().get(name).build(ModelOptions.classes(2));
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        return model;
    }

    @Test
    void freshStatisticsAreIdentityAndOneMovedMeanIsNot() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageClassifier model = model("resnet18", manager);
            assertTrue(Initialization.hasIdentityBatchNormStatistics(model));
            ParameterNames.of(model).get("layer2.0.bn1.running_mean").getArray().addi(0.5f);
            assertFalse(Initialization.hasIdentityBatchNormStatistics(model));
        }
    }

    @Test
    void theSharedOnnxExportOfMobileNetV2HasFoldedBatchNorm() throws Exception {
        var weights = Shared.require("weights/mobilenetv2_100.imagenet.safetensors");
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageClassifier model = model("mobilenetv2_100", manager);
            WeightLoader.load(model, weights);
            assertTrue(Initialization.hasIdentityBatchNormStatistics(model), "the ONNX export folds BatchNorm");
        }
    }
}
