package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.weights.LoadReport;
import io.gaikan.model.weights.SafeTensors;
import io.gaikan.model.weights.Tensor;
import io.gaikan.model.weights.WeightLoader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Model and optimiser state on disk, both as safetensors (atomically replaced, so a run killed while saving keeps
 * the previous file). Model files carry timm names and load anywhere {@code --init FILE} is accepted.
 */
public final class ModelState {

    private ModelState() {
    }

    /** Saves the model's parameters; a model with a NaN or infinite value is refused, so none is ever written. */
    public static void saveModel(ImageClassifier model, Path file) throws IOException {
        String bad = firstNonFinite(model);
        if (bad != null) {
            throw new TrainingDivergedException("not saving " + file + ": parameter " + bad
                    + " holds NaN or infinite values (training diverged: lower --lr)");
        }
        WeightLoader.save(model, file);
    }

    /**
     * Restores a model saved by this project; unlike {@code --init}, nothing may be missing or re-initialised, and a
     * file with NaN or infinite weights is refused (it would judge every image alike, with NaN probabilities).
     */
    public static void restoreModel(ImageClassifier model, Path file) throws IOException {
        LoadReport report = WeightLoader.load(model, file);
        if (!report.reinitialised().isEmpty()) {
            throw new IllegalArgumentException(file + " does not match the model: " + report.summary());
        }
        String bad = firstNonFinite(model);
        if (bad != null) {
            throw new IllegalArgumentException(file + ": parameter " + bad + " holds NaN or infinite values; "
                    + "the model is unusable (train it again with a lower --lr)");
        }
    }

    /** The name of the first parameter with a NaN or infinite value, or null. */
    static String firstNonFinite(ImageClassifier model) {
        for (Map.Entry<String, ai.djl.nn.Parameter> e : io.gaikan.model.ParameterNames.of(model).entrySet()) {
            NDArray a = e.getValue().getArray();
            try (NDArray infinite = a.isInfinite(); NDArray nan = a.isNaN(); NDArray either = infinite.logicalOr(nan);
                 NDArray any = either.any()) {
                if (any.getBoolean()) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    public static void saveTensors(Map<String, NDArray> tensors, Path file) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((name, array) -> out.put(name, Tensor.of(array)));
        SafeTensors.write(file, out);
    }

    /** The float32 tensors of a safetensors file, by name, placed in {@code manager}. */
    public static Map<String, NDArray> readTensors(Path file, NDManager manager) throws IOException {
        Map<String, NDArray> out = new LinkedHashMap<>();
        SafeTensors.read(file).forEach((name, t) -> {
            if (t.dtype() == Tensor.DType.F32) {
                out.put(name, manager.create(t.floats(), t.djlShape()));
            }
        });
        return out;
    }
}
