package io.gaikan.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaikan.eval.ClassificationMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.gaikan.baseline.SyntheticImages.Defect.BLOB;
import static io.gaikan.baseline.SyntheticImages.Defect.NONE;
import static io.gaikan.baseline.SyntheticImages.Defect.SCRATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineRunTest {

    private static final List<String> OK_NG = List.of("scratch", "ok");

    @TempDir
    Path tmp;

    @Test
    void fittedRuleSeparatesScratchedFromPlainTextureAndWritesTheRunDirectory() throws IOException {
        List<LabeledImage> train = SyntheticImages.write(tmp, "train", List.of(SCRATCH, NONE), 16, 96, 1);
        List<LabeledImage> test = SyntheticImages.write(tmp, "test", List.of(SCRATCH, NONE), 20, 96, 2);
        Path run = tmp.resolve("run");
        ClassificationMetrics m = BaselineRun.withDefaults().fitAndEvaluate(train, test, OK_NG, Set.of("ok"), run);

        BaselineParams params = BaselineParams.load(run.resolve(BaselineRun.PARAMS_FILE));
        System.out.printf("synthetic scratch OK/NG: test accuracy %.3f, miss %.3f, over-detection %.3f with %s %s%n",
                m.accuracy(), m.missRate(), m.overDetectionRate(), params.preprocessing(), params.rule().thresholds());
        assertTrue(m.accuracy() > 0.9, "test accuracy " + m.accuracy());
        assertEquals(BaselineParams.Mode.REGION_RULE, params.mode());
        assertEquals(1, params.rule().normalClass());
        JsonNode metrics = new ObjectMapper().readTree(run.resolve(io.gaikan.train.RunLayout.METRICS).toFile());
        assertEquals(m.accuracy(), metrics.get("accuracy").asDouble(), 1e-12);
        assertEquals(m.missRate(), metrics.get("missRate").asDouble(), 1e-12);
        assertEquals(40, metrics.get("confusion").get(0).get(0).asInt() + metrics.get("confusion").get(0).get(1).asInt()
                + metrics.get("confusion").get(1).get(0).asInt() + metrics.get("confusion").get(1).get(1).asInt());
        try (Stream<Path> overlays = Files.list(run.resolve(BaselineRun.OVERLAY_DIR))) {
            assertEquals(8, overlays.filter(p -> p.toString().endsWith(".png")).count());
        }

        // the frozen parameters judge the same images the same way in a fresh run
        ClassificationMetrics again = BaselineRun.withDefaults().evaluate(params, test, OK_NG, Set.of("ok"), tmp.resolve("again"));
        assertEquals(m.accuracy(), again.accuracy(), 1e-12);
        assertTrue(java.util.Arrays.deepEquals(m.confusion(), again.confusion()));
    }

    @Test
    void multiClassDataGetsTheRegionFeatureClassifier() {
        List<SyntheticImages.Defect> kinds = List.of(SCRATCH, BLOB, NONE);
        List<LabeledImage> train = SyntheticImages.write(tmp, "train", kinds, 12, 96, 3);
        List<LabeledImage> test = SyntheticImages.write(tmp, "test", kinds, 12, 96, 4);
        ClassificationMetrics m = BaselineRun.withDefaults()
                .fitAndEvaluate(train, test, List.of("scratch", "blob", "ok"), Set.of("ok"), tmp.resolve("run"));
        BaselineParams params = BaselineParams.load(tmp.resolve("run").resolve(BaselineRun.PARAMS_FILE));
        assertEquals(BaselineParams.Mode.REGION_FEATURE_CLASSIFIER, params.mode());
        assertTrue(params.method().contains("region-feature classifier"), params.method());
        System.out.printf("synthetic 3-class: test accuracy %.3f with %s%n", m.accuracy(), params.preprocessing());
        // chance is 1/3
        assertTrue(m.accuracy() > 0.75, "3-class test accuracy " + m.accuracy());
    }

    @Test
    void metricsWithoutNormalClassesWriteNullRates() throws IOException {
        List<LabeledImage> train = SyntheticImages.write(tmp, "train", List.of(SCRATCH, NONE), 4, 64, 5);
        BaselineOptions quick = BaselineOptions.defaults().withGrid(new SearchGrid(List.of(new DogSigmas(1, 2)),
                List.of(Binarisation.fixed(6)), List.of(Cleanup.CLOSE)));
        new BaselineRun(quick).fitAndEvaluate(train, train, OK_NG, Set.of(), tmp.resolve("run"));
        JsonNode metrics = new ObjectMapper().readTree(tmp.resolve("run").resolve(io.gaikan.train.RunLayout.METRICS).toFile());
        assertTrue(metrics.get("missRate").isNull(), metrics.toString());
        assertTrue(metrics.get("accuracy").isNumber());
    }

    @Test
    void badInputIsNamed() {
        List<LabeledImage> broken = List.of(new LabeledImage(tmp.resolve("missing.png"), 0), new LabeledImage(tmp.resolve("x.png"), 1));
        Exception e = assertThrows(RuntimeException.class,
                () -> BaselineRun.withDefaults().fit(broken, OK_NG, Set.of("ok")));
        assertTrue(e.getMessage().contains("missing.png") || e.getMessage().contains("x.png"), e.getMessage());
        Exception wrongClass = assertThrows(IllegalArgumentException.class,
                () -> BaselineRun.withDefaults().fit(List.of(new LabeledImage(tmp.resolve("a.png"), 5)), OK_NG, Set.of("ok")));
        assertTrue(wrongClass.getMessage().contains("class index 5"), wrongClass.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BaselineParams.load(tmp.resolve("none.json")));
    }
}
