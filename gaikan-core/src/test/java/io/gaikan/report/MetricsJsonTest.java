package io.gaikan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaikan.eval.ClassificationMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsJsonTest {

    private static void assertSameMetrics(ClassificationMetrics expected, ClassificationMetrics actual) {
        assertEquals(expected.count(), actual.count());
        // Double.compare treats NaN as equal to NaN: undefined figures must come back undefined
        assertEquals(0, Double.compare(expected.accuracy(), actual.accuracy()));
        assertEquals(0, Double.compare(expected.defectAccuracy(), actual.defectAccuracy()));
        assertEquals(0, Double.compare(expected.normalAccuracy(), actual.normalAccuracy()));
        assertEquals(0, Double.compare(expected.missRate(), actual.missRate()));
        assertEquals(0, Double.compare(expected.overDetectionRate(), actual.overDetectionRate()));
        assertEquals(expected.perClassAccuracy(), actual.perClassAccuracy());
        assertEquals(expected.classes(), actual.classes());
        assertEquals(expected.normalClasses(), actual.normalClasses());
        assertArrayEquals(expected.confusion(), actual.confusion());
    }

    @Test
    void groupedMetricsRoundTripWithTheDocumentedKeys(@TempDir Path dir) throws IOException {
        ClassificationMetrics m = ClassificationMetrics.compute(List.of("scratch", "dent", "ok"), Set.of("ok"),
                new int[]{0, 0, 0, 1, 1, 2, 2, 2, 2, 2}, new int[]{0, 1, 2, 1, 1, 2, 2, 2, 0, 1});
        Path file = dir.resolve("metrics.json");
        MetricsJson.write(file, m);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        for (String key : List.of("accuracy", "per_class_accuracy", "defect_accuracy", "normal_accuracy", "miss_rate",
                "over_detection_rate", "classes", "normal_classes", "confusion", "count")) {
            assertTrue(json.has(key), "missing " + key);
        }
        assertEquals(0.2, json.get("miss_rate").doubleValue(), 1e-12);
        assertEquals(1, json.get("confusion").get(0).get(2).intValue());
        assertTrue(Files.readString(file).contains("\n  \""), "pretty-printed");
        assertSameMetrics(m, MetricsJson.read(file));
    }

    @Test
    void undefinedFiguresAreNullInJsonAndNaNAgain(@TempDir Path dir) throws IOException {
        // no normal classes -> group figures NaN; class "c" has no test images -> its accuracy NaN
        ClassificationMetrics m = ClassificationMetrics.compute(List.of("a", "b", "c"), Set.of(),
                new int[]{0, 1, 1}, new int[]{0, 0, 1});
        String json = MetricsJson.toJson(m);
        assertTrue(json.contains("\"miss_rate\" : null"), json);
        assertTrue(json.contains("\"c\" : null"), json);
        assertTrue(!json.contains("NaN"), json);
        ClassificationMetrics back = MetricsJson.fromJson(json);
        assertTrue(Double.isNaN(back.missRate()) && Double.isNaN(back.perClassAccuracy().get("c")));
        assertSameMetrics(m, back);
        Path file = dir.resolve("metrics.json");
        MetricsJson.write(file, m);
        assertSameMetrics(m, MetricsJson.read(file));
        // a single-task file read per task is the main task (the experiment runner reads any pretraining this way)
        Map<String, ClassificationMetrics> tasks = MetricsJson.readTasks(file);
        assertEquals(List.of("main"), List.copyOf(tasks.keySet()));
        assertSameMetrics(m, tasks.get("main"));
    }

    @Test
    void multiTaskMetricsKeepTaskOrder(@TempDir Path dir) throws IOException {
        Map<String, ClassificationMetrics> tasks = new LinkedHashMap<>();
        tasks.put("A", ClassificationMetrics.compute(List.of("x", "ok"), Set.of("ok"), new int[]{0, 1}, new int[]{0, 0}));
        tasks.put("D", ClassificationMetrics.compute(List.of("l1", "l2", "l3", "l4"), Set.of(),
                new int[]{0, 1, 2, 3}, new int[]{0, 1, 2, 2}));
        Path file = dir.resolve("metrics.json");
        MetricsJson.writeTasks(file, tasks);
        Map<String, ClassificationMetrics> back = MetricsJson.readTasks(file);
        assertEquals(List.of("A", "D"), List.copyOf(back.keySet()));
        assertSameMetrics(tasks.get("A"), back.get("A"));
        assertSameMetrics(tasks.get("D"), back.get("D"));
    }

    @Test
    void brokenFilesNameTheFileAndTheProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, "{\"accuracy\": 0.5}");
        IOException missing = assertThrows(IOException.class, () -> MetricsJson.read(file));
        assertTrue(missing.getMessage().contains(file.toString()) && missing.getMessage().contains("missing key"),
                missing.getMessage());
        Files.writeString(file, "{ not json");
        IOException syntax = assertThrows(IOException.class, () -> MetricsJson.read(file));
        assertTrue(syntax.getMessage().contains("not valid JSON"), syntax.getMessage());
    }
}
