package io.gaikan.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gaikan.data.Split;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.ModelSpec;
import io.gaikan.model.weights.PretrainedResolver;
import io.gaikan.train.EpochListener;
import io.gaikan.train.Init;
import io.gaikan.train.RunLayout;
import io.gaikan.train.RunLock;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.Trainer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs an experiment into a directory: draws (or reloads) the split, runs the pretrain steps, the classical baseline
 * and every grid run one after another through the {@link Trainer}, recording each in {@link RunStore}. Runs already
 * finished are skipped and a run that was interrupted resumes from its last checkpoint, so after a kill the same
 * call finishes the grid without redoing anything.
 *
 * <pre>{@code
 * ExperimentConfig config = ExperimentConfig.load(Path.of("experiments/fewshot-casting.yaml"));
 * ExperimentRunner.builder().build().run(config, Path.of("out/fewshot"));
 * ExperimentReport.write(Path.of("out/fewshot"));
 * }</pre>
 *
 * Layout of DIR: {@code experiment.yaml} (the config as run), {@code split.csv}, {@code runs.db},
 * {@code runs/<id>/} (one Trainer run directory each), {@code pretrain/<name>-<id>/}, {@code baseline/<id>/}.
 */
public final class ExperimentRunner {

    public static final String CONFIG_FILE = "experiment.yaml";
    /** Meta key: JSON map of shots to the id of the baseline run the current config wants for it. */
    static final String BASELINE_META = "baseline_runs";

    private static final com.fasterxml.jackson.databind.ObjectMapper META_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** What an invocation did. */
    public record Summary(int runs, int alreadyFinished, int trained, double seconds) {
    }

    private final ModelRegistry registry;
    private final PrintStream out;
    private final EpochListener listener;
    private final int workerIndex;
    private final int workerCount;
    private final int threads;
    private final Duration checkpointEvery;

