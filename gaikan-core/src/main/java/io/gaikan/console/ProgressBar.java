package io.gaikan.console;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of long work (an epoch, an evaluation, a grid of runs): a bar, count/total, rate, ETA and custom fields
 * such as loss and accuracy.
 * <ul>
 * <li>{@link Mode#TERMINAL}: one line redrawn in place with '\r', at most every {@value #REDRAW_MILLIS} ms;</li>
 * <li>{@link Mode#LOG} (output is a file, a pipe, CI): a full line when another 10% is done, but not more often than
 * every {@value #LOG_MIN_GAP_SECONDS} s, and at least every {@value #LOG_HEARTBEAT_SECONDS} s while work goes on, so
 * logs stay short and still show that the job is alive;</li>
 * <li>{@link Mode#QUIET}: nothing but the final summary line.</li>
 * </ul>
 * Every mode ends with one summary line on {@link #close()}. Safe to call from several threads.
 */
public final class ProgressBar implements AutoCloseable {

    public enum Mode { TERMINAL, LOG, QUIET }

    static final long REDRAW_MILLIS = 100;
    static final long LOG_MIN_GAP_SECONDS = 2;
    static final long LOG_HEARTBEAT_SECONDS = 30;
    private static final int BAR_WIDTH = 24;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final Mode mode;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private long done;
    private long lastPrintNanos;
    private long lastPrintedTenth;
    private int lastLineLength;
    private boolean closed;

    private ProgressBar(String label, long total, PrintStream out, Mode mode, LongSupplier nanoClock) {
        this.label = label == null ? "" : label;
        this.total = total;
        this.out = out;
        this.mode = mode;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastPrintNanos = startNanos;
    }

    /**
     * Starts a bar on {@code out}: redrawn in place when the process has a console and {@code out} is the standard
     * output or error, line by line otherwise, summary only when {@code quiet}.
     *
     * @param total expected number of items; 0 or less when unknown (no bar, no ETA)
     */
    public static ProgressBar start(String label, long total, PrintStream out, boolean quiet) {
        Mode mode = quiet ? Mode.QUIET
                : System.console() != null && (out == System.out || out == System.err) ? Mode.TERMINAL : Mode.LOG;
        return start(label, total, out, mode, System::nanoTime);
    }

    /** Explicit mode and clock (nanoseconds), for callers that know better and for tests. */
    public static ProgressBar start(String label, long total, PrintStream out, Mode mode, LongSupplier nanoClock) {
        return new ProgressBar(label, total, out, mode, nanoClock);
    }

    public void step(long n) {
        step(n, Map.of());
    }

    /** Records {@code n} more items done and updates the shown fields (e.g. loss, acc; later values replace earlier). */
    public synchronized void step(long n, Map<String, String> newFields) {
        if (closed) {
            throw new IllegalStateException("progress '" + label + "' is closed");
        }
        if (n < 0) {
            throw new IllegalArgumentException("progress step must be >= 0, got " + n);
        }
        done += n;
        if (newFields != null) {
            fields.putAll(newFields);
        }
        long now = nanoClock.getAsLong();
        if (mode == Mode.TERMINAL) {
            if (now - lastPrintNanos >= TimeUnit.MILLISECONDS.toNanos(REDRAW_MILLIS) || finished()) {
                redraw(line(now));
                lastPrintNanos = now;
            }
        } else if (mode == Mode.LOG) {
            long sinceLast = now - lastPrintNanos;
            long tenth = total > 0 ? Math.min(10, done * 10 / total) : 0;
            boolean newTenth = tenth > lastPrintedTenth && sinceLast >= TimeUnit.SECONDS.toNanos(LOG_MIN_GAP_SECONDS);
            if (newTenth || sinceLast >= TimeUnit.SECONDS.toNanos(LOG_HEARTBEAT_SECONDS)) {
                out.println(line(now));
                out.flush();
                lastPrintNanos = now;
                lastPrintedTenth = tenth;
            }
        }
    }

    /** Prints the summary line; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        String summary = summary(nanoClock.getAsLong());
        if (mode == Mode.TERMINAL) {
            redraw(summary);
            out.println();
        } else {
            out.println(summary);
        }
        out.flush();
    }

    public synchronized long done() {
        return done;
    }

    private boolean finished() {
        return total > 0 && done >= total;
    }

    private void redraw(String line) {
        // Pad with spaces so a shorter line fully covers the previous one.
        int pad = Math.max(0, lastLineLength - line.length());
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
        lastLineLength = line.length();
    }

    private String line(long now) {
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder s = new StringBuilder(label);
        if (total > 0) {
            double fraction = Math.min(1, (double) done / total);
            int filled = (int) Math.floor(fraction * BAR_WIDTH); // full only when really done
            s.append(String.format(Locale.ROOT, " %3d%% [", Math.round(fraction * 100)))
                    .append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(done).append('/').append(total);
        } else {
            s.append(' ').append(done);
        }
        s.append("  ").append(rate(rate)).append(" it/s");
        if (total > 0) {
            s.append("  ETA ").append(rate > 0 ? duration(Math.max(0, total - done) / rate) : "?");
        }
        if (mode != Mode.TERMINAL) { // a log line stands alone; the in-place line must stay short to not wrap
            s.append("  elapsed ").append(duration(seconds));
        }
        appendFields(s);
        return s.toString();
    }

    private String summary(long now) {
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder s = new StringBuilder(label).append(label.isEmpty() ? "" : ": ");
        s.append(total <= 0 || done >= total ? "done " : "stopped at ").append(done);
        if (total > 0) {
            s.append('/').append(total);
        }
        s.append(" in ").append(duration(seconds)).append(" (").append(rate(rate)).append(" it/s)");
        appendFields(s);
        return s.toString();
    }

    private void appendFields(StringBuilder s) {
        fields.forEach((k, v) -> s.append("  ").append(k).append('=').append(v));
    }

    private static String rate(double perSecond) {
        String pattern = perSecond >= 100 ? "%.0f" : perSecond >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, perSecond);
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
