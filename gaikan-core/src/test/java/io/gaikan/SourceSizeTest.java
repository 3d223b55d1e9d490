package io.gaikan;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No main source file of gaikan-core grows past {@value #LIMIT} lines unless its opening comment says why, with the
 * words "Over 350 lines:": a long file is usually several concepts that want a class each.
 */
class SourceSizeTest {

    private static final int LIMIT = 350;
    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void longFilesGiveTheirReason() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from gaikan-core: " + MAIN.toAbsolutePath());
        List<String> unexplained;
        try (Stream<Path> files = Files.walk(MAIN)) {
            unexplained = files.filter(p -> p.toString().endsWith(".java")).filter(SourceSizeTest::longWithoutReason)
                    .map(p -> MAIN.relativize(p) + " (" + lines(p).size() + " lines)").sorted().toList();
        }
        assertEquals(List.of(), unexplained, "split these files, or say in their opening comment why not");
    }

    private static boolean longWithoutReason(Path file) {
        List<String> lines = lines(file);
        if (lines.size() <= LIMIT) {
            return false;
        }
        String text = String.join("\n", lines);
        int classStart = text.indexOf("\npublic ");
        return !text.substring(0, classStart < 0 ? text.length() : classStart).contains("Over 350 lines:");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