    private ExperimentRunner(Builder b) {
        this.registry = b.registry;
        this.out = b.out;
        this.listener = b.listener;
        this.workerIndex = b.workerIndex;
        this.workerCount = b.workerCount;
        this.threads = b.threads;
        this.checkpointEvery = b.checkpointEvery;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The whole experiment: directory checks, split, pretrain steps, baseline, then every grid run not finished yet.
     * A worker runner does only its share of the grid runs.
     */
    public Summary run(ExperimentConfig config, Path dir) throws IOException {
        return run(config, dir, true);
    }

    /**
     * Everything the grid runs need before they can start in several worker processes: the split, pretrain steps
     * and the baseline. {@link #run} on a single runner includes this.
     */
    public void setUp(ExperimentConfig config, Path dir) throws IOException {
        if (!isCoordinator()) {
            throw new IllegalStateException("worker runners do not set up the experiment");
        }
        run(config, dir, false);
    }

    private Summary run(ExperimentConfig config, Path dir, boolean gridRuns) throws IOException {
        if (!isCoordinator()) { // workers run under the lock of the process that started them
            return runLocked(config, dir, gridRuns);
        }
        try (RunLock lock = RunLock.acquire(dir)) {
            return runLocked(config, dir, gridRuns);
        }
    }

    private Summary runLocked(ExperimentConfig config, Path dir, boolean gridRuns) throws IOException {
        Grid grid = prepare(config, dir);
        if (!isCoordinator() && !Files.isRegularFile(dir.resolve(RunLayout.SPLIT))) {
            throw new ConfigException(dir + " has no " + RunLayout.SPLIT + ": set the experiment up before starting workers");
        }
        try (RunStore store = RunStore.open(dir)) {
            ExperimentData data = ExperimentData.open(config.data(), dir.resolve(RunLayout.SPLIT), threads, out);
            out.println("data: " + data.describe());
            if (isCoordinator()) {
                for (RunSpec step : grid.pretrainSteps()) {
                    new PretrainRunner(this, registry, threads, out).run(step, dir, store);
                }
                for (RunSpec baseline : baselineRuns(config, grid).values()) {
                    store.register(baseline, runDir(Path.of(""), baseline));
                    BaselineStep.run(baseline, data.split(baseline.shots(), config.data().seed()), data, runDir(dir, baseline),
                            store, threads, out);
                }
            }
            return gridRuns ? runGrid(grid, config, data, dir, store) : new Summary(grid.runs().size(), 0, 0, 0);
        }
    }

    /**
     * Validates the config against the directory and the model zoo, records the grid, and writes the config beside
     * the results. Also what a coordinator does before it starts worker processes.
     */
    public Grid prepare(ExperimentConfig config, Path dir) throws IOException {
        Files.createDirectories(dir);
        Grid grid = Grid.expand(config);
        for (RunSpec run : grid.runs()) {
            check(run, config);
        }
        grid.pretrainSteps().forEach(step -> check(step, config));
        try (RunStore store = RunStore.open(dir)) {
            String dataJson = json(config.data());
            String previous = store.meta("data");
            if (previous != null && !previous.equals(dataJson)) {
                throw new ConfigException(dir + " holds an experiment on other data (" + previous + "); the split is "
                        + "fixed per directory, so give this config its own --out directory");
            }
            if (isCoordinator()) {
                store.putMeta("data", dataJson);
                store.putMeta("name", config.name());
                store.putMeta("config", config.text());
                store.putMeta("report", json(config.report()));
                store.putMeta("axes", json(axisLabels(config)));
                store.replaceGrid(grid.points());
                Map<Integer, String> baselineIds = new LinkedHashMap<>();
                baselineRuns(config, grid).forEach((shots, run) -> baselineIds.put(shots, run.id()));
                store.putMeta(BASELINE_META, json(baselineIds));
                grid.runs().forEach(r -> store.register(r, runDir(Path.of(""), r)));
                grid.pretrainSteps().forEach(r -> store.register(r, runDir(Path.of(""), r)));
                Files.writeString(dir.resolve(CONFIG_FILE), config.text(), StandardCharsets.UTF_8);
            }
        }
        return grid;
    }

    /** Per shots value of the grid, the baseline run fitted on those training images (none unless configured). */
    private static Map<Integer, RunSpec> baselineRuns(ExperimentConfig config, Grid grid) {
        Map<Integer, RunSpec> out = new LinkedHashMap<>();
        if (config.baseline() != null) {
            grid.shotsValues().forEach(s -> out.put(s, RunSpec.baseline(s, config.baseline().workingSize())));
        }
        return out;
    }

    private boolean isCoordinator() {
        return workerIndex == 0 && workerCount == 1;
    }

    /** Fails before any training when a run names an unknown model or weights that cannot be found. */
    private void check(RunSpec run, ExperimentConfig config) {
        TrainConfig c = run.config();
        String where = config.source() + ": " + run.name() + ": ";
        try {
            ModelSpec spec = registry.get(c.model());
            if (c.init() instanceof Init.ImageNet) {
                PretrainedResolver.fromEnvironment(c.allowDownload())
                        .resolve(spec, c.weightsFile() == null ? null : Path.of(c.weightsFile()));
            } else if (c.init() instanceof Init.WeightsFile f && !Files.isRegularFile(f.file())) {
                throw new IllegalArgumentException("init: no such weights file: " + f.file());
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + e.getMessage(), e);
        }
    }

    static Path runDir(Path dir, RunSpec run) {
        return switch (run.kind()) {
            case TRAIN -> dir.resolve("runs").resolve(run.id());
            case PRETRAIN -> dir.resolve("pretrain").resolve(run.name().split(" ")[1] + "-" + run.config().model()
                    + "-" + run.id());
            case BASELINE -> dir.resolve("baseline").resolve(run.id());
        };
    }

    private Summary runGrid(Grid grid, ExperimentConfig config, ExperimentData data, Path dir, RunStore store)
            throws IOException {
        List<RunSpec> mine = new ArrayList<>();
        List<RunSpec> all = grid.runs();
        for (int i = 0; i < all.size(); i++) {
            if (i % workerCount == workerIndex) {
                mine.add(all.get(i));
            }
        }
        List<RunSpec> todo = mine.stream()
                .filter(r -> store.run(r.id()).status() != RunStore.Status.FINISHED).toList();
        String who = workerCount > 1 ? "worker " + (workerIndex + 1) + "/" + workerCount + ": " : "";
        out.printf("%s%d runs, %d finished earlier, %d to run%n", who, mine.size(), mine.size() - todo.size(), todo.size());
        long started = System.nanoTime();
        int k = mine.size() - todo.size();
        int trained = 0;
        for (RunSpec run : todo) {
            k++;
            String tag = String.format(Locale.ROOT, "%s[%d/%d]", who, k, mine.size());
            out.printf("%s %s (run %s) ...%n", tag, run.name(), run.id());
            double seconds = train(run, data, config.data().shotSeed(run.config().seed()), dir, store);
            trained++;
            double elapsed = (System.nanoTime() - started) / 1e9;
            out.printf("%s %s: %s in %s, ETA %s%n", tag, run.name(), RunText.summary(store.run(run.id()).mainMetrics()),
                    RunText.duration(seconds), RunText.duration(elapsed / trained * (todo.size() - trained)));
        }
        return new Summary(mine.size(), mine.size() - todo.size(), trained, (System.nanoTime() - started) / 1e9);
    }

    /** Trains (or resumes) one run into its directory. */
    double train(RunSpec run, ExperimentData data, long dataSeed, Path dir, RunStore store) throws IOException {
        Path runDir = runDir(dir, run);
        boolean resume = new RunLayout(runDir).isRun();
        TrainConfig config = run.config();
        if (run.pretrain() != null) {
            config = config.toBuilder().init(PretrainRunner.pretrainedModel(dir, run.pretrain()).toString()).build();
        }
        TrainConfig effective = config.toBuilder().threads(threads).build();
        Split split = data.split(run.shots(), dataSeed);
        return attempt(run, runDir, store, log -> {
            EpochListener record = r -> {
                store.epoch(run.id(), r);
                listener.epochDone(r);
            };
            return new Trainer(registry, log, record).checkpointEvery(checkpointEvery)
                    .train(effective, data.dataset(), split, data.normalClasses(), runDir, resume).testMetrics();
        });
    }

    /** The work of one attempt at a run, writing its log to the given stream; returns the test metrics per task. */
    @FunctionalInterface
    interface Work {
        Map<String, ClassificationMetrics> run(PrintStream log) throws IOException;
    }

    /**
     * One attempt at a run: marks it running, sends the work's output to {@code train.log} in its directory, and
     * records it finished with its metrics, or failed (and rethrows).
     */
    double attempt(RunSpec run, Path runDir, RunStore store, Work work) throws IOException {
        Files.createDirectories(runDir);
        store.started(run.id());
        long started = System.nanoTime();
        try (OutputStream file = Files.newOutputStream(runDir.resolve("train.log"), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND); PrintStream log = new PrintStream(file, true, StandardCharsets.UTF_8)) {
            Map<String, ClassificationMetrics> metrics = work.run(log);
            double seconds = (System.nanoTime() - started) / 1e9;
            store.finished(run.id(), metrics, seconds);
            return seconds;
        } catch (IOException | RuntimeException | Error e) {
            store.failed(run.id(), String.valueOf(e.getMessage()), (System.nanoTime() - started) / 1e9);
            throw e;
        }
    }

    private static Map<String, List<String>> axisLabels(ExperimentConfig config) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        config.axes().forEach(a -> out.put(a.name(), a.labels()));
        return out;
    }

