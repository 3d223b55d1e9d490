package io.gaikan.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

import java.util.Arrays;
import java.util.Locale;

/**
 * Throughput of zoo models (a program, not a test): images/s of eval forward and of training forward+backward on
 * random data. Run with the test classpath, e.g.
 * <pre>
 * mvn -o -q -pl gaikan-core test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1 \
 *   -cp gaikan-core/target/classes:gaikan-core/target/test-classes:$(cat /tmp/cp.txt) \
 *   io.gaikan.model.ZooBenchmark mobilenetv2_100,efficientnet_b0 32 224 3 10
 * </pre>
 * Arguments: models, batch, size, warm-up iterations, timed iterations. Prints the median iteration as images/s.
 */
public final class ZooBenchmark {

    private ZooBenchmark() {
    }

    public static void main(String[] args) {
        String[] models = (args.length > 0 ? args[0] : "mobilenetv2_100,efficientnet_b0").split(",");
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 224;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int iterations = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        System.out.printf(Locale.ROOT, "engine %s, batch %d, %dx%d px, %d warm-up + %d timed iterations (median)%n",
                Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion(), batch, size, size,
                warmup, iterations);
        for (String name : models) {
            ImageClassifier model = ModelRegistry.defaults().get(name).build(ModelOptions.classes(1000));
            try (NDManager manager = NDManager.newBaseManager()) {
                model.initialize(manager, DataType.FLOAT32, new Shape(batch, 3, size, size));
                NDArray x = manager.randomNormal(new Shape(batch, 3, size, size));
                NDArray labels = manager.randomInteger(0, 1000, new Shape(batch), DataType.INT32);
                double forward = median(warmup, iterations, () -> {
                    try (NDManager step = manager.newSubManager()) {
                        model.forward(new ParameterStore(step, false), new NDList(x), false).get(0).toFloatArray();
                    }
                });
                Loss loss = Loss.softmaxCrossEntropyLoss();
                double train = median(warmup, iterations, () -> {
                    try (NDManager step = manager.newSubManager();
                         GradientCollector collector = manager.getEngine().newGradientCollector()) {
                        NDList logits = model.forward(new ParameterStore(step, false), new NDList(x), true);
                        NDArray l = loss.evaluate(new NDList(labels), new NDList(logits.get(0)));
                        collector.backward(l);
                    }
                });
                System.out.printf(Locale.ROOT, "%-16s forward %7.1f img/s (%.3f s/batch)   forward+backward %7.1f img/s (%.3f s/batch)%n",
                        name, batch / forward, forward, batch / train, train);
            }
        }
    }

    private static double median(int warmup, int iterations, Runnable step) {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] seconds = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            step.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[iterations / 2];
    }
}
