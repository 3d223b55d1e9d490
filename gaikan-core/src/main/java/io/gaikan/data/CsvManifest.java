package io.gaikan.data;

import io.gaikan.text.Csv;

import java.io.IOException;
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
        List<List<String>> records;
        try {
            records = Csv.parse(readUtf8(csv));
        } catch (IllegalArgumentException e) {
            throw new DataException("manifest " + csv + ": " + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            throw new DataException("manifest is empty: " + csv);
        }
        List<String> header = trimmed(records.get(0));
        int pathCol = header.indexOf("path");
        int labelCol = header.indexOf("label");
        if (pathCol < 0 || labelCol < 0) {
            throw new DataException("manifest " + csv + " needs a header with 'path' and 'label' columns, got " + header);
        }
        Path base = csv.toAbsolutePath().normalize().getParent();
        List<String[]> rows = new ArrayList<>();
        TreeSet<String> classNames = new TreeSet<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = trimmed(records.get(i));
            if (cells.size() != header.size()) {
                throw new DataException(csv + " record " + (i + 1) + ": " + cells.size() + " cells, header has " + header.size());
            }
            if (cells.get(labelCol).isEmpty()) {
                throw new DataException(csv + " record " + (i + 1) + ": empty label (only the extra task columns may be empty)");
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

    /**
     * The manifest's lines as UTF-8, with or without the byte-order mark that Excel writes; any other encoding
     * (Shift-JIS, Latin-1) is an error saying so, not a file of garbled paths.
     */
    private static String readUtf8(Path csv) {
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
            return text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataException("manifest " + csv + " is not UTF-8 (saved as Shift-JIS or another encoding?): "
                    + "save it as UTF-8 (Excel: 'CSV UTF-8')");
        }
    }

    /** Cells without the spaces spreadsheet users leave around commas. */
    private static List<String> trimmed(List<String> cells) {
        return cells.stream().map(String::trim).toList();
    }
}
