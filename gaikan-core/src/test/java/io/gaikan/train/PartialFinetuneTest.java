package io.gaikan.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaikan.data.Task;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.ParameterNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --unfreeze-from layer3} on ResNet-18: the backward pass must stop at layer3. The engine's profiler shows which
 * backward functions autograd ran, so a recorded frozen prefix would show up as extra convolution backwards; and no
 * frozen parameter may ever get a gradient tensor.
 */
class PartialFinetuneTest {

    @Test
    void backwardStopsAtTheFirstTrainableLayer(@TempDir Path tmp) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageClassifier model = ModelRegistry.defaults().get("resnet18").build(ModelOptions.classes(3));
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            int first = Phase.unfreezeIndex("layer3", model);
            model.freezeBackboneBefore(first);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(4, 3, 32, 32));
            Path trace = tmp.resolve("backward.json");
            try (NDManager step = manager.newSubManager();
                 GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList logits = model.forward(ps, new NDList(x), true);
                NDArray loss = TrainingStep.totalLoss(step, logits, new int[][]{{0, 1, 2, 0}},
                        List.of(Task.of("main", List.of("a", "b", "c"), 1f)), 0f);
                JniUtils.startProfile(false, false, false);
                collector.backward(loss);
                JniUtils.stopProfile(trace.toString());
            }
            List<Pair<String, Block>> layers = model.backboneLayers();
            assertEquals(convolutions(layers.subList(first, layers.size())), count(trace, "ConvolutionBackward0"),
                    "backward must run through the convolutions from layer3 on, and only those");
            assertTrue(convolutions(layers.subList(0, first)) > 5, "the frozen prefix has convolutions");

            int trained = 0;
            int frozen = 0;
            for (Map.Entry<String, Parameter> e : ParameterNames.of(model).entrySet()) {
                String name = e.getKey();
                PtNDArray array = (PtNDArray) e.getValue().getArray();
                boolean trainable = name.startsWith("layer3.") || name.startsWith("layer4.") || name.startsWith("fc.");
                boolean statistics = name.endsWith("running_mean") || name.endsWith("running_var");
                if (trainable && !statistics) {
                    // (may be all zero at initialisation: timm zero-initialises each block's last BN gamma)
                    try (PtNDArray grad = JniUtils.getGradient(array)) {
                        assertNotNull(grad, name + " trains but got no gradient");
                    }
                    trained++;
                } else {
                    assertFalse(e.getValue().requiresGradient(), name + " should be frozen");
                    assertNull(JniUtils.getGradient(array), name + " is frozen but a gradient tensor was allocated");
                    frozen++;
                }
            }
            assertEquals(trained, count(trace, "torch::autograd::AccumulateGrad"), "one gradient per trainable tensor");
            assertTrue(trained > 20 && frozen > 40, "trained " + trained + ", frozen " + frozen);
        }
    }

    private static long convolutions(List<Pair<String, Block>> layers) {
        return layers.stream().filter(l -> l.getValue().getDirectParameters().get("weight").getShape().dimension() == 4)
                .count();
    }

    /** Backward functions of that name the engine evaluated, from its Chrome trace. */
    private static long count(Path trace, String function) throws Exception {
        JsonNode root = new ObjectMapper().readTree(trace.toFile());
        JsonNode events = root.isArray() ? root : root.get("traceEvents");
        long n = 0;
        for (JsonNode e : events) {
            if (("autograd::engine::evaluate_function: " + function).equals(e.path("name").asText())) {
                n++;
            }
        }
        return n;
    }
}
