package io.gaikan.console;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    /** A fake clock the test advances by hand, so output does not depend on how fast the machine is. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** 100 items, one every 0.5 s (50 s of work), with a loss field. */
    private void run(ProgressBar bar) {
        for (int i = 1; i <= 100; i++) {
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
            bar.step(1, Map.of("loss", String.format(java.util.Locale.ROOT, "%.3f", 1.0 / i)));
        }
        bar.close();
    }

    @Test
    void logModePrintsFewFullLinesWithRateEtaAndFieldsThenASummary() {
        run(ProgressBar.start("epoch 1", 100, out, ProgressBar.Mode.LOG, nanos::get));
        List<String> lines = output().lines().toList();
        assertFalse(output().contains("\r"), "no carriage returns in logs");
        // one line per 10% (each 5 s apart here), plus the summary
        assertEquals(11, lines.size(), output());
        assertEquals("epoch 1  10% [##----------------------] 10/100  2.00 it/s  ETA 0:45  elapsed 0:05  loss=0.100",
                lines.get(0));
        assertTrue(lines.get(4).contains("50/100") && lines.get(4).contains("ETA 0:25"), lines.get(4));
        assertEquals("epoch 1: done 100/100 in 0:50 (2.00 it/s)  loss=0.010", lines.get(10));
    }

    @Test
    void logModeIsRateLimitedButKeepsAHeartbeat() {
        ProgressBar bar = ProgressBar.start("eval", 1000, out, ProgressBar.Mode.LOG, nanos::get);
        for (int i = 0; i < 1000; i++) { // fast: the whole job takes 1 s, so no 10% line is worth printing
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
            bar.step(1);
        }
        assertEquals("", output());
        ProgressBar slow = ProgressBar.start("grid", 0, out, ProgressBar.Mode.LOG, nanos::get);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(ProgressBar.LOG_HEARTBEAT_SECONDS));
        slow.step(1); // unknown total: only the heartbeat prints
        assertTrue(output().startsWith("grid 1  0.03 it/s  elapsed 0:30"), output());
    }

    @Test
    void quietModePrintsOnlyTheSummary() {
        run(ProgressBar.start("epoch 2", 100, out, ProgressBar.Mode.QUIET, nanos::get));
        assertEquals(List.of("epoch 2: done 100/100 in 0:50 (2.00 it/s)  loss=0.010"), output().lines().toList());
    }

    @Test
    void terminalModeRedrawsInPlaceAndEndsWithANewline() {
        run(ProgressBar.start("epoch 3", 100, out, ProgressBar.Mode.TERMINAL, nanos::get));
        String text = output();
        assertTrue(text.startsWith("\repoch 3   1% ["), text);
        // one redraw per step (each 0.5 s apart, above the redraw interval) plus the summary over the last line
        assertEquals(101, text.chars().filter(c -> c == '\r').count(), text);
        assertFalse(text.contains("elapsed"), "the in-place line stays short enough for a terminal");
        assertTrue(text.endsWith(System.lineSeparator()), "the shell prompt starts on a fresh line");
        String last = text.substring(text.lastIndexOf('\r') + 1);
        // the summary is padded with blanks to wipe out the longer bar line under it
        assertEquals("epoch 3: done 100/100 in 0:50 (2.00 it/s)  loss=0.010", last.strip());
        assertTrue(last.length() > last.strip().length() + 10, "padding covers the previous line");
    }

    @Test
    void publicStartOnANonConsoleStreamUsesLogLinesAndStopsEarlyHonestly() {
        ProgressBar bar = ProgressBar.start("train", 10, out, false);
        bar.step(3);
        bar.close();
        bar.close(); // idempotent
        List<String> lines = output().lines().toList();
        assertEquals(1, lines.size(), output());
        assertTrue(lines.get(0).startsWith("train: stopped at 3/10 in 0:00 ("), lines.get(0));
        assertThrows(IllegalStateException.class, () -> bar.step(1));
        ProgressBar quiet = ProgressBar.start("q", 5, out, true);
        quiet.step(5);
        quiet.close();
        assertTrue(output().lines().toList().get(1).startsWith("q: done 5/5 in "), output());
    }
}
