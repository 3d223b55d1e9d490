package io.gaikan.experiment;

import io.gaikan.eval.EpochRecord;
import io.gaikan.model.ModelRegistry;
import io.gaikan.pretrain.CgPretraining;
import io.gaikan.train.RunLayout;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An experiment's pretrain steps ({@code pretrain:} in the config): CG images rendered and trained on, or a network
 * trained on a folder, once per step whatever the number of grid runs that start from it.
 */
final class PretrainRunner {

    private final ExperimentRunner runner;
    private final ModelRegistry registry;
    private final int threads;
    private final PrintStream out;

    PretrainRunner(ExperimentRunner runner, ModelRegistry registry, int threads, PrintStream out) {
        this.runner = runner;
        this.registry = registry;
        this.threads = threads;
        this.out = out;
    }

    void run(RunSpec step, Path dir, RunStore store) throws IOException {
        if (store.run(step.id()).status() == RunStore.Status.FINISHED) {
            return;
        }
        Path stepDir = ExperimentRunner.runDir(dir, step);
        Files.createDirectories(stepDir);
        double seconds;
        if (step.source() instanceof Grid.CgSource cg) {
            out.printf("%s (run %s): %d CG images at %d px ...%n", step.name(), step.id(), cg.count(), cg.synth().size());
            seconds = runner.attempt(step, stepDir, store, log -> {
                Path runDir = new CgPretraining(cg.synth(), cg.count(), step.config().toBuilder().threads(threads).build())
                        .run(stepDir, registry, log).getParent();
                // CgPretraining trains without a listener: its history and metrics are recorded once it is done.
                RunLayout run = new RunLayout(runDir);
                for (EpochRecord r : run.readHistory()) {
                    store.epoch(step.id(), r);
                }
                // keyed by task: a multi-task pretraining (e.g. defect kind + family, lighting, region) has several
                return Files.exists(run.metrics()) ? run.readMetrics() : Map.of();
            });
        } else {
            DataSpec source = (DataSpec) step.source();
            ExperimentData data = ExperimentData.open(source, stepDir.resolveSibling(stepDir.getFileName() + ".split.csv"),
                    threads, out);
            out.printf("%s (run %s) on %s ...%n", step.name(), step.id(), data.describe());
            seconds = runner.train(step, data, source.seed(), dir, store);
        }
        out.printf("%s: done in %s%n", step.name(), RunText.duration(seconds));
    }

    /** The weights a run that starts from pretrain step {@code step} loads. */
    static Path pretrainedModel(Path dir, RunSpec step) {
        Path stepDir = ExperimentRunner.runDir(dir, step);
        return new RunLayout(step.source() instanceof Grid.CgSource ? stepDir.resolve("run") : stepDir).model();
    }
}
