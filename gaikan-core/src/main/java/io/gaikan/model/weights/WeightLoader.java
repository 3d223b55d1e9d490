package io.gaikan.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ParameterNames;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a name-to-tensor checkpoint into an initialised {@link ImageClassifier} by timm parameter name, and saves a
 * model the same way (Gaikan's model file = a timm-named safetensors file).
 *
 * <p>Every name and shape is checked before any value is copied, so a failed load leaves the model unchanged.
 * Head tensors ({@link ImageClassifier#headPrefixes()}) whose shape differs or that are absent (a new class count,
 * auxiliary heads) are left freshly initialised and reported; a checkpoint's auxiliary heads the model lacks are
 * ignored and reported; every other difference is an error.
 */
public final class WeightLoader {

    private static final NDIndex ALL = new NDIndex("...");
    private static final String BATCHES_TRACKED = "num_batches_tracked";
    private static final List<NameAlias> ALIASES = List.of(new TorchvisionVggAlias(), new TorchvisionMobileNetV2Alias());

    private WeightLoader() {
    }

    public static LoadReport load(ImageClassifier model, Path file) throws IOException {
        return load(model, SafeTensors.read(file), file.toString());
    }

    public static LoadReport load(ImageClassifier model, Map<String, Tensor> checkpoint) {
        return load(model, checkpoint, "checkpoint");
    }

    private static LoadReport load(ImageClassifier model, Map<String, Tensor> checkpoint, String source) {
        Map<String, ImageClassifier> parts = model.backboneParts();
        if (!parts.isEmpty() && checkpoint.keySet().stream().noneMatch(n -> parts.keySet().stream().anyMatch(p -> n.startsWith(p + ".")))) {
            return loadIntoEveryPart(model, parts, checkpoint, source);
        }
        Map<String, Parameter> params = ParameterNames.of(model);
        Map<String, long[]> modelShapes = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            if (!e.getValue().isInitialized()) {
                throw new IllegalStateException("initialise the model before loading weights (" + e.getKey() + " has no value)");
            }
            modelShapes.put(e.getKey(), e.getValue().getArray().getShape().getShape());
        }

        List<String> ignored = new ArrayList<>();
        Map<String, Tensor> named = new LinkedHashMap<>();
        // A backbone built without heads has no use for the pretrained model's classifier.
        String unusedClassifier = model.options().isBackbone() && !model.classifierName().isEmpty()
                ? model.classifierName() + "." : null;
        for (Map.Entry<String, Tensor> e : checkpoint.entrySet()) {
            // the auxiliary heads of a multi-task pretraining (e.g. CG family, lighting) serve only that pretext
            boolean unusedAuxHead = e.getKey().startsWith(ImageClassifier.AUX_HEAD_PREFIX)
                    && !modelShapes.containsKey(e.getKey());
            if (e.getKey().endsWith(BATCHES_TRACKED) || unusedAuxHead
                    || unusedClassifier != null && e.getKey().startsWith(unusedClassifier) && !modelShapes.containsKey(e.getKey())) {
                ignored.add(e.getKey());
            } else {
                named.put(e.getKey(), e.getValue());
            }
        }
        NameAlias alias = ALIASES.stream().filter(a -> a.appliesTo(named.keySet(), modelShapes)).findFirst().orElse(null);

        // timm name -> (checkpoint name, tensor)
        Map<String, NameAlias.Renamed> byTarget = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        List<String> unexpected = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : named.entrySet()) {
            NameAlias.Renamed r = alias == null ? new NameAlias.Renamed(e.getKey(), e.getValue())
                    : alias.rename(e.getKey(), e.getValue(), modelShapes);
            if (r == null || !modelShapes.containsKey(r.name()) || byTarget.containsKey(r.name())) {
                unexpected.add(e.getKey());
            } else {
                byTarget.put(r.name(), r);
                origin.put(r.name(), e.getKey());
            }
        }

        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        List<String> reinitialised = new ArrayList<>();
        List<String> headsToReset = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        for (Map.Entry<String, long[]> e : modelShapes.entrySet()) {
            String name = e.getKey();
            boolean head = model.headPrefixes().stream().anyMatch(name::startsWith);
            NameAlias.Renamed r = byTarget.get(name);
            if (r == null) {
                if (head) {
                    reinitialised.add(name + " (not in checkpoint)");
                    headsToReset.add(name);
                } else {
                    missing.add(name);
                }
            } else if (!Arrays.equals(r.tensor().shape(), e.getValue()) || r.tensor().dtype() == Tensor.DType.I64) {
                String what = origin.get(name) + ": checkpoint " + r.tensor().dtype() + r.tensor().shapeString()
                        + " vs model " + Arrays.toString(e.getValue());
                if (head) {
                    reinitialised.add(what);
                    headsToReset.add(name);
                } else {
                    mismatched.add(what);
                }
            } else {
                loaded.add(name);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !mismatched.isEmpty()) {
            throw new WeightMismatchException(source, model.getClass().getSimpleName(), missing, unexpected, mismatched);
        }

        List<String> consumed = new ArrayList<>();
        for (String name : loaded) {
            copyInto(params.get(name).getArray(), byTarget.get(name).tensor().floats());
            consumed.add(origin.get(name));
        }
        for (String name : headsToReset) {
            reinitialise(params.get(name));
        }
        return new LoadReport(alias == null ? "timm names" : alias.description(), consumed, loaded, ignored, reinitialised);
    }

    /**
     * A single backbone's checkpoint (e.g. ImageNet weights) into each part of a composite model: every part must
     * take it whole, as a plain model would. The composite's own layers keep their fresh initialisation.
     */
    private static LoadReport loadIntoEveryPart(ImageClassifier model, Map<String, ImageClassifier> parts,
                                                Map<String, Tensor> checkpoint, String source) {
        List<String> consumed = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        String naming = null;
        for (Map.Entry<String, ImageClassifier> part : parts.entrySet()) {
            LoadReport r = load(part.getValue(), checkpoint, source + " (into " + part.getKey() + ")");
            naming = r.naming() + " into " + String.join(" and ", parts.keySet());
            r.consumed().stream().filter(n -> !consumed.contains(n)).forEach(consumed::add);
            r.ignored().stream().filter(n -> !ignored.contains(n)).forEach(ignored::add);
            r.loaded().forEach(n -> loaded.add(part.getKey() + "." + n));
        }
        List<String> fresh = new ArrayList<>();
        for (String name : ParameterNames.of(model).keySet()) {
            if (!loaded.contains(name)) {
                fresh.add(name + " (not in checkpoint)");
            }
        }
        return new LoadReport(naming, consumed, loaded, ignored, fresh);
    }

    /** Writes every parameter and BN statistic under its timm name (plus timm's num_batches_tracked = 0). */
    public static void save(ImageClassifier model, Path file) throws IOException {
        SafeTensors.write(file, stateDict(model));
    }

    /** The model's parameters as a timm-style state dict, in the model's order. */
    public static Map<String, Tensor> stateDict(ImageClassifier model) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : ParameterNames.of(model).entrySet()) {
            out.put(e.getKey(), Tensor.of(e.getValue().getArray()));
            if (e.getKey().endsWith(".running_var")) {
                String prefix = e.getKey().substring(0, e.getKey().length() - "running_var".length());
                out.put(prefix + BATCHES_TRACKED, Tensor.i64Scalar(0));
            }
        }
        return out;
    }

    private static void copyInto(NDArray target, FloatBuffer values) {
        if (target.getDataType() != DataType.FLOAT32) {
            throw new IllegalStateException("parameter " + target.getName() + " is " + target.getDataType() + ", not float32");
        }
        // an in-place copy (index_put) rather than NDArray.set(Buffer), which re-points the tensor's storage
        try (NDArray source = target.getManager().create(values, target.getShape())) {
            target.set(ALL, source);
        }
    }

    private static void reinitialise(Parameter p) {
        NDArray array = p.getArray();
        try (NDManager scratch = array.getManager().newSubManager()) {
            NDArray fresh = p.getInitializer().initialize(scratch, array.getShape(), array.getDataType());
            copyInto(array, FloatBuffer.wrap(fresh.toFloatArray()));
        }
    }
}
