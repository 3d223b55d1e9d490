package io.gaikan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthCommandTest {

    @Test
    void writesTheDatasetTreeAndReportsSpeed(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cg");
        int code = new CommandLine(new Main()).execute("synth", "--out", out.toString(), "--count", "6",
                "--size", "32", "--seed", "3", "--grey", "--obj", "--obj-count", "1", "--threads", "2",
                "--domain", "target");
        assertEquals(0, code);
        assertEquals(7, Files.readAllLines(out.resolve("labels.csv")).size());
        assertTrue(Files.isRegularFile(out.resolve("sheet.png")));
        assertTrue(Files.isRegularFile(out.resolve("obj/000000.obj")));
        assertTrue(Files.readString(out.resolve("synth.properties")).contains("domain=target"));
        try (var ok = Files.list(out.resolve("ok")); var ng = Files.list(out.resolve("ng"))) {
            assertEquals(3, ok.count());
            assertEquals(3, ng.count());
        }
    }

    @Test
    void unknownDomainIsAnError(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("synth", "--out", tmp.toString(), "--count", "2", "--domain", "real");
        assertNotEquals(0, code);
        assertTrue(err.toString().contains("pretrain or target"), err.toString());
    }
}
