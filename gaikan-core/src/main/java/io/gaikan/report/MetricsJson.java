package io.gaikan.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.text.JsonNumbers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics.json}: {@link ClassificationMetrics} as pretty JSON for people and scripts. Undefined figures (NaN,
 * e.g. the group rates when no normal class is declared) are written as {@code null}, which every JSON reader accepts,
 * and read back as NaN. A multi-task run writes one object per task, keyed by task name.
 */
public final class MetricsJson {

    static final String ACCURACY = "accuracy";
    static final String PER_CLASS = "per_class_accuracy";
    static final String BALANCED = "balanced_accuracy";
    static final String DEFECT = "defect_accuracy";
    static final String NORMAL = "normal_accuracy";
    static final String MISS = "miss_rate";
    static final String OVER = "over_detection_rate";
    static final String CLASSES = "classes";
    static final String NORMAL_CLASSES = "normal_classes";
    static final String CONFUSION = "confusion";
    static final String COUNT = "count";

    private static final ObjectMapper MAPPER = JsonNumbers.mapper().build();

    private MetricsJson() {
    }

    public static String toJson(ClassificationMetrics metrics) {
        return print(node(metrics));
    }

    /** One object per task, in the map's order. */
    public static String toJson(Map<String, ClassificationMetrics> perTask) {
        ObjectNode root = MAPPER.createObjectNode();
        perTask.forEach((task, m) -> root.set(task, node(m)));
        return print(root);
    }

