package io.gaikan.report;

import io.gaikan.text.Csv;
import io.gaikan.text.Html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * A results table in the shape of the seed studies: rows = values of one axis (images per class, backbone, ...),
 * columns = methods, each cell the mean, std and count of a score over seeds. Rendered to Markdown, CSV and an HTML
 * fragment with "mean ± std" and the best cell of every row in bold. Immutable; build with {@link #builder}.
 */
public final class Table {

    /** A score over {@code n} runs; {@code std} is NaN when n < 2 and is then not printed. */
    public record Cell(double mean, double std, int n) {

        public static Cell of(double... samples) {
            if (samples.length == 0) {
                throw new IllegalArgumentException("a table cell needs at least one value");
            }
            double mean = Arrays.stream(samples).average().orElseThrow();
            if (samples.length < 2) {
                return new Cell(mean, Double.NaN, 1);
            }
            double ss = Arrays.stream(samples).map(v -> (v - mean) * (v - mean)).sum();
            // Sample standard deviation (n - 1): seeds are a sample of possible runs.
            return new Cell(mean, Math.sqrt(ss / (samples.length - 1)), samples.length);
        }

        public static Cell of(Collection<? extends Number> samples) {
            return of(samples.stream().mapToDouble(Number::doubleValue).toArray());
        }
    }

    private final String title;
    private final String rowHeader;
    private final List<String> rows;
    private final List<String> columns;
    private final Cell[][] cells;
    private final boolean higherIsBetter;
    private final int decimals;

    private Table(Builder b) {
        this.title = b.title;
        this.rowHeader = b.rowHeader;
        this.rows = List.copyOf(b.rows.keySet());
        this.columns = List.copyOf(b.columns);
        this.cells = new Cell[rows.size()][columns.size()];
        int r = 0;
        for (Map<String, Cell> row : b.rows.values()) {
            for (int c = 0; c < columns.size(); c++) {
                cells[r][c] = row.get(columns.get(c));
            }
            r++;
        }
        this.higherIsBetter = b.higherIsBetter;
        this.decimals = b.decimals;
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    public String title() {
        return title;
    }

    public String rowHeader() {
        return rowHeader;
    }

    public List<String> rows() {
        return rows;
    }

    public List<String> columns() {
        return columns;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The cell or null when that combination has no result (yet). */
    public Cell cell(int row, int column) {
        return cells[row][column];
    }

    /** "mean ± std" with the table's decimals, just the mean when there is no spread, "" for a missing cell. */
    public String format(Cell cell) {
        if (cell == null) {
            return "";
        }
        String mean = number(cell.mean());
        return Double.isFinite(cell.std()) && cell.n() > 1 ? mean + " \u00b1 " + number(cell.std()) : mean;
    }

    /**
     * Whether the cell is the best of its row: compared as displayed (so equal-looking values are all bold), and only
     * when the row has at least two results to compare.
     */
    public boolean isBest(int row, int column) {
        Cell cell = cells[row][column];
        if (cell == null || !Double.isFinite(cell.mean())) {
            return false;
        }
        int present = 0;
        double best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (Cell c : cells[row]) {
            if (c != null && Double.isFinite(c.mean())) {
                present++;
                double v = rounded(c.mean());
                best = higherIsBetter ? Math.max(best, v) : Math.min(best, v);
            }
        }
        return present >= 2 && rounded(cell.mean()) == best;
    }

    /** The columns holding the best value of a row, joined by "/" (ties), or "" when nothing to compare. */
    public String bestColumns(int row) {
        StringJoiner j = new StringJoiner("/");
        for (int c = 0; c < columns.size(); c++) {
            if (isBest(row, c)) {
                j.add(columns.get(c));
            }
        }
        return j.toString();
    }

    /** One line under the table saying what the numbers are, so a table copied elsewhere still explains itself. */
    public String note() {
        TreeSet<Integer> ns = new TreeSet<>();
        for (Cell[] row : cells) {
            for (Cell c : row) {
                if (c != null) {
                    ns.add(c.n());
                }
            }
        }
        String over = ns.isEmpty() ? "" : ns.first().equals(ns.last()) ? "n = " + ns.first() : "n = " + ns.first() + "\u2013" + ns.last();
        return (ns.isEmpty() || ns.last() < 2 ? "Single runs" : "Mean \u00b1 std over " + over + " runs")
                + "; best per row in bold (" + (higherIsBetter ? "higher" : "lower") + " is better).";
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        if (!title.isBlank()) {
            md.append("**").append(mdEscape(title)).append("**\n\n");
        }
        md.append("| ").append(mdEscape(rowHeader));
        columns.forEach(c -> md.append(" | ").append(mdEscape(c)));
        md.append(" |\n|---");
        columns.forEach(c -> md.append("|---:"));
        md.append("|\n");
        for (int r = 0; r < rows.size(); r++) {
            md.append("| ").append(mdEscape(rows.get(r)));
            for (int c = 0; c < columns.size(); c++) {
                String text = cells[r][c] == null ? "\u2013" : format(cells[r][c]);
                md.append(" | ").append(isBest(r, c) ? "**" + text + "**" : text);
            }
            md.append(" |\n");
        }
        return md.append("\n_").append(note()).append("_\n").toString();
    }

    /**
     * CSV for spreadsheets: the displayed "mean ± std" per cell (bold cannot be expressed, so a final {@code best}
     * column names the best method of each row). For numbers to compute with, see {@link #toTidyCsv}.
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add(rowHeader);
        header.addAll(columns);
        header.add("best");
        csvLine(csv, header);
        for (int r = 0; r < rows.size(); r++) {
            List<String> line = new ArrayList<>();
            line.add(rows.get(r));
            for (int c = 0; c < columns.size(); c++) {
                line.add(format(cells[r][c]));
            }
            line.add(bestColumns(r));
            csvLine(csv, line);
        }
        return csv.toString();
    }

    /** One line per present cell: row, column, mean, std, n, best (true/false), full precision. */
    public String toTidyCsv() {
        StringBuilder csv = new StringBuilder();
        csvLine(csv, List.of(rowHeader, "column", "mean", "std", "n", "best"));
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = cells[r][c];
                if (cell != null) {
                    csvLine(csv, List.of(rows.get(r), columns.get(c), Double.toString(cell.mean()),
                            Double.isNaN(cell.std()) ? "" : Double.toString(cell.std()), Integer.toString(cell.n()),
                            Boolean.toString(isBest(r, c))));
                }
            }
        }
        return csv.toString();
    }

    /** An HTML {@code <table>} (styled by {@link HtmlReport}'s CSS), best cells in {@code <strong>}. */
    public String toHtml() {
        StringBuilder h = new StringBuilder("<table class=\"results\">\n");
        if (!title.isBlank()) {
            h.append("<caption>").append(Html.escape(title)).append("</caption>\n");
        }
        h.append("<thead><tr><th>").append(Html.escape(rowHeader)).append("</th>");
        columns.forEach(c -> h.append("<th>").append(Html.escape(c)).append("</th>"));
        h.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            h.append("<tr><th>").append(Html.escape(rows.get(r))).append("</th>");
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = cells[r][c];
                if (cell == null) {
                    h.append("<td class=\"missing\">\u2013</td>");
                    continue;
                }
                String text = Html.escape(format(cell));
                h.append("<td title=\"n = ").append(cell.n()).append("\"")
                        .append(isBest(r, c) ? " class=\"best\"><strong>" + text + "</strong>" : ">" + text)
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        return h.append("</tbody>\n</table>\n<p class=\"note\">").append(Html.escape(note())).append("</p>\n").toString();
    }

    private String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
    }

    private double rounded(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }

    private static String mdEscape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static void csvLine(StringBuilder out, List<String> fields) {
        out.append(Csv.line(fields)).append('\n');
    }

    /** Collects cells in any order; rows and columns appear in the order first named. */
    public static final class Builder {
        private final String title;
        private String rowHeader = "";
        private final List<String> columns = new ArrayList<>();
        private final Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
        private boolean higherIsBetter = true;
        private int decimals = 2;

        private Builder(String title) {
            this.title = title == null ? "" : title;
        }

        /** The label of the row-label column, e.g. "images per class". */
        public Builder rowHeader(String header) {
            this.rowHeader = Objects.requireNonNull(header);
            return this;
        }

        /** Fixes the column order up front (columns named later by {@link #put} are appended). */
        public Builder columns(String... names) {
            for (String n : names) {
                column(n);
            }
            return this;
        }

        /** Fixes the row order up front, e.g. 1, 2, 4, ... before results arrive in any order. */
        public Builder rows(String... labels) {
            for (String l : labels) {
                rows.computeIfAbsent(Objects.requireNonNull(l), k -> new LinkedHashMap<>());
            }
            return this;
        }

        public Builder put(String row, String column, Cell cell) {
            column(column);
            rows.computeIfAbsent(Objects.requireNonNull(row), k -> new LinkedHashMap<>()).put(column, cell);
            return this;
        }

        /** A whole row in the order of {@link #columns}; null leaves a cell empty. */
        public Builder row(String label, Cell... cells) {
            if (cells.length > columns.size()) {
                throw new IllegalArgumentException("row '" + label + "' has " + cells.length + " cells but only "
                        + columns.size() + " columns are declared");
            }
            rows(label);
            for (int c = 0; c < cells.length; c++) {
                if (cells[c] != null) {
                    put(label, columns.get(c), cells[c]);
                }
            }
            return this;
        }

        /** False for error rates (miss rate, over-detection), where the smallest value is best. */
        public Builder higherIsBetter(boolean higher) {
            this.higherIsBetter = higher;
            return this;
        }

        public Builder decimals(int decimals) {
            if (decimals < 0 || decimals > 10) {
                throw new IllegalArgumentException("decimals must be 0..10, got " + decimals);
            }
            this.decimals = decimals;
            return this;
        }

        public Table build() {
            return new Table(this);
        }

        private void column(String name) {
            if (!columns.contains(Objects.requireNonNull(name))) {
                columns.add(name);
            }
        }
    }
}
