package io.gaikan.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaikan.text.JsonNumbers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an anomaly-detection run keeps beside run.json: {@code model.safetensors} (the backbone, so the run does not
 * depend on where ImageNet weights were found), the detector's own tensors, and {@code anomaly.json} (this record).
 *
 * @param method         the detector ({@code patchcore}, {@code padim})
 * @param stages         the backbone stages of the patch features
 * @param threshold      the defect threshold on the anomaly score, its scale and how it was chosen
 * @param trainingImages normal images the detector was fitted on
 * @param sizes          the detector's sizes (memory bank, feature dimensions)
 */
record AnomalyFiles(String method, List<String> stages, AnomalyThreshold threshold, int trainingImages,
                    Map<String, Long> sizes) {

    static final String SETTINGS = "anomaly.json";

    private static final ObjectMapper JSON = JsonNumbers.mapper().build();

    void write(Path runDir) throws IOException {
        JSON.writeValue(runDir.resolve(SETTINGS).toFile(), this);
    }

    static AnomalyFiles read(Path runDir) throws IOException {
        Path file = runDir.resolve(SETTINGS);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("run " + runDir + " has no " + SETTINGS + " (not finished? train it again)");
        }
        return JSON.readValue(file.toFile(), AnomalyFiles.class);
    }
}
