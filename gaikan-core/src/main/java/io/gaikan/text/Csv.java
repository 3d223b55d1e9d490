package io.gaikan.text;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every CSV file Gaikan writes or reads, with one rule (RFC 4180, as spreadsheet programs write it): a field is
 * quoted only when it holds a comma, a double quote (doubled inside) or a line break, so an image path with any of
 * them, or with any Unicode, reads back as written. UTF-8, {@code \n} between records. Jackson's CSV format does the
 * work.
 */
public final class Csv {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\n");

    private Csv() {
    }

    /** One record as text, fields quoted as needed, without the line break. */
    public static String line(List<String> fields) {
        String text = text(List.of(fields));
        return text.substring(0, text.length() - 1);
    }

    /** The records as CSV text, each ended by {@code \n}. Null fields are written empty. */
    public static String text(List<List<String>> records) {
        try {
            return MAPPER.writer(SCHEMA).writeValueAsString(records.stream()
                    .map(r -> r.stream().map(f -> f == null ? "" : f).toArray(String[]::new)).toArray(String[][]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV: " + e.getMessage(), e);
        }
    }

    /** Writes {@code header} then {@code rows} to {@code file} (UTF-8), replacing it. */
    public static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        List<List<String>> records = new ArrayList<>(rows.size() + 1);
        records.add(header);
        records.addAll(rows);
        Files.writeString(file, text(records), StandardCharsets.UTF_8);
    }

    /** The records of CSV text (header included); blank lines are skipped. */
    public static List<List<String>> parse(String text) {
        List<List<String>> out = new ArrayList<>();
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).with(SCHEMA).readValues(text)) {
            while (it.hasNextValue()) {
                String[] record = it.nextValue();
                if (!(record.length == 0 || record.length == 1 && record[0].isEmpty())) {
                    out.add(List.of(record));
                }
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not valid CSV: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The records of a UTF-8 CSV file (header included). */
    public static List<List<String>> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }
}
