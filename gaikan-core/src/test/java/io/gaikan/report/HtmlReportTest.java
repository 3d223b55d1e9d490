package io.gaikan.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {

    private static Path png(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 2, 0xff0000);
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private static HtmlReport.Builder report(Path image) {
        Table table = Table.builder("Accuracy (%)").rowHeader("shots").columns("A", "B")
                .row("1", Table.Cell.of(50.0, 52.0), Table.Cell.of(90.0, 94.0)).build();
        return HtmlReport.builder("Study <1>")
                .heading("Results").text("First paragraph.\n\nSecond & last.")
                .table(table).image(image, "accuracy vs shots").preformatted("model: resnet18\nseed: 1");
    }

    @Test
    void selfContainedPageEmbedsTheImageBytes(@TempDir Path dir) throws IOException {
        Path image = png(dir.resolve("plots/shots.png"));
        Path page = dir.resolve("report.html");
        report(image).build().write(page);
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<style>"), "inline CSS");
        assertTrue(html.contains("<title>Study &lt;1&gt;</title>"), html);
        assertTrue(html.contains("<p>First paragraph.</p>\n<p>Second &amp; last.</p>"), html);
        assertTrue(html.contains("<strong>92.00 \u00b1 2.83</strong>"), html);
        assertTrue(html.contains("<pre>model: resnet18\nseed: 1</pre>"), html);
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertTrue(m.find(), "embedded image");
        assertArrayEquals(Files.readAllBytes(image), Base64.getDecoder().decode(m.group(1)));
        assertFalse(html.contains("plots/shots.png"), "no external reference in a self-contained page");
    }

    @Test
    void linkedImagesAndMarkdownAreRelativeToThePage(@TempDir Path dir) throws IOException {
        Path image = png(dir.resolve("plots/shots.png"));
        HtmlReport r = report(image).embedImages(false).build();
        r.write(dir.resolve("report.html"));
        r.writeMarkdown(dir.resolve("report.md"));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<img src=\"plots/shots.png\""));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.startsWith("# Study <1>\n\n## Results\n\nFirst paragraph.\n\nSecond & last.\n\n"), md);
        assertTrue(md.contains("![accuracy vs shots](plots/shots.png)"), md);
        assertTrue(md.contains("| 1 | 51.00 \u00b1 1.41 | **92.00 \u00b1 2.83** |"), md);
        assertTrue(md.contains("```\nmodel: resnet18\nseed: 1\n```"), md);
    }

    @Test
    void missingImageNamesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.png");
        IOException e = assertThrows(IOException.class,
                () -> HtmlReport.builder("x").image(missing, "").build().write(dir.resolve("r.html")));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
