package io.gaikan.report;

import io.gaikan.text.Html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One report page assembled from sections (headings, text, tables, images, preformatted blocks) and written as a
 * self-contained {@code report.html} (inline CSS; PNGs embedded as base64 by default, or linked relative to the page)
 * and, from the same sections, as {@code report.md} with relative image links. Immutable; build with {@link #builder}.
 */
public final class HtmlReport {

    /** A block of the page that can render itself both ways. */
    private interface Section {
        void html(StringBuilder out, Path pageDirectory, boolean embedImages) throws IOException;

        void markdown(StringBuilder out, Path pageDirectory) throws IOException;
    }

    private record Heading(String text) implements Section {
        public void html(StringBuilder out, Path dir, boolean embed) {
            out.append("<h2>").append(Html.escape(text)).append("</h2>\n");
        }

        public void markdown(StringBuilder out, Path dir) {
            out.append("## ").append(text).append("\n\n");
        }
    }

    private record Text(String text) implements Section {
        public void html(StringBuilder out, Path dir, boolean embed) {
            paragraphs(text).forEach(p -> out.append("<p>").append(Html.escape(p)).append("</p>\n"));
        }

        public void markdown(StringBuilder out, Path dir) {
            paragraphs(text).forEach(p -> out.append(p).append("\n\n"));
        }
    }

    private record TableBlock(Table table) implements Section {
        public void html(StringBuilder out, Path dir, boolean embed) {
            out.append(table.toHtml());
        }

        public void markdown(StringBuilder out, Path dir) {
            out.append(table.toMarkdown()).append('\n');
        }
    }

    private record Image(Path file, String caption) implements Section {
        public void html(StringBuilder out, Path dir, boolean embed) throws IOException {
            out.append("<figure><img src=\"").append(Html.escape(imageSource(file, dir, embed)))
                    .append("\" alt=\"").append(Html.escape(caption)).append("\">")
                    .append(caption.isBlank() ? "" : "<figcaption>" + Html.escape(caption) + "</figcaption>")
                    .append("</figure>\n");
        }

        public void markdown(StringBuilder out, Path dir) throws IOException {
            requireFile(file);
            out.append("![").append(caption).append("](").append(relative(file, dir)).append(")\n\n");
            if (!caption.isBlank()) {
                out.append('_').append(caption).append("_\n\n");
            }
        }
    }

    private record Preformatted(String text) implements Section {
        public void html(StringBuilder out, Path dir, boolean embed) {
            out.append("<pre>").append(Html.escape(text)).append("</pre>\n");
        }

        public void markdown(StringBuilder out, Path dir) {
            out.append("```\n").append(text.stripTrailing()).append("\n```\n\n");
        }
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;max-width:1180px;
            margin:2em auto;padding:0 1.2em;color:#222;line-height:1.5;background:#fff}
            h1{font-size:1.8em;border-bottom:3px solid #1f77b4;padding-bottom:.25em}
            h2{font-size:1.35em;margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            table.results{border-collapse:collapse;margin:1.2em 0 .4em;font-variant-numeric:tabular-nums;font-size:.95em}
            table.results caption{caption-side:top;text-align:left;font-weight:600;padding-bottom:.5em}
            table.results th,table.results td{padding:.4em .9em;border-bottom:1px solid #e2e2e2}
            table.results thead th{border-bottom:2px solid #444;text-align:right;white-space:nowrap}
            table.results thead th:first-child,table.results tbody th{text-align:left}
            table.results tbody th{font-weight:500}
            table.results td{text-align:right;white-space:nowrap}
            table.results tbody tr:nth-child(even){background:#f7f9fb}
            table.results td.best{background:#e3eef9}
            table.results td.missing{color:#aaa}
            p.note{font-size:.85em;color:#666;margin:.2em 0 1.2em}
            figure{margin:1.6em 0}
            figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{color:#555;font-size:.9em;margin-top:.3em}
            pre{background:#f6f8fa;border:1px solid #e5e5e5;padding:.8em 1em;overflow:auto;font-size:.85em}
            """;

    private final String title;
    private final List<Section> sections;
    private final boolean embedImages;

    private HtmlReport(Builder b) {
        this.title = b.title;
        this.sections = List.copyOf(b.sections);
        this.embedImages = b.embedImages;
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Writes the HTML page; linked images are addressed relative to the page's directory. */
    public void write(Path htmlFile) throws IOException {
        Files.writeString(createParent(htmlFile), toHtml(directoryOf(htmlFile)), StandardCharsets.UTF_8);
    }

    /** Writes the Markdown twin of the page (images always linked relative to the file). */
    public void writeMarkdown(Path markdownFile) throws IOException {
        Files.writeString(createParent(markdownFile), toMarkdown(directoryOf(markdownFile)), StandardCharsets.UTF_8);
    }

    /** The whole page; {@code pageDirectory} is where the page will live, for relative image links. */
    public String toHtml(Path pageDirectory) throws IOException {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(Html.escape(title)).append("</h1>\n");
        for (Section s : sections) {
            s.html(h, pageDirectory, embedImages);
        }
        return h.append("</body>\n</html>\n").toString();
    }

    public String toMarkdown(Path pageDirectory) throws IOException {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        for (Section s : sections) {
            s.markdown(md, pageDirectory);
        }
        return md.toString();
    }

    private static String imageSource(Path file, Path pageDirectory, boolean embed) throws IOException {
        requireFile(file);
        if (!embed) {
            return relative(file, pageDirectory);
        }
        return "data:" + mimeType(file) + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }

    private static String relative(Path file, Path pageDirectory) {
        Path rel = pageDirectory.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        List<String> parts = new ArrayList<>();
        rel.forEach(p -> parts.add(p.toString().replace("%", "%25").replace(" ", "%20")));
        return String.join("/", parts);
    }

    private static String mimeType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return name.endsWith(".svg") ? "image/svg+xml" : "image/png";
    }

    private static void requireFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("report image not found: " + file);
        }
    }

    private static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.strip().split("\\R\\s*\\R")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    private static Path createParent(Path file) throws IOException {
        Files.createDirectories(directoryOf(file));
        return file;
    }

    /** Sections in the order added. */
    public static final class Builder {
        private final String title;
        private final List<Section> sections = new ArrayList<>();
        private boolean embedImages = true;

        private Builder(String title) {
            this.title = title == null || title.isBlank() ? "Gaikan report" : title;
        }

        public Builder heading(String text) {
            sections.add(new Heading(text));
            return this;
        }

        /** Plain text; blank lines separate paragraphs. */
        public Builder text(String text) {
            sections.add(new Text(text));
            return this;
        }

        public Builder table(Table table) {
            sections.add(new TableBlock(table));
            return this;
        }

        public Builder image(Path png, String caption) {
            sections.add(new Image(png, caption == null ? "" : caption));
            return this;
        }

        /** Monospaced block, e.g. the run settings. */
        public Builder preformatted(String text) {
            sections.add(new Preformatted(text));
            return this;
        }

        /** True (default): images inside the HTML as base64, one file to mail around; false: relative links. */
        public Builder embedImages(boolean embed) {
            this.embedImages = embed;
            return this;
        }

        public HtmlReport build() {
            return new HtmlReport(this);
        }
    }
}
