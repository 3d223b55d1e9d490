package io.gaikan.eval;

import io.gaikan.text.Csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a run's {@code history.csv}: what one epoch did. The file is both the human-readable training log and
 * the state a resumed run and a report read back, so values are written with full precision ({@link Double#toString})
 * and read back bit-identically.
 *
 * @param epoch         1-based epoch number over the whole run (it keeps counting across phases)
 * @param phase         one of {@link #PHASES}: "transfer" (backbone frozen), "finetune", "scratch", or plain "train"
 * @param valLoss       NaN when the run has no validation split
 * @param valAccuracy   NaN when the run has no validation split
 * @param taskAccuracy  accuracy per auxiliary task of a multi-task run, in column order; empty otherwise
 */
public record EpochRecord(int epoch, String phase, double trainLoss, double trainAccuracy, double valLoss,
                          double valAccuracy, double lr, double seconds, Map<String, Double> taskAccuracy) {

    public static final List<String> PHASES = List.of("transfer", "finetune", "scratch", "train");

    /** The fixed leading columns of history.csv; auxiliary-task columns follow as {@code <task>_acc}. */
    public static final List<String> FIXED_COLUMNS =
            List.of("epoch", "phase", "train_loss", "train_acc", "val_loss", "val_acc", "lr", "seconds");

    private static final String TASK_SUFFIX = "_acc";

    public EpochRecord {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch must be >= 1 (1-based), got " + epoch);
        }
        if (!PHASES.contains(phase)) {
            throw new IllegalArgumentException("phase must be one of " + PHASES + ", got '" + phase + "'");
        }
        Map<String, Double> tasks = new LinkedHashMap<>();
        if (taskAccuracy != null) {
            taskAccuracy.forEach((task, acc) -> tasks.put(requireColumnSafe(task), acc == null ? Double.NaN : acc));
        }
        // LinkedHashMap keeps the caller's task order, which becomes the column order.
        taskAccuracy = Collections.unmodifiableMap(tasks);
    }

    /** An epoch without auxiliary tasks. */
    public EpochRecord(int epoch, String phase, double trainLoss, double trainAccuracy, double valLoss,
                       double valAccuracy, double lr, double seconds) {
        this(epoch, phase, trainLoss, trainAccuracy, valLoss, valAccuracy, lr, seconds, Map.of());
    }

    public boolean hasValidation() {
        return !Double.isNaN(valLoss) || !Double.isNaN(valAccuracy);
    }

    /** The header line (no newline) for a history with the given auxiliary tasks. */
    public static String csvHeader(Collection<String> taskNames) {
        List<String> line = new ArrayList<>(FIXED_COLUMNS);
        taskNames.forEach(task -> line.add(requireColumnSafe(task) + TASK_SUFFIX));
        return Csv.line(line);
    }

    /** This epoch as a CSV line (no newline) under {@link #csvHeader} of the same task names; NaN is an empty cell. */
    public String csvRow(Collection<String> taskNames) {
        List<String> line = new ArrayList<>(List.of(Integer.toString(epoch), phase));
        for (double v : new double[]{trainLoss, trainAccuracy, valLoss, valAccuracy, lr, seconds}) {
            line.add(cell(v));
        }
        for (String task : taskNames) {
            line.add(cell(taskAccuracy.getOrDefault(task, Double.NaN)));
        }
        return Csv.line(line);
    }

    /** Writes a whole history (header + rows); the task columns are those of the first record. */
    public static void writeCsv(Path file, List<EpochRecord> history) throws IOException {
        List<String> tasks = taskNames(history);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(csvHeader(tasks));
            w.newLine();
            for (EpochRecord r : history) {
                w.write(r.csvRow(tasks));
                w.newLine();
            }
        }
    }

    /**
     * Appends one epoch as training goes, writing the header first when the file is new or empty, so a run killed
     * mid-way leaves a valid history of the epochs it finished.
     */
    public static void appendCsv(Path file, EpochRecord record) throws IOException {
        List<String> tasks;
        StringBuilder text = new StringBuilder();
        if (!Files.exists(file) || Files.size(file) == 0) {
            tasks = List.copyOf(record.taskAccuracy.keySet());
            text.append(csvHeader(tasks)).append(System.lineSeparator());
        } else {
            tasks = taskColumns(file, Csv.read(file).get(0));
        }
        text.append(record.csvRow(tasks)).append(System.lineSeparator());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Reads a history.csv written by {@link #writeCsv} or {@link #appendCsv}. */
    public static List<EpochRecord> readCsv(Path file) throws IOException {
        List<List<String>> records;
        try {
            records = Csv.read(file);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            throw new IOException(file + ": empty history file, expected header " + csvHeader(List.of()));
        }
        List<String> tasks = taskColumns(file, records.get(0));
        int width = FIXED_COLUMNS.size() + tasks.size();
        List<EpochRecord> history = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            if (cells.size() != width) {
                throw new IOException(file + ":" + (i + 1) + ": expected " + width + " columns, found " + cells.size());
            }
            try {
                Map<String, Double> taskAcc = new LinkedHashMap<>();
                for (int t = 0; t < tasks.size(); t++) {
                    taskAcc.put(tasks.get(t), number(cells.get(FIXED_COLUMNS.size() + t)));
                }
                history.add(new EpochRecord(Integer.parseInt(cells.get(0).trim()), cells.get(1).trim(), number(cells.get(2)),
                        number(cells.get(3)), number(cells.get(4)), number(cells.get(5)), number(cells.get(6)),
                        number(cells.get(7)), taskAcc));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return history;
    }

    private static List<String> taskNames(List<EpochRecord> history) {
        return history.isEmpty() ? List.of() : List.copyOf(history.get(0).taskAccuracy.keySet());
    }

    private static List<String> taskColumns(Path file, List<String> columns) throws IOException {
        if (columns.size() < FIXED_COLUMNS.size() || !columns.subList(0, FIXED_COLUMNS.size()).equals(FIXED_COLUMNS)) {
            throw new IOException(file + ": not a history.csv, header must start with " + String.join(",", FIXED_COLUMNS));
        }
        List<String> tasks = new ArrayList<>();
        for (int c = FIXED_COLUMNS.size(); c < columns.size(); c++) {
            String column = columns.get(c);
            if (!column.endsWith(TASK_SUFFIX) || column.length() == TASK_SUFFIX.length()) {
                throw new IOException(file + ": task column '" + column + "' must be named <task>" + TASK_SUFFIX);
            }
            tasks.add(column.substring(0, column.length() - TASK_SUFFIX.length()));
        }
        return tasks;
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static double number(String cell) {
        String s = cell.trim();
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static String requireColumnSafe(String task) {
        if (task == null || task.isBlank() || task.contains(",") || task.contains("\"") || task.contains("\n")) {
            throw new IllegalArgumentException("task name must be non-blank without commas, quotes or newlines: '" + task + "'");
        }
        return task;
    }
}
