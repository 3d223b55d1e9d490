package io.gaikan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15, cases 7 and 10: predict and eval on a folder with a corrupt image, and a CSV into a missing folder. */
class PredictInputsTest {

    @Test
    void oneCorruptImageAmongGoodOnesIsNamedOrSkippedAndListed(@TempDir Path tmp) throws Exception {
        Path data = CliFixtures.okAndNg(tmp.resolve("data"), 6, 4);
        Path run = tmp.resolve("run");
        assertEquals(0, CliRun.of("train", "--data", data.toString(), "--out", run.toString(), "--size", "24",
                "--epochs", "1", "--normal-classes", "ok", "--quiet").code());
        Path incoming = Files.createDirectories(tmp.resolve("incoming"));
        Files.copy(data.resolve("ok/0.png"), incoming.resolve("good-0.png"));
        Files.copy(data.resolve("ng/1.png"), incoming.resolve("good-1.png"));
        byte[] good = Files.readAllBytes(data.resolve("ok/2.png"));
        Files.write(incoming.resolve("broken.png"), Arrays.copyOf(good, good.length / 2));

        CliRun stopped = CliRun.of("predict", "--run", run.toString(), incoming.toString());
        assertEquals(2, stopped.code());
        assertTrue(stopped.err().contains("broken.png") && stopped.err().contains("--skip-bad"), stopped.err());

        Path csv = tmp.resolve("verdicts.csv");
        CliRun skipped = CliRun.of("predict", "--run", run.toString(), incoming.toString(), "--skip-bad", "--csv", csv.toString());
        assertEquals(0, skipped.code(), skipped.err());
        assertTrue(skipped.err().contains("skipped 1 unreadable image(s)"), skipped.err());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).endsWith(",error"), lines.get(0));
        assertEquals(4, lines.size(), "header, two verdicts, the broken image's row: " + lines);
        int columns = lines.get(0).split(",", -1).length;
        String brokenRow = lines.stream().filter(l -> l.contains("broken.png")).findFirst().orElseThrow();
        assertTrue(brokenRow.contains("corrupt image") || brokenRow.contains("broken.png\""), brokenRow);
        assertEquals(columns, lines.get(1).split(",", -1).length, "a verdict row has every column");

        // eval on a labelled folder with the same broken image: named, or skipped and listed
        Path labelled = Files.createDirectories(tmp.resolve("labelled"));
        for (String cls : new String[]{"ok", "ng"}) {
            Files.createDirectories(labelled.resolve(cls));
            for (int i = 0; i < 3; i++) {
                Files.copy(data.resolve(cls).resolve(i + ".png"), labelled.resolve(cls).resolve(i + ".png"));
            }
        }
        Files.copy(incoming.resolve("broken.png"), labelled.resolve("ok/broken.png"));
        CliRun evalStopped = CliRun.of("eval", "--run", run.toString(), "--data", labelled.toString());
        assertEquals(2, evalStopped.code());
        assertTrue(evalStopped.err().contains("broken.png") && evalStopped.err().contains("--skip-bad"), evalStopped.err());
        CliRun evalSkipped = CliRun.of("eval", "--run", run.toString(), "--data", labelled.toString(), "--skip-bad");
        assertEquals(0, evalSkipped.code(), evalSkipped.err());
        assertTrue(evalSkipped.out().contains("skipped 1 unreadable image(s)") && evalSkipped.out().contains("broken.png"),
                evalSkipped.out());

        CliRun noFolder = CliRun.of("predict", "--run", run.toString(), incoming.toString(), "--skip-bad",
                "--csv", tmp.resolve("missing/verdicts.csv").toString());
        assertEquals(2, noFolder.code());
        assertTrue(noFolder.err().contains("missing") && noFolder.err().contains("does not exist"), noFolder.err());
    }
}
