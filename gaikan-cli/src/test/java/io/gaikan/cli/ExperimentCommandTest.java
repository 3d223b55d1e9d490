package io.gaikan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gaikan experiment} and {@code gaikan report} wiring and their one-line errors (no training). */
class ExperimentCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static final String CONFIG = """
            data: {path: images}
            base: {model: resnet18, size: 32, epochs: 1}
            methods:
              a: {label: A, mode: scratch}
              b: {label: B, mode: scratch, lr: 0.01}
            axes:
              method: [a, b]
              seed: [1, 2]
            """;

    @Test
    void dryRunListsTheGridWithIdsAndCreatesNothing(@TempDir Path tmp) throws Exception {
        Path config = Files.writeString(tmp.resolve("grid.yaml"), CONFIG);
        CliRun r = run("experiment", config.toString(), "--out", tmp.resolve("out").toString(), "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("new       method=A seed=1"), r.out());
        assertTrue(r.out().contains("4 grid cells, 4 distinct runs, 0 pretrain step(s)"), r.out());
        assertTrue(r.out().lines().filter(l -> l.matches("[0-9a-f]{12}  new .*")).count() == 4, r.out());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aBadConfigIsOneLineNamingTheKey(@TempDir Path tmp) throws Exception {
        Path config = Files.writeString(tmp.resolve("bad.yaml"), CONFIG.replace("epochs: 1", "epochz: 1"));
        CliRun r = run("experiment", config.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("gaikan experiment: error: bad.yaml: base.epochz: unknown setting 'epochz'"), r.err());
    }

    @Test
    void reportOnADirectoryThatIsNoExperimentSaysSo(@TempDir Path tmp) {
        CliRun r = run("report", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not an experiment directory (no runs.db)"), r.err());
    }
}
