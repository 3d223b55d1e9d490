package io.gaikan.anomaly;

import io.gaikan.train.RunLayout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an anomaly-detection run keeps beside run.json: {@code model.safetensors} (the backbone, so the run does not
 * depend on where ImageNet weights were found), the detector's own tensors, and {@code anomaly.json} (this record).
 *
 * @param method         the detector ({@code patchcore}, {@code padim})
 * @param stages         the backbone stages of the patch features
 * @param upsampling     how coarser stages were brought to the first stage's grid (absent in runs fitted before it
 *                       was recorded: {@code NEAREST})
 * @param threshold      the defect threshold on the anomaly score, its scale and how it was chosen
 * @param trainingImages normal images the detector was fitted on
 * @param sizes          the detector's sizes (memory bank, feature dimensions)
 */
record AnomalyFiles(String method, List<String> stages, PatchFeatures.Upsampling upsampling, AnomalyThreshold threshold,
                    int trainingImages, Map<String, Long> sizes) {

    static final String SETTINGS = "anomaly.json";

    void write(Path runDir) throws IOException {
        new RunLayout(runDir).writeMethodFile(SETTINGS, this);
    }

    static AnomalyFiles read(Path runDir) throws IOException {
        return new RunLayout(runDir).readMethodFile(SETTINGS, AnomalyFiles.class);
    }

    PatchFeatures.Upsampling upsamplingOrOld() {
        return upsampling == null ? PatchFeatures.Upsampling.NEAREST : upsampling;
    }
}
