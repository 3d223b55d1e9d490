package io.gaikan.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.gaikan.data.Sample;
import io.gaikan.data.Task;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ParameterNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One optimiser step on a batch: forward, the tasks' weighted losses, backward, gradient clipping and the update of
 * every trainable tensor (timm's train step). The trainer runs it per batch and {@code StepBenchmark} times exactly
 * this, so the benchmark cannot drift from what training does.
 */
public final class TrainingStep {

    private final Map<String, Parameter> trainable;
    private final List<Task> tasks;
    private final List<float[]> classWeights;
    private final Optimizer optimizer;
    private final float smoothing;
    private final float clip;

    /**
     * @param classWeights per task the weight of each class (null: unweighted)
     */
    public TrainingStep(ImageClassifier model, List<Task> tasks, List<float[]> classWeights, Optimizer optimizer,
                        float smoothing, float clip) {
        this.trainable = trainableParameters(model);
        this.tasks = tasks;
        this.classWeights = classWeights;
        this.optimizer = optimizer;
        this.smoothing = smoothing;
        this.clip = clip;
    }

    /** The step's loss and main-task {correct, labelled}; a non-finite loss leaves the weights as they were. */
    public record Result(float loss, int correct, int labelled) {
        public boolean finite() {
            return Float.isFinite(loss);
        }
    }

    /** Trainable tensors by name, as the optimiser state names them. */
    public int trainableCount() {
        return trainable.size();
    }

    /**
     * @param forward the batch's logits per task in training mode (the whole network, or the heads on cached features)
     * @param step    a manager closed by the caller after the step: the batch's intermediate arrays go there
     */
    public Result run(NDArray x, int[][] labels, Function<NDArray, NDList> forward, float lr, NDManager step) {
        NDList logits;
        NDArray loss;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            logits = forward.apply(x);
            loss = totalLoss(step, logits, labels, tasks, smoothing, classWeights);
            collector.backward(loss);
        }
        float value = loss.getFloat();
        int[] hits = hits(logits.get(0), labels[0]);
        if (Float.isFinite(value)) {
            applyGradients(lr, step);
        }
        return new Result(value, hits[0], hits[1]);
    }

    private void applyGradients(float lr, NDManager step) {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : trainable.entrySet()) {
            NDArray g = e.getValue().getArray().getGradient();
            g.attach(step);
            grads.put(e.getKey(), g);
        }
        float scale = 1f;
        if (clip > 0) {
            double sq = 0;
            for (NDArray g : grads.values()) {
                sq += g.square().sum().getFloat();
            }
            double norm = Math.sqrt(sq);
            if (norm > clip) {
                scale = (float) (clip / (norm + 1e-6));
            }
        }
        for (Map.Entry<String, Parameter> e : trainable.entrySet()) {
            NDArray w = e.getValue().getArray();
            NDArray g = grads.get(e.getKey());
            if (scale != 1f) {
                g.muli(scale);
            }
            optimizer.update(e.getKey(), w, g, lr, w.getShape().dimension() > 1);
            g.subi(g);
        }
    }

    /** Per task, the balanced class weights of the training images' labels ({@link Losses#balancedWeights}). */
    static List<float[]> balancedClassWeights(List<Sample> samples, List<Task> tasks) {
        List<float[]> weights = new ArrayList<>();
        for (Task task : tasks) {
            int[] counts = new int[task.classes().size()];
            for (Sample sample : samples) {
                int label = task.labeler().applyAsInt(sample);
                if (label >= 0) {
                    counts[label]++;
                }
            }
            weights.add(Losses.balancedWeights(counts));
        }
        return weights;
    }

    static Map<String, Parameter> trainableParameters(ImageClassifier model) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        ParameterNames.of(model).forEach((name, p) -> {
            if (p.requiresGradient()) {
                out.put(name, p);
            }
        });
        return out;
    }

    /** {correct, labelled} of a batch's main-task predictions. */
    private static int[] hits(NDArray logits, int[] labels) {
        long[] predicted = logits.argMax(1).toLongArray();
        int correct = 0, labelled = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                labelled++;
                correct += predicted[i] == labels[i] ? 1 : 0;
            }
        }
        return new int[]{correct, labelled};
    }

    static NDArray totalLoss(NDManager manager, NDList logits, int[][] labels, List<Task> tasks, float smoothing) {
        return totalLoss(manager, logits, labels, tasks, smoothing, null);
    }

    /** @param classWeights per task the weight of each class (null: unweighted) */
    static NDArray totalLoss(NDManager manager, NDList logits, int[][] labels, List<Task> tasks, float smoothing,
                             List<float[]> classWeights) {
        NDArray total = null;
        for (int t = 0; t < tasks.size(); t++) {
            NDArray loss = Losses.crossEntropy(manager, logits.get(t), labels[t], smoothing,
                    classWeights == null ? null : classWeights.get(t));
            if (loss == null) {
                continue;
            }
            NDArray weighted = loss.mul(tasks.get(t).weight());
            total = total == null ? weighted : total.add(weighted);
        }
        return total != null ? total : logits.get(0).sum().mul(0f);
    }
}