    public static void write(Path file, ClassificationMetrics metrics) throws IOException {
        Files.writeString(file, toJson(metrics) + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    public static void writeTasks(Path file, Map<String, ClassificationMetrics> perTask) throws IOException {
        Files.writeString(file, toJson(perTask) + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    /**
     * The {@code metrics.json} of a run or an evaluation: the plain object for a single-task model, one object per
     * task (main task first) for a multi-task one.
     */
    public static void writeRun(Path file, Map<String, ClassificationMetrics> perTask) throws IOException {
        if (perTask.size() == 1) {
            write(file, perTask.values().iterator().next());
        } else {
            writeTasks(file, perTask);
        }
    }

    /**
     * Adds figures that only some methods have (an anomaly detector's image AUROC, its threshold) to a single-task
     * {@code metrics.json}; NaN is written as null as everywhere else.
     */
    public static void addFigures(Path file, Map<String, Double> figures) throws IOException {
        ObjectNode root = (ObjectNode) parse(file);
        figures.forEach((k, v) -> JsonNumbers.put(root, k, v));
        Files.writeString(file, print(root) + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    /** A figure written by {@link #addFigures}; NaN when absent or null. */
    public static double readFigure(Path file, String name) throws IOException {
        JsonNode value = parse(file).get(name);
        return JsonNumbers.get(value);
    }

    public static ClassificationMetrics read(Path file) throws IOException {
        return fromNode(parse(file), file.toString());
    }

    /** Metrics per task: a multi-task run's file is keyed by task, a single-task run's is read as task "main". */
    public static Map<String, ClassificationMetrics> readTasks(Path file) throws IOException {
        JsonNode root = parse(file);
        if (!root.isObject()) {
            throw new IOException(file + ": expected a JSON object of task -> metrics");
        }
        if (root.has(ACCURACY)) {
            return Map.of("main", fromNode(root, file.toString()));
        }
        Map<String, ClassificationMetrics> tasks = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            tasks.put(e.getKey(), fromNode(e.getValue(), file + " task '" + e.getKey() + "'"));
        }
        return tasks;
    }

    public static ClassificationMetrics fromJson(String json) throws IOException {
        return fromNode(MAPPER.readTree(json), "metrics JSON");
    }

    private static ObjectNode node(ClassificationMetrics m) {
        ObjectNode o = MAPPER.createObjectNode();
        JsonNumbers.put(o, ACCURACY, m.accuracy());
        JsonNumbers.put(o, BALANCED, m.balancedAccuracy());
        ObjectNode perClass = o.putObject(PER_CLASS);
        m.perClassAccuracy().forEach((c, v) -> JsonNumbers.put(perClass, c, v == null ? Double.NaN : v));
        JsonNumbers.put(o, DEFECT, m.defectAccuracy());
        JsonNumbers.put(o, NORMAL, m.normalAccuracy());
        JsonNumbers.put(o, MISS, m.missRate());
        JsonNumbers.put(o, OVER, m.overDetectionRate());
        ArrayNode classes = o.putArray(CLASSES);
        m.classes().forEach(classes::add);
        ArrayNode normal = o.putArray(NORMAL_CLASSES);
        m.normalClasses().forEach(normal::add);
        ArrayNode confusion = o.putArray(CONFUSION);
        for (int[] row : m.confusion()) {
            ArrayNode r = confusion.addArray();
            for (int n : row) {
                r.add(n);
            }
        }
        o.put(COUNT, m.count());
        return o;
    }

    private static ClassificationMetrics fromNode(JsonNode o, String source) throws IOException {
        if (o == null || !o.isObject()) {
            throw new IOException(source + ": expected a JSON object with key '" + ACCURACY + "'");
        }
        List<String> classes = strings(require(o, CLASSES, source), CLASSES, source);
        List<String> normal = strings(require(o, NORMAL_CLASSES, source), NORMAL_CLASSES, source);
        JsonNode perClassNode = require(o, PER_CLASS, source);
        Map<String, Double> perClass = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = perClassNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            perClass.put(e.getKey(), number(e.getValue(), PER_CLASS + "." + e.getKey(), source));
        }
        JsonNode confusionNode = require(o, CONFUSION, source);
        int k = classes.size();
        if (!confusionNode.isArray() || confusionNode.size() != k) {
            throw new IOException(source + ": '" + CONFUSION + "' must be a " + k + "x" + k + " array for " + k + " classes");
        }
        int[][] confusion = new int[k][k];
        for (int t = 0; t < k; t++) {
            JsonNode row = confusionNode.get(t);
            if (!row.isArray() || row.size() != k) {
                throw new IOException(source + ": '" + CONFUSION + "' row " + t + " must have " + k + " counts");
            }
            for (int p = 0; p < k; p++) {
                if (!row.get(p).canConvertToInt()) {
                    throw new IOException(source + ": '" + CONFUSION + "'[" + t + "][" + p + "] is not an integer");
                }
                confusion[t][p] = row.get(p).intValue();
            }
        }
        JsonNode count = require(o, COUNT, source);
        if (!count.canConvertToInt()) {
            throw new IOException(source + ": '" + COUNT + "' is not an integer");
        }
        return new ClassificationMetrics(count.intValue(),
                number(require(o, ACCURACY, source), ACCURACY, source), perClass,
                number(require(o, DEFECT, source), DEFECT, source),
                number(require(o, NORMAL, source), NORMAL, source),
                number(require(o, MISS, source), MISS, source),
                number(require(o, OVER, source), OVER, source),
                classes, normal, confusion);
    }

    private static JsonNode require(JsonNode o, String key, String source) throws IOException {
        JsonNode v = o.get(key);
        if (v == null) {
            throw new IOException(source + ": missing key '" + key + "'");
        }
        return v;
    }

    private static double number(JsonNode v, String key, String source) throws IOException {
        if (!v.isNull() && !v.isNumber()) {
            throw new IOException(source + ": '" + key + "' must be a number or null, found " + v);
        }
        return JsonNumbers.get(v);
    }

    private static List<String> strings(JsonNode v, String key, String source) throws IOException {
        if (!v.isArray()) {
            throw new IOException(source + ": '" + key + "' must be an array of class names");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : v) {
            out.add(s.asText());
        }
        return List.copyOf(out);
    }

    private static JsonNode parse(Path file) throws IOException {
        try {
            return MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static String print(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print metrics JSON", e); // a tree of plain values always prints
        }
    }
}
