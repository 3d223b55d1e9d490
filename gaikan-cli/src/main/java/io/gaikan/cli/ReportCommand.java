package io.gaikan.cli;

import io.gaikan.experiment.ExperimentReport;
import io.gaikan.experiment.Metric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gaikan report}: (re)writes an experiment directory's report from its run database. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the report of an experiment directory: report.md, report.html (self-contained), "
                + "tables/*.csv, results.csv, runs.html/runs.md and plots/*.png.",
                "Works while the grid is still running (unfinished cells stay empty)."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "experiment directory (from gaikan experiment --out)")
    Path dir;

    @Option(names = "--rows", description = "axis for the table rows (default: the config's report.rows)")
    String rows;

    @Option(names = "--columns", description = "axis for the columns, or 'none' for metrics as rows (default: the config's)")
    String columns;

    @Option(names = "--metric", description = "main metric: accuracy | defect_accuracy | normal_accuracy | miss_rate | over_detection_rate")
    String metric;

    @Override
    public Integer call() throws Exception {
        ExperimentReport.Output report = ExperimentReport.write(dir, rows,
                "none".equals(columns) ? "" : columns, metric == null ? null : Metric.byKey(metric));
        System.out.println(report.mainTable());
        System.out.println("report: " + report.html().toAbsolutePath() + " (and report.md, tables/*.csv, results.csv, runs.html)");
        return 0;
    }
}
