package io.gaikan.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.EpochRecord;
import io.gaikan.report.MetricsJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code DIR/runs.db}, the experiment's embedded SQLite record: every run's settings, status, attempts, timings,
 * per-epoch history and test metrics, plus the grid (which run fills which cell) and the experiment's metadata.
 * Write-ahead logging and a busy timeout let worker processes of one experiment share the file.
 */
public final class RunStore implements AutoCloseable {

    public static final String FILE = "runs.db";

    /** Lifecycle of a run; a run found {@code RUNNING} at start-up was killed and is resumed. */
    public enum Status { PENDING, RUNNING, FINISHED, FAILED }

    /** A run as recorded; {@code metrics} per task (main first), empty until finished. */
    public record RunRecord(String id, RunSpec.Kind kind, String name, String settings, Status status, int attempts,
                            String dir, String started, String finished, double seconds,
                            Map<String, ClassificationMetrics> metrics, String error) {

        public ClassificationMetrics mainMetrics() {
            return metrics.isEmpty() ? null : metrics.values().iterator().next();
        }
    }

    /** A grid cell: its axis labels and the run that fills it. */
    public record GridEntry(int position, String runId, Map<String, String> labels, int shots) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS runs(id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
              settings TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, dir TEXT,
              started TEXT, finished TEXT, seconds REAL NOT NULL DEFAULT 0, metrics TEXT, error TEXT);
            CREATE TABLE IF NOT EXISTS epochs(run_id TEXT NOT NULL, epoch INTEGER NOT NULL, phase TEXT NOT NULL,
              train_loss REAL, train_acc REAL, val_loss REAL, val_acc REAL, lr REAL, seconds REAL, task_acc TEXT,
              recorded TEXT NOT NULL, PRIMARY KEY(run_id, epoch));
            CREATE TABLE IF NOT EXISTS grid(position INTEGER PRIMARY KEY, run_id TEXT NOT NULL, labels TEXT NOT NULL,
              shots INTEGER NOT NULL);
            """;

    private final Path file;
    private final Connection db;

    private RunStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens (creating if needed) the database of an experiment directory. */
    public static RunStore open(Path experimentDir) {
        Path file = experimentDir.resolve(FILE);
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = 60000");
                s.execute("PRAGMA journal_mode = WAL");
                for (String ddl : SCHEMA.split(";")) {
                    if (!ddl.isBlank()) {
                        s.execute(ddl);
                    }
                }
            }
            return new RunStore(file, db);
        } catch (SQLException e) {
            throw new ConfigException("cannot open the run database " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized String meta(String key) {
        return query("SELECT value FROM meta WHERE key = ?", rs -> rs.next() ? rs.getString(1) : null, key);
    }

    public synchronized void putMeta(String key, String value) {
        update("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
    }

    /** Records the current grid (a changed config may add or drop cells; finished runs stay in {@code runs}). */
    public synchronized void replaceGrid(List<Grid.Point> points) {
        transaction(() -> {
            update("DELETE FROM grid");
            for (Grid.Point p : points) {
                update("INSERT INTO grid(position, run_id, labels, shots) VALUES(?, ?, ?, ?)", p.position(),
                        p.run().id(), json(p.labels()), p.run().shots());
            }
        });
    }

    public synchronized List<GridEntry> grid() {
        return query("SELECT position, run_id, labels, shots FROM grid ORDER BY position", rs -> {
            List<GridEntry> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new GridEntry(rs.getInt(1), rs.getString(2), labels(rs.getString(3)), rs.getInt(4)));
            }
            return out;
        });
    }

    /** Adds the run as pending unless it is already known (then nothing changes). */
    public synchronized void register(RunSpec spec, Path dir) {
        update("INSERT OR IGNORE INTO runs(id, kind, name, settings, status, dir) VALUES(?, ?, ?, ?, ?, ?)", spec.id(),
                spec.kind().name(), spec.name(), spec.settingsJson(), Status.PENDING.name(), dir.toString());
    }

    public synchronized void started(String id) {
        update("UPDATE runs SET status = ?, attempts = attempts + 1, started = ?, error = NULL WHERE id = ?",
                Status.RUNNING.name(), now(), id);
    }

    public synchronized void epoch(String id, EpochRecord r) {
        update("INSERT OR REPLACE INTO epochs(run_id, epoch, phase, train_loss, train_acc, val_loss, val_acc, lr, seconds,"
                        + " task_acc, recorded) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, r.epoch(), r.phase(),
                r.trainLoss(), r.trainAccuracy(), r.valLoss(), r.valAccuracy(), r.lr(), r.seconds(),
                json(r.taskAccuracy()), now());
    }

    /** @param seconds wall time of this attempt (added to earlier attempts') */
    public synchronized void finished(String id, Map<String, ClassificationMetrics> metrics, double seconds) {
        update("UPDATE runs SET status = ?, finished = ?, seconds = seconds + ?, metrics = ? WHERE id = ?",
                Status.FINISHED.name(), now(), seconds, MetricsJson.toJson(metrics), id);
    }

    public synchronized void failed(String id, String error, double seconds) {
        update("UPDATE runs SET status = ?, seconds = seconds + ?, error = ? WHERE id = ?", Status.FAILED.name(),
                seconds, error, id);
    }

    public synchronized RunRecord run(String id) {
        return query("SELECT * FROM runs WHERE id = ?", rs -> rs.next() ? record(rs) : null, id);
    }

    /** Every recorded run by id, including runs of earlier versions of the grid. */
    public synchronized Map<String, RunRecord> runs() {
        return query("SELECT * FROM runs ORDER BY rowid", rs -> {
            Map<String, RunRecord> out = new LinkedHashMap<>();
            while (rs.next()) {
                RunRecord r = record(rs);
                out.put(r.id(), r);
            }
            return out;
        });
    }

    /** The per-epoch history recorded for a run, in epoch order. */
    public synchronized List<EpochRecord> history(String id) {
        return query("SELECT epoch, phase, train_loss, train_acc, val_loss, val_acc, lr, seconds, task_acc FROM epochs"
                + " WHERE run_id = ? ORDER BY epoch", rs -> {
            List<EpochRecord> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Double> tasks = new LinkedHashMap<>();
                labels(rs.getString(9)).forEach((k, v) -> tasks.put(k, v == null ? Double.NaN : Double.parseDouble(v)));
                out.add(new EpochRecord(rs.getInt(1), rs.getString(2), real(rs, 3), real(rs, 4), real(rs, 5),
                        real(rs, 6), real(rs, 7), real(rs, 8), tasks));
            }
            return out;
        }, id);
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }

    private RunRecord record(ResultSet rs) throws SQLException {
        return new RunRecord(rs.getString("id"), RunSpec.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("settings"), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("dir"), rs.getString("started"), rs.getString("finished"), rs.getDouble("seconds"),
                metrics(rs.getString("metrics")), rs.getString("error"));
    }

    private Map<String, ClassificationMetrics> metrics(String json) {
        Map<String, ClassificationMetrics> out = new LinkedHashMap<>();
        if (json == null) {
            return out;
        }
        try {
            JsonNode root = JSON.readTree(json);
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), MetricsJson.fromJson(e.getValue().toString()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": unreadable metrics in the runs table: " + e.getMessage(), e);
        }
    }

    /** NaN is stored as NULL (SQLite has no NaN) and read back as NaN. */
    private static double real(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static Map<String, String> labels(String json) {
        try {
            Map<String, String> out = JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
            return out == null ? Map.of() : out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable labels in the run database: " + json, e);
        }
    }

    private static String json(Map<String, ?> map) {
        Map<String, Object> safe = new LinkedHashMap<>();
        map.forEach((k, v) -> safe.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v == null ? null : v.toString()));
        try {
            return JSON.writeValueAsString(safe);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String now() {
        return OffsetDateTime.now().toString();
    }

    @FunctionalInterface
    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Rows<T> rows, Object... args) {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            bind(st, args);
            try (ResultSet rs = st.executeQuery()) {
                return rows.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            bind(st, args);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private void transaction(Runnable body) {
        try {
            db.setAutoCommit(false);
            try {
                body.run();
                db.commit();
            } catch (RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement st, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Double d && !Double.isFinite(d)) {
                st.setNull(i + 1, Types.REAL);
            } else {
                st.setObject(i + 1, a);
            }
        }
    }
}
