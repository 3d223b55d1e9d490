package io.gaikan.cli;

import io.gaikan.experiment.ExperimentConfig;
import io.gaikan.experiment.ExperimentReport;
import io.gaikan.experiment.ExperimentRunner;
import io.gaikan.experiment.Grid;
import io.gaikan.experiment.RunSpec;
import io.gaikan.experiment.RunStore;
import io.gaikan.experiment.WorkerProcesses;
import io.gaikan.train.RunLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gaikan experiment}: runs a grid of trainings from a YAML config, resumably, and writes its report. */
@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an experiment grid (axes of settings x seeds on one fixed split) and report it.",
                "Finished runs are skipped and an interrupted run resumes from its checkpoint: after a kill, run the "
                        + "same command again. Ready-made configs: experiments/*.yaml."})
public final class ExperimentCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG.yaml", description = "experiment config (see experiments/README.md)")
    Path config;

    @Option(names = "--out", required = true, description = "experiment directory (runs.db, runs/, report.*); reuse it to resume")
    Path out;

    @Option(names = "--parallel", defaultValue = "1",
            description = "grid runs in N separate JVM processes (default ${DEFAULT-VALUE}); worth it only with spare cores")
    int parallel;

    @Option(names = "--threads", description = "data-loading threads per run (default: cores / --parallel)")
    Integer threads;

    @Option(names = "--dry-run", description = "list the grid's runs, their ids and status, and stop")
    boolean dryRun;

    @Option(names = "--no-report", description = "do not write the report at the end")
    boolean noReport;

    @Option(names = "--worker", hidden = true, description = "internal: run share I/N of the grid (1-based)")
    String worker;

    @Override
    public Integer call() throws Exception {
        ThreadCount.check(threads);
        ExperimentConfig experiment = ExperimentConfig.load(config);
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be >= 1, got " + parallel);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int perRun = threads != null ? threads : Math.max(1, cores / parallel);
        ExperimentRunner.Builder runner = ExperimentRunner.builder().threads(perRun);
        if (dryRun) {
            return listGrid(experiment);
        }
        if (worker != null) {
            String[] parts = worker.split("/");
            runner.worker(Integer.parseInt(parts[0]) - 1, Integer.parseInt(parts[1]));
            runner.build().run(experiment, out);
            return 0;
        }
        long started = System.nanoTime();
        if (parallel == 1) {
            runner.build().run(experiment, out);
        } else {
            runner.build().setUp(experiment, out);
            try (RunLock lock = RunLock.acquire(out)) { // held while the workers run, as a single runner holds it
                System.out.printf("starting %d worker processes (%d thread(s) each)%n", parallel, perRun);
                WorkerProcesses.run(parallel, i -> workerCommand(i + 1, perRun), perRun);
            }
        }
        System.out.printf("experiment finished in %.1f min%n", (System.nanoTime() - started) / 60e9);
        if (!noReport) {
            ExperimentReport.Output report = ExperimentReport.write(out);
            System.out.println();
            System.out.println(report.mainTable());
            System.out.println("report: " + report.html().toAbsolutePath() + " (and report.md, tables/*.csv, results.csv, runs.html)");
        }
        return 0;
    }

    /** The same program with the same JVM options, as worker {@code index} of {@code --parallel}. */
    private List<String> workerCommand(int index, int perRun) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of("experiment", config.toString(), "--out", out.toString(), "--threads", Integer.toString(perRun),
                "--worker", index + "/" + parallel));
        return cmd;
    }

    private int listGrid(ExperimentConfig experiment) {
        Grid grid = Grid.expand(experiment);
        RunStore store = Files.isRegularFile(out.resolve(RunStore.FILE)) ? RunStore.open(out) : null;
        try {
            for (RunSpec step : grid.pretrainSteps()) {
                System.out.printf("%s  %-9s %s%n", step.id(), status(store, step), step.name());
            }
            for (RunSpec run : grid.runs()) {
                System.out.printf("%s  %-9s %s%n", run.id(), status(store, run), run.name());
            }
            System.out.printf("%d grid cells, %d distinct runs, %d pretrain step(s)%n", grid.points().size(),
                    grid.runs().size(), grid.pretrainSteps().size());
        } finally {
            if (store != null) {
                store.close();
            }
        }
        return 0;
    }

    private static String status(RunStore store, RunSpec run) {
        RunStore.RunRecord r = store == null ? null : store.run(run.id());
        return r == null ? "new" : r.status().name().toLowerCase(java.util.Locale.ROOT);
    }
}