    /** JSON for the store's metadata; map order is kept (it is the axes' order). */
    static String json(Object value) {
        try {
            return META_JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class Builder {
        private ModelRegistry registry = ModelRegistry.defaults();
        private PrintStream out = System.out;
        private EpochListener listener = r -> { };
        private int workerIndex = 0;
        private int workerCount = 1;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Duration checkpointEvery = Trainer.CHECKPOINT_EVERY;

        public Builder registry(ModelRegistry r) {
            registry = Objects.requireNonNull(r);
            return this;
        }

        /** Where progress lines go (each run's trainer output goes to its {@code train.log}). */
        public Builder out(PrintStream p) {
            out = Objects.requireNonNull(p);
            return this;
        }

        /** Also told about every epoch of every run (UIs; tests use it to simulate a kill). */
        public Builder listener(EpochListener l) {
            listener = Objects.requireNonNull(l);
            return this;
        }

        /**
         * Makes this runner worker {@code index} (0-based) of {@code count} processes: it runs every count-th grid run
         * and nothing else; the coordinator (the single runner) does the split, pretrain steps and baseline first.
         */
        public Builder worker(int index, int count) {
            if (count < 1 || index < 0 || index >= count) {
                throw new IllegalArgumentException("worker " + index + " of " + count + " does not exist");
            }
            workerIndex = index;
            workerCount = count;
            return this;
        }

        /** Data-loading threads per run (and baseline threads). */
        public Builder threads(int n) {
            threads = Math.max(1, n);
            return this;
        }

        /** Time between a run's checkpoints ({@link Trainer#checkpointEvery}; default {@link Trainer#CHECKPOINT_EVERY}). */
        public Builder checkpointEvery(Duration interval) {
            checkpointEvery = Objects.requireNonNull(interval);
            return this;
        }

        public ExperimentRunner build() {
            return new ExperimentRunner(this);
        }
    }
}
