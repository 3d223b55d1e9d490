package io.gaikan.train;

import io.gaikan.data.Dataset;
import io.gaikan.data.Split;
import io.gaikan.data.TaskSpec;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.EpochRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every file of a run directory is written and read back through {@link RunLayout}. */
class RunLayoutTest {

    @Test
    void eachFormatRoundTrips(@TempDir Path tmp) throws Exception {
        RunLayout run = new RunLayout(Files.createDirectories(tmp.resolve("run")));
        assertFalse(run.isRun() || run.isFinished());

        RunInfo info = new RunInfo(TrainConfig.builder().epochs(3).tasks(List.of(TaskSpec.MAIN)).build(), "data, v2", 64,
                List.of("ok"), Map.of("main", List.of("ng", "ok")), Map.of("gaikan", "0.1.0"), "2026-12-05T00:00:00Z");
        run.writeInfo(info);
        assertTrue(run.isRun());
        assertEquals(info, run.readInfo());

        Path data = tmp.resolve("data, with \"quotes\"");
        Split split = new Split(List.of(data.resolve("ok/a,1.png")), List.of(data.resolve("ng/b.png")),
                List.of(data.resolve("ng/画像.png")), List.of());
        run.writeSplit(split, data);
        assertEquals(split, run.readSplit(data));

        List<EpochRecord> history = List.of(new EpochRecord(1, "scratch", 0.7, 0.5, Double.NaN, Double.NaN, 1e-3, 1.5),
                new EpochRecord(2, "scratch", 0.6, 0.625, Double.NaN, Double.NaN, 5e-4, 1.25));
        run.writeCurves(history);
        assertEquals(history, run.readHistory());
        assertTrue(Files.size(run.curves()) > 0);

        Map<String, ClassificationMetrics> metrics = new LinkedHashMap<>();
        metrics.put("main", ClassificationMetrics.compute(List.of("ng", "ok"), Set.of("ok"), new int[]{0, 1, 1, 0},
                new int[]{0, 1, 0, 0}));
        run.writeMetrics(metrics, "test");
        assertEquals(metrics.get("main").accuracy(), run.readMetrics().get("main").accuracy());
        assertTrue(run.isFinished() && Files.size(run.confusion()) > 0);
    }

    /** A run directory inside the data is never read as a class of images, by the names RunLayout gives. */
    @Test
    void aRunInsideTheDataIsNoClass(@TempDir Path tmp) throws Exception {
        for (String c : List.of("ok", "ng", "first-run", "locked")) {
            Path dir = Files.createDirectories(tmp.resolve(c));
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("x.png").toFile());
        }
        Files.writeString(tmp.resolve("first-run").resolve(RunLayout.RUN_INFO), "{}");
        Files.writeString(tmp.resolve("locked").resolve(RunLayout.LOCK), "");
        assertEquals(List.of("ng", "ok"), Dataset.open(tmp).classes());
    }
}
