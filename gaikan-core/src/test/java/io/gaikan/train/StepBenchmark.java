package io.gaikan.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.gaikan.data.Task;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Images per second of the trainer's own training step (forward, loss, backward, SGD with momentum and weight decay)
 * and of inference, on random data: the Gaikan half of {@code bench/run-vs-pytorch.sh}, whose PyTorch half
 * ({@code bench/pytorch_bench.py}) does the same work in PyTorch eager. A program, not a test:
 * <pre>
 * java -cp ... io.gaikan.train.StepBenchmark --models resnet18 --batch 32 --size 224 --warmup 1 --iters 3
 * </pre>
 * Prints one {@code RESULT gaikan <model> <train|infer> <img/s> <s/iter> <cpu s/iter>} line per measurement (median
 * iteration; the process CPU time per iteration is the steadier number on a machine shared with other work).
 * {@code --profile FILE} instead writes the engine profiler's Chrome trace of one iteration of the first of
 * {@code --modes};
 * {@code --unfreeze-from LAYER} trains only from that layer on (partial fine-tuning, e.g. {@code layer3}).
 */
public final class StepBenchmark {

    private StepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        List<String> models = List.of(opt.getOrDefault("models", "resnet18").split(","));
        int batch = Integer.parseInt(opt.getOrDefault("batch", "32"));
        int size = Integer.parseInt(opt.getOrDefault("size", "224"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "1"));
        int iters = Integer.parseInt(opt.getOrDefault("iters", "3"));
        List<String> modes = List.of(opt.getOrDefault("modes", "train,infer").split(","));
        String profile = opt.get("profile");
        String unfreezeFrom = opt.get("unfreeze-from");
        System.out.printf(Locale.ROOT, "# gaikan: %s %s, intra-op threads %d, inter-op threads %d, batch %d, %d px%n",
                Engine.getInstance().getEngineName(), Engine.getInstance().getVersion(), JniUtils.getNumThreads(),
                JniUtils.getNumInteropThreads(), batch, size);
        for (String name : models) {
            try (NDManager manager = NDManager.newBaseManager()) {
                ImageClassifier model = ModelRegistry.defaults().get(name).build(ModelOptions.classes(1000));
                Engine.getInstance().setRandomSeed(1);
                model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, size, size));
                if (unfreezeFrom != null) {
                    model.freezeBackboneBefore(Phase.unfreezeIndex(unfreezeFrom, model));
                }
                NDArray x = manager.randomNormal(new Shape(batch, 3, size, size));
                int[][] labels = {new Random(1).ints(batch, 0, 1000).toArray()};
                Step train = trainStep(model, manager, x, labels);
                if (profile != null) {
                    Step profiled = modes.get(0).equals("infer") ? inferStep(model, manager, x) : train;
                    profiled.run();
                    JniUtils.startProfile(false, true, false);
                    profiled.run();
                    JniUtils.stopProfile(profile);
                    System.out.println("# wrote " + profile);
                    continue;
                }
                for (String mode : modes) {
                    Step step = mode.equals("train") ? train : inferStep(model, manager, x);
                    double[] seconds = median(step, warmup, iters);
                    String label = unfreezeFrom != null && mode.equals("train") ? "train-from-" + unfreezeFrom : mode;
                    System.out.printf(Locale.ROOT, "RESULT gaikan %s %s %.3f %.4f %.4f%n", name, label, batch / seconds[0],
                            seconds[0], seconds[1]);
                }
            }
        }
    }

    private interface Step {
        void run();
    }

    /** Exactly what {@link Trainer} does per batch, with plain SGD (lr 1e-3, momentum 0.9, weight decay 1e-4). */
    private static Step trainStep(ImageClassifier model, NDManager manager, NDArray x, int[][] labels) {
        ParameterStore ps = new ParameterStore(manager, false);
        TrainConfig config = TrainConfig.builder().optimizer(OptimizerKind.SGD).momentum(0.9f).weightDecay(1e-4f).build();
        Optimizer sgd = config.optimizer().create(config, manager);
        List<Task> tasks = List.of(Task.of("main", IntStream.range(0, 1000).mapToObj(Integer::toString).toList(), 1f));
        TrainingStep trainingStep = new TrainingStep(model, tasks, null, sgd, 0f, 0f);
        return () -> {
            try (NDManager step = manager.newSubManager()) {
                trainingStep.run(x, labels, images -> model.forward(ps, new NDList(images), true), 1e-3f, step);
            }
        };
    }

    private static Step inferStep(ImageClassifier model, NDManager manager, NDArray x) {
        ParameterStore ps = new ParameterStore(manager, false);
        return () -> {
            try (NDManager step = manager.newSubManager()) {
                model.forward(ps, new NDList(x), false).get(0).toFloatArray();
            }
        };
    }

    /** {median wall seconds, median process CPU seconds} per iteration. */
    private static double[] median(Step step, int warmup, int iters) {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] seconds = new double[iters];
        double[] cpu = new double[iters];
        for (int i = 0; i < iters; i++) {
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            step.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (os.getProcessCpuTime() - cpuStart) / 1e9;
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        return new double[]{seconds[iters / 2], cpu[iters / 2]};
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            out.put(args[i].substring(2), args[i + 1]);
        }
        return out;
    }
}
