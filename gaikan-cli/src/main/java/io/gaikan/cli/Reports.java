package io.gaikan.cli;

import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.train.TrainResult;

import java.io.PrintStream;
import java.util.Map;

/** Console summaries of results. */
final class Reports {
    private Reports() {
    }

    static void printSummary(TrainResult result, PrintStream out) {
        for (Map.Entry<String, ClassificationMetrics> e : result.testMetrics().entrySet()) {
            printMetrics(e.getKey(), e.getValue(), out);
        }
        out.println("run directory: " + result.runDir().toAbsolutePath());
    }

    static void printMetrics(String task, ClassificationMetrics m, PrintStream out) {
        out.printf("test %-8s accuracy %.4f on %d images", task, m.accuracy(), m.count());
        if (!Double.isNaN(m.missRate())) {
            out.printf("  | defect acc %.4f  normal acc %.4f  miss rate %.4f  over-detection %.4f",
                    m.defectAccuracy(), m.normalAccuracy(), m.missRate(), m.overDetectionRate());
        }
        out.println();
    }
}
