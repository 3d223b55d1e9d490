package io.gaikan.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a PatchCore run keeps beside run.json: {@code model.safetensors} (the backbone, so the run does not depend on
 * where ImageNet weights were found), {@code memory-bank.safetensors} and {@code patchcore.json} (this record).
 *
 * @param stages          the backbone stages of the patch features
 * @param threshold       the defect threshold on the anomaly score, its scale and how it was chosen
 * @param trainingImages  normal images the bank was built from
 * @param trainingPatches their patches, before the coreset
 * @param bankSize        patches in the bank
 */
record PatchCoreFiles(List<String> stages, AnomalyThreshold threshold, int trainingImages, long trainingPatches,
                      long bankSize) {

    static final String MODEL = "model.safetensors";
    static final String BANK = "memory-bank.safetensors";
    static final String BANK_TENSOR = "bank";
    static final String SETTINGS = "patchcore.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    void write(Path runDir) throws IOException {
        JSON.writeValue(runDir.resolve(SETTINGS).toFile(), this);
    }

    static PatchCoreFiles read(Path runDir) throws IOException {
        Path file = runDir.resolve(SETTINGS);
        if (!file.toFile().isFile()) {
            throw new IllegalArgumentException("run " + runDir + " has no " + SETTINGS + " (not finished? train it again)");
        }
        return JSON.readValue(file.toFile(), PatchCoreFiles.class);
    }
}
