package io.gaikan.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaikan.train.RunInfo;
import io.gaikan.train.TrainedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code GET /v1/model}: what the served run is (model, method, input size, classes of every task, normal classes),
 * the verdict settings, the request limits, the run's test metrics and its operating curve (miss rate against
 * over-detection as the defect threshold moves, from the run's test split), which the page draws.
 */
final class ModelDescription {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelDescription() {
    }

    static ObjectNode of(TrainedModel model, ServeSettings settings) throws IOException {
        RunInfo info = model.info();
        Path run = settings.run();
        ObjectNode out = JSON.createObjectNode();
        out.put("run", run.toAbsolutePath().normalize().getFileName().toString());
        out.put("method", info.config().method());
        out.put("model", info.config().model());
        out.put("input_size", info.inputSize());
        out.putPOJO("classes", info.classes());
        out.putPOJO("normal_classes", info.normalClasses());
        out.putPOJO("tasks", info.tasks());
        if (settings.defectThreshold() == null) {
            out.putNull("threshold");
        } else {
            out.put("threshold", settings.defectThreshold());
        }
        out.put("default_verdict", settings.defectThreshold() != null ? "defect score >= threshold"
                : "the most probable class's group (normal or defect)");
        if (settings.reviewBand() == null) {
            out.putNull("review_band");
        } else {
            out.putArray("review_band").add(settings.reviewBand().low()).add(settings.reviewBand().high());
        }
        out.putObject("limits").put("max_request_bytes", settings.maxRequestBytes()).put("max_pixels", settings.maxPixels())
                .put("max_images", settings.maxImages()).put("batch_size", settings.batchSize())
                .put("batch_wait_ms", settings.batchWaitMillis());
        Path metrics = run.resolve("metrics.json");
        out.set("metrics", Files.exists(metrics) ? JSON.readTree(metrics.toFile()) : null);
        out.set("operating_curve", curve(run.resolve("operating-curve.csv")));
        return out;
    }

    /** The run's operating-curve.csv as [{threshold, miss_rate, over_detection_rate}], or null without one. */
    private static JsonNode curve(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return null;
        }
        List<String> lines = Files.readAllLines(csv);
        ArrayNode points = JSON.createArrayNode();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f.length >= 3) {
                points.addObject().put("threshold", Double.parseDouble(f[0])).put("miss_rate", Double.parseDouble(f[1]))
                        .put("over_detection_rate", Double.parseDouble(f[2]));
            }
        }
        return points;
    }
}
