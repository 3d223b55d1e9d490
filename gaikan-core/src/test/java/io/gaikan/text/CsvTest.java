package io.gaikan.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvTest {

    /** Paths as people name folders: commas, quotes, line breaks, spaces at the ends, Japanese, emoji, empty. */
    @Test
    void awkwardFieldsRoundTrip(@TempDir Path tmp) throws Exception {
        List<String> header = List.of("path", "label", "note");
        List<List<String>> rows = List.of(
                List.of("a,b/c.png", "ok", ""),
                List.of("say \"cheese\".png", "ng", "x"),
                List.of("two\nlines.png", "ng", "line\r\nbreak"),
                List.of(" padded .png", "ok", "  "),
                List.of("外観/傷あり/画像 1.png", "傷", "🙂"),
                List.of("plain.png", "ok", "#not a comment"));
        Path file = tmp.resolve("t.csv");
        Csv.write(file, header, rows);
        List<List<String>> back = Csv.read(file);
        assertEquals(header, back.get(0));
        assertEquals(rows, back.subList(1, back.size()));
        assertEquals("plain.png,ok,#not a comment", Files.readAllLines(file, StandardCharsets.UTF_8).get(
                Files.readAllLines(file, StandardCharsets.UTF_8).size() - 1), "quoted only when needed");
    }

    @Test
    void oneRecordAndSpreadsheetInput() {
        assertEquals("\"a,b\",\"q\"\"\",plain", Csv.line(List.of("a,b", "q\"", "plain")));
        assertEquals(List.of(List.of("path", "label"), List.of("x y.png", "ok")),
                Csv.parse("path,label\r\n\r\nx y.png,ok\r\n"), "CRLF and blank lines, as Excel writes");
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("a,\"unterminated\nb"));
    }
}
