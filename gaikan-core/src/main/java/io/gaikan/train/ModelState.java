package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ParameterNames;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named tensors as safetensors files (DJL's own encoder), written atomically: a run killed while saving keeps the
 * previous file intact.
 */
public final class ModelState {

    private ModelState() {
    }

    public static void write(Map<String, NDArray> tensors, Path file) throws IOException {
        NDList list = new NDList(tensors.size());
        tensors.forEach((name, array) -> {
            array.setName(name);
            list.add(array);
        });
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            list.encode(out, NDList.Encoding.SAFETENSORS);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Tensors by name, placed in {@code manager}. */
    public static Map<String, NDArray> read(Path file, NDManager manager) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            NDList list = NDList.decode(manager, in);
            Map<String, NDArray> out = new LinkedHashMap<>();
            for (NDArray a : list) {
                out.put(a.getName(), a);
            }
            return out;
        }
    }

    public static Map<String, NDArray> parameters(ImageClassifier model) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        ParameterNames.of(model).forEach((name, p) -> out.put(name, p.getArray()));
        return out;
    }

    /** Copies every saved tensor into the parameter of the same name; the names must match exactly. */
    public static void restoreExactly(ImageClassifier model, Map<String, NDArray> saved, Path source) {
        Map<String, Parameter> params = ParameterNames.of(model);
        if (!params.keySet().equals(saved.keySet())) {
            throw new IllegalArgumentException("checkpoint " + source + " does not match the model: "
                    + params.size() + " parameters vs " + saved.size() + " saved tensors");
        }
        params.forEach((name, p) -> saved.get(name).copyTo(p.getArray()));
    }
}
