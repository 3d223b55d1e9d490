package io.gaikan.train;

import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.EpochRecord;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A finished run: its directory, per-epoch history and test metrics per task (main task first; empty without a test set). */
public record TrainResult(Path runDir, List<EpochRecord> history, Map<String, ClassificationMetrics> testMetrics) {

    public ClassificationMetrics mainMetrics() {
        return testMetrics.isEmpty() ? null : testMetrics.values().iterator().next();
    }
}
