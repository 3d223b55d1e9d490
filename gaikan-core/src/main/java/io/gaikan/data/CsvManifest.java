package io.gaikan.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A CSV manifest {@code path,label[,column...]} with a header row. Relative paths are resolved against the CSV's
 * folder; further columns become sample attributes (auxiliary task labels; an empty cell means "no label").
 */
public final class CsvManifest {

    private CsvManifest() {
    }

    public static Dataset read(Path csv) {
        List<String> lines = readUtf8Lines(csv);
        if (lines.isEmpty()) {
            throw new DataException("manifest is empty: " + csv);
        }
        List<String> header = split(lines.get(0));
        int pathCol = header.indexOf("path");
        int labelCol = header.indexOf("label");
        if (pathCol < 0 || labelCol < 0) {
            throw new DataException("manifest " + csv + " needs a header with 'path' and 'label' columns, got " + header);
        }
        Path base = csv.toAbsolutePath().normalize().getParent();
        List<String[]> rows = new ArrayList<>();
        TreeSet<String> classNames = new TreeSet<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = split(lines.get(i));
            if (cells.size() != header.size()) {
                throw new DataException(csv + " line " + (i + 1) + ": " + cells.size() + " cells, header has " + header.size());
            }
            if (cells.get(labelCol).isEmpty()) {
                throw new DataException(csv + " line " + (i + 1) + ": empty label (only the extra task columns may be empty)");
            }
            rows.add(cells.toArray(String[]::new));
            classNames.add(cells.get(labelCol));
        }
        List<String> classes = List.copyOf(classNames);
        List<Sample> samples = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String[] row : rows) {
            Path p = base.resolve(row[pathCol]).normalize();
            if (!Files.isRegularFile(p)) {
                missing.add(row[pathCol]);
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (c != pathCol && c != labelCol) {
                    attributes.put(header.get(c), row[c]);
                }
            }
            samples.add(new Sample(p, classes.indexOf(row[labelCol]), attributes));
        }
        if (!missing.isEmpty()) {
            throw new DataException("manifest " + csv + " names " + missing.size() + " missing file(s): "
                    + String.join(", ", missing.subList(0, Math.min(5, missing.size()))) + (missing.size() > 5 ? ", ..." : ""));
        }
        return new Dataset(base, classes, samples, csv.toAbsolutePath().normalize());
    }

    /** Splits one CSV line; double quotes protect commas, as spreadsheet programs write them. */
    /**
     * The manifest's lines as UTF-8, with or without the byte-order mark that Excel writes; any other encoding
     * (Shift-JIS, Latin-1) is an error saying so, not a file of garbled paths.
     */
    private static List<String> readUtf8Lines(Path csv) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(csv);
        } catch (IOException e) {
            throw new DataException("cannot read manifest " + csv + ": " + e.getMessage(), e);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            return text.lines().toList();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataException("manifest " + csv + " is not UTF-8 (saved as Shift-JIS or another encoding?): "
                    + "save it as UTF-8 (Excel: 'CSV UTF-8')");
        }
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString().trim());
        return out;
    }
}
