package io.gaikan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ModelsCommandTest {

    @TempDir
    Path dir;

    private static String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ModelsCommand()).setOut(new PrintWriter(out));
        assertEquals(expectedExit, cli.execute(args), out.toString());
        return out.toString();
    }

    @Test
    void listsTheZoo() {
        String table = run(0);
        for (String name : new String[] {"resnet18", "vgg19_bn", "mobilenetv2_100", "efficientnet_b7"}) {
            assertTrue(table.contains(name), table);
        }
        assertTrue(table.lines().anyMatch(l -> l.startsWith("resnet50") && l.contains("25.6M") && l.contains("4.09")), table);
    }

    @Test
    void verifyPassesOnAGoodFixtureAndFailsOnATamperedOne() throws IOException {
        String shared = System.getProperty("gaikan.shared", "../shared");
        Path fixture = Path.of(shared, "fixtures", "parity", "resnet18.json");
        assumeTrue(Files.exists(fixture), "skipped: " + fixture + " not present");

        Path good = Files.createDirectories(dir.resolve("good"));
        Files.copy(fixture, good.resolve("resnet18.json"));
        String pass = run(0, "verify", "--fixtures", good.toString());
        assertTrue(pass.contains("PASS") && pass.contains("1 of 1 fixtures pass"), pass);

        // a logit moved by 1e-3 (100x the tolerance) must fail the check and the exit code
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(fixture.toFile());
        ArrayNode row = (ArrayNode) root.get("expected_logits").get(0);
        row.set(0, json.getNodeFactory().numberNode(row.get(0).asDouble() + 1e-3));
        Path bad = Files.createDirectories(dir.resolve("bad"));
        json.writeValue(bad.resolve("resnet18.json").toFile(), root);
        String fail = run(1, "verify", "--fixtures", bad.toString());
        assertTrue(fail.contains("FAIL") && fail.contains("0 of 1 fixtures pass"), fail);
    }
}
