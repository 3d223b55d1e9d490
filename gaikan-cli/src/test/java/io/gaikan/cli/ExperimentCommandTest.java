package io.gaikan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code gaikan experiment} and {@code gaikan report} wiring and their one-line errors (no training). */
class ExperimentCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true));
        try {
            CommandLine cmd = Main.commandLine();
            cmd.setErr(new PrintWriter(err, true));
            return new Result(cmd.execute(args), out.toString(), err.toString());
        } finally {
            System.setOut(stdout);
        }
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
        Result r = run("experiment", config.toString(), "--out", tmp.resolve("out").toString(), "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("new       method=A seed=1"), r.out());
        assertTrue(r.out().contains("4 grid cells, 4 distinct runs, 0 pretrain step(s)"), r.out());
        assertTrue(r.out().lines().filter(l -> l.matches("[0-9a-f]{12}  new .*")).count() == 4, r.out());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aBadConfigIsOneLineNamingTheKey(@TempDir Path tmp) throws Exception {
        Path config = Files.writeString(tmp.resolve("bad.yaml"), CONFIG.replace("epochs: 1", "epochz: 1"));
        Result r = run("experiment", config.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("gaikan experiment: error: bad.yaml: base.epochz: unknown setting 'epochz'"), r.err());
    }

    @Test
    void reportOnADirectoryThatIsNoExperimentSaysSo(@TempDir Path tmp) {
        Result r = run("report", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not an experiment directory (no runs.db)"), r.err());
    }
}
