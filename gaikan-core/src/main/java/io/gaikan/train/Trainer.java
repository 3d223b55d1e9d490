package io.gaikan.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.gaikan.augment.Pipelines;
import io.gaikan.concurrent.ThreadPools;
import io.gaikan.console.ProgressBar;
import io.gaikan.data.Batch;
import io.gaikan.data.BatchLoader;
import io.gaikan.data.Dataset;
import io.gaikan.data.ImageCache;
import io.gaikan.data.Sample;
import io.gaikan.data.Split;
import io.gaikan.data.Task;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.EpochRecord;
import io.gaikan.eval.Predictions;
import io.gaikan.eval.Predictor;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.ModelSpec;
import io.gaikan.model.ParameterNames;
import io.gaikan.model.TaskHead;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Trains an {@link ImageClassifier} on a split: phases (scratch, transfer, fine-tune, or transfer then fine-tune),
 * checkpoints from which {@code resume} continues bit for bit, early stopping that restores the best weights, and a
 * final test evaluation. Everything it produces goes into the run directory.
 *
 * <p>The epoch loop is short: a training pass ({@link TrainingStep} per batch), validation, early stopping
 * ({@link TrainState#after}), then the {@link EpochEnd.Listener}s in turn: {@link CheckpointClock} (a checkpoint at the
 * end of a phase and once {@link #checkpointEvery} has passed; a kill loses at most that interval of training),
 * {@link EpochConsole} (the epoch's line) and the caller's {@link EpochListener}.
 */
public final class Trainer {

    /** Decoded images kept in memory; beyond this they are decoded again each epoch. */
    private static final long IMAGE_CACHE_BYTES = 2L << 30;

    /** The default time between checkpoints. */
    public static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(60);

    private final ModelRegistry registry;
    private final PrintStream out;
    private final EpochListener listener;
    private final Duration checkpointEvery;

    public Trainer(ModelRegistry registry, PrintStream out) {
        this(registry, out, record -> { });
    }

    public Trainer(ModelRegistry registry, PrintStream out, EpochListener listener) {
        this(registry, out, listener, CHECKPOINT_EVERY);
    }

    private Trainer(ModelRegistry registry, PrintStream out, EpochListener listener, Duration checkpointEvery) {
        if (checkpointEvery.isNegative()) {
            throw new IllegalArgumentException("the checkpoint interval must be >= 0, got " + checkpointEvery);
        }
        this.registry = registry;
        this.out = out;
        this.listener = listener;
        this.checkpointEvery = checkpointEvery;
    }

    /** This trainer, writing a checkpoint once {@code interval} has passed since the last (zero: after every epoch). */
    public Trainer checkpointEvery(Duration interval) {
        return new Trainer(registry, out, listener, interval);
    }

    /**
     * @param resume continue from the run directory's last checkpoint (the config must equal the saved one)
     */
    public TrainResult train(TrainConfig config, Dataset data, Split split, Set<String> normalClasses, Path runDir,
                             boolean resume) throws IOException {
        FitMethod method = config.isNetwork() ? null : FitMethods.get(config.method());
        if (data.numClasses() < 2) {
            throw new IllegalArgumentException("the data has a single class " + data.classes() + ": a classifier needs at "
                    + "least two (an OK class and a defect class)");
        }
        try (RunLock lock = RunLock.acquire(runDir)) {
            return train(config, method, data, split, normalClasses, runDir, resume);
        }
    }

    private TrainResult train(TrainConfig config, FitMethod method, Dataset data, Split split, Set<String> normalClasses,
                              Path runDir, boolean resume) throws IOException {
        Files.createDirectories(runDir);
        List<Task> tasks = Task.resolve(config.tasks(), data, normalClasses);
        ModelSpec spec = registry.get(config.model());
        int size = config.inputSize() > 0 ? config.inputSize() : spec.defaultInputSize();
        RunLayout run = new RunLayout(runDir);
        Checkpoints files = new Checkpoints(run);
        if (!resume) {
            run.writeSplit(split, data.root());
            run.writeInfo(RunInfo.create(config, data, size, normalClasses, tasks));
        }
        if (method != null) {
            return method.fit(new FitContext(config, data, split, normalClasses, tasks, size, runDir, resume, registry, out));
        }
        warnAboutFewShotFinetuning(config, split.train().size() / Math.max(1, tasks.get(0).classes().size()));
        ExecutorService pool = ThreadPools.fixed(config.threads(), "loader");
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageClassifier model = buildModel(spec, config, tasks, size, manager);
            ImageCache cache = new ImageCache(IMAGE_CACHE_BYTES);
            List<ToIntFunction<Sample>> labelers = tasks.stream().map(Task::labeler).toList();
            List<Phase> phases = Phase.of(config, model);
            List<Sample> trainImages = split.samples(data, split.train());
            List<Sample> epochImages = Phase.epochImages(config, trainImages, out);
            BatchLoader train = new BatchLoader(epochImages, labelers, Pipelines.train(config.augment(), size)::apply,
                    cache, pool, config.batchSize(), 2 * config.threads());
            // every other loader shows the images un-augmented, as evaluation sees them
            Function<List<Sample>, BatchLoader> plain = images -> new BatchLoader(images, labelers,
                    Pipelines.eval(size)::apply, cache, pool, config.batchSize(), 2 * config.threads());
            BatchLoader val = split.val().isEmpty() ? null : plain.apply(split.samples(data, split.val()));
            // the un-augmented view of the training images, which a feature cache with --cache-views 0 keeps
            BatchLoader trainPlain = plain.apply(epochImages);

            Optimizer optimizer = config.optimizer().create(config, manager);
            TrainState state = resume ? files.load(model, optimizer, manager) : TrainState.fresh();
            if (state.epochsDone() == 0 && config.get(TrainSettings.HEAD_INIT) == HeadInit.PROBE) {
                LinearProbe.initialiseMainHead(model, plain.apply(trainImages), tasks.get(0).classes().size(), manager, out);
            }
            if (resume && state.epochsDone() > 0) {
                out.printf("resuming %s after epoch %d of %d%n", runDir, state.epochsDone(), config.totalEpochs());
            }
            state = runEpochs(config, model, phases, tasks, new PhaseInputs.Loaders(train, trainPlain, val), optimizer, state,
                    files, runDir, manager);

            if (config.earlyStopPatience() > 0 && state.bestEpoch() > 0) {
                ModelState.restoreModel(model, files.best());
                out.printf("restored the best weights (epoch %d)%n", state.bestEpoch());
            }
            ModelState.saveModel(model, run.model());

            Map<String, ClassificationMetrics> metrics = Map.of();
            if (!split.test().isEmpty()) {
                BatchLoader test = plain.apply(split.samples(data, split.test()));
                Predictions predictions = new Predictor(model, taskNames(tasks)).predict(test, manager, out, config.quiet());
                metrics = predictions.metrics(tasks.stream().map(Task::classes).toList(), normalClasses);
                run.writeTestOutputs(metrics, predictions, test.samples(), data, tasks);
            }
            return new TrainResult(runDir, state.history(), metrics);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Below this many training images per class, batch statistics of a fine-tuning run rest on very few images. */
    private static final int FEW_SHOT_IMAGES = 32;

    /**
     * Batches drawn from a few images per class give noisy BatchNorm statistics. (The casting-product collapse this
     * hint was written for, 16 images per class, turned out to come mostly from the offline MobileNetV2's folded
     * BatchNorm, which {@link Initialization} detects and warns about; --freeze-bn and lr 1e-4 reached 83 % there.)
     */
    private void warnAboutFewShotFinetuning(TrainConfig config, int imagesPerClass) {
        boolean finetunes = config.mode() == TrainMode.FINETUNE || config.isSchedule();
        if (finetunes && !config.freezeBn() && imagesPerClass < FEW_SHOT_IMAGES) {
            out.printf("hint: %d training images per class: consider --freeze-bn (and a learning rate around 1e-4); "
                    + "batch statistics of so few images tend to make a fine-tuned network predict one class%n",
                    imagesPerClass);
        }
    }

    private ImageClassifier buildModel(ModelSpec spec, TrainConfig config, List<Task> tasks, int size, NDManager manager) {
        return buildModel(registry, spec, config, tasks, size, manager, out);
    }

    /** The run's network with its heads, seeded and initialised as {@code --init} says. */
    static ImageClassifier buildModel(ModelRegistry registry, ModelSpec spec, TrainConfig config, List<Task> tasks,
                                      int size, NDManager manager, PrintStream out) {
        List<TaskHead> heads = tasks.stream().map(t -> new TaskHead(t.name(), t.classes().size())).toList();
        ImageClassifier model = spec.build(new ModelOptions(heads, config.dropRate(), config.dropPathRate()));
        Engine.getInstance().setRandomSeed((int) config.seed());
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, size, size));
        Initialization.apply(model, config, registry, out);
        return model;
    }


    private TrainState runEpochs(TrainConfig config, ImageClassifier model, List<Phase> phases, List<Task> tasks,
                                 PhaseInputs.Loaders loaders, Optimizer optimizer, TrainState state, Checkpoints files, Path runDir,
                                 NDManager manager) throws IOException {
        ParameterStore ps = new ParameterStore(manager, false);
        List<EpochEnd.Listener> atEpochEnd = new ArrayList<>();
        atEpochEnd.add(new CheckpointClock(files, model, optimizer, checkpointEvery));
        if (!config.quiet()) {
            atEpochEnd.add(new EpochConsole(out, config.totalEpochs()));
        }
        atEpochEnd.add(end -> listener.epochDone(end.record()));
        int stepsPerEpoch = loaders.train().batches(true);
        // a shuffled epoch drops the last partial batch unless it is the only one (BatchLoader#batches)
        long imagesPerEpoch = Math.min(loaders.train().size(), stepsPerEpoch * (long) config.batchSize());
        List<float[]> classWeights = config.balanceClasses() ? TrainingStep.balancedClassWeights(loaders.train().samples(), tasks) : null;
        if (classWeights != null && !config.quiet()) {
            for (int t = 0; t < tasks.size(); t++) {
                out.printf("class weights %s: %s%n", tasks.get(t).name(), Arrays.toString(classWeights.get(t)));
            }
        }
        int epochBase = 0;
        for (int p = 0; p < phases.size(); p++) {
            Phase phase = phases.get(p);
            int phaseStart = epochBase;
            epochBase += phase.epochs();
            if (state.epochsDone() >= epochBase || state.stoppedPhases().contains(p)) {
                continue;
            }
            model.freezeBackboneBefore(phase.firstTrainable());
            if (config.freezeBn()) {
                model.freezeBatchNorm();
            }
            TrainingStep step = new TrainingStep(model, tasks, classWeights, optimizer, config.labelSmoothing(),
                    config.gradClip());
            if (state.epochsDone() == phaseStart && phaseStart > 0) {
                // A new phase starts with a fresh optimiser, as a recompiled Keras model does (seed 003).
                optimizer.load(Map.of(), manager);
            }
            LrSchedule schedule = new LrSchedule(config.lrSchedule(), Math.round(config.warmupEpochs() * stepsPerEpoch),
                    phase.epochs() * stepsPerEpoch, stepsPerEpoch, config.stepEpochs(), config.stepGamma());
            if (!config.quiet()) {
                out.printf("phase %s: %d epoch(s), lr %.3g, %d of %d parameter tensors trainable%n", phase.name(),
                        phase.epochs(), phase.lr(), step.trainableCount(), ParameterNames.of(model).size());
            }
            try (PhaseInputs inputs = PhaseInputs.forPhase(config, model, phase, phaseStart, loaders, runDir, manager,
                    out)) {
                EpochRun epochRun = new EpochRun(config, model, ps, inputs, step, schedule, phase.lr(), stepsPerEpoch,
                        phaseStart, imagesPerEpoch);
                for (int epoch = Math.max(state.epochsDone(), phaseStart); epoch < epochBase; epoch++) {
                    long started = System.nanoTime();
                    Engine.getInstance().setRandomSeed((int) (config.seed() * 7919 + epoch));
                    int stepBase = (epoch - phaseStart) * stepsPerEpoch;
                    float lastLr = schedule.at(phase.lr(), stepBase);
                    EpochStats trainStats = trainEpoch(epochRun, epoch, manager);
                    String broken = ModelState.firstNonFinite(model);
                    if (broken != null) {
                        throw new TrainingDivergedException(String.format(java.util.Locale.ROOT,
                                "training diverged: parameter %s became NaN or infinite during epoch %d (steps 1-%d, "
                                        + "learning rate %.3g); lower --lr (or set --grad-clip); nothing of this epoch "
                                        + "was saved, the last checkpoint is kept", broken, epoch + 1, stepsPerEpoch,
                                phase.lr()));
                    }
                    EpochStats valStats = loaders.val() == null ? EpochStats.NONE : validate(model, tasks, inputs, manager);
                    EpochRecord record = new EpochRecord(epoch + 1, phase.name(), trainStats.loss(), trainStats.accuracy(),
                            valStats.loss(), valStats.accuracy(), lastLr, (System.nanoTime() - started) / 1e9,
                            valStats.taskAccuracy());
                    state = state.after(record, p, config, () -> ModelState.saveModel(model, files.best()));
                    EpochEnd end = new EpochEnd(record, trainStats, state,
                            epoch + 1 == epochBase || state.stoppedPhases().contains(p));
                    for (EpochEnd.Listener l : atEpochEnd) {
                        l.epochEnded(end);
                    }
                    if (state.stoppedPhases().contains(p)) {
                        out.printf("early stopping: no improvement of %s for %d epochs%n",
                                TrainSettings.MONITOR.type().print(config.monitor()), state.badEpochs());
                        break;
                    }
                }
            }
        }
        return state;
    }

    /** What every epoch of a phase shares: the settings, the model and its inputs, the step and the lr curve. */
    private record EpochRun(TrainConfig config, ImageClassifier model, ParameterStore ps, PhaseInputs inputs,
                            TrainingStep step, LrSchedule schedule, float baseLr, int stepsPerEpoch, int phaseStart,
                            long imagesPerEpoch) {
    }

    private EpochStats trainEpoch(EpochRun run, int epoch, NDManager manager) {
        TrainConfig config = run.config();
        double lossSum = 0;
        int correct = 0;
        int labelled = 0;
        int seen = 0;
        long waitNanos = 0;
        long started = System.nanoTime();
        int stepBase = (epoch - run.phaseStart()) * run.stepsPerEpoch();
        Iterator<Batch> batches = run.inputs().trainBatches(config.seed(), epoch, epoch - run.phaseStart());
        try (ProgressBar bar = ProgressBar.start("epoch " + (epoch + 1), run.imagesPerEpoch(), out, config.quiet())) {
            for (int step = stepBase; batches.hasNext(); step++) {
                long waitStart = System.nanoTime();
                Batch batch = batches.next();
                waitNanos += System.nanoTime() - waitStart;
                float lr = run.schedule().at(run.baseLr(), step);
                try (NDManager stepManager = manager.newSubManager()) {
                    NDArray x = stepManager.create(batch.pixels(),
                            new Shape(batch.size(), batch.channels(), batch.height(), batch.width()));
                    TrainingStep.Result result = run.step().run(x, batch.labels(),
                            images -> run.inputs().forward(run.model(), run.ps(), images, true), lr, stepManager);
                    if (!result.finite()) {
                        // the step left the weights alone: in memory and in every checkpoint they are the last good ones
                        throw new TrainingDivergedException(String.format(java.util.Locale.ROOT,
                                "training diverged: the loss became %s at epoch %d, step %d (learning rate %.3g); "
                                        + "lower --lr (or set --grad-clip); nothing of this epoch was saved, the last "
                                        + "checkpoint is kept", result.loss(), epoch + 1, step - stepBase + 1, lr));
                    }
                    lossSum += result.loss() * batch.size();
                    correct += result.correct();
                    labelled += result.labelled();
                }
                seen += batch.size();
                double rate = seen / ((System.nanoTime() - started) / 1e9);
                bar.step(batch.size(), Map.of("loss", String.format("%.4f", lossSum / seen),
                        "acc", String.format("%.3f", labelled == 0 ? 0 : (double) correct / labelled),
                        "lr", String.format("%.2g", lr), "img/s", String.format("%.1f", rate)));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new EpochStats(lossSum / Math.max(1, seen), labelled == 0 ? Double.NaN : (double) correct / labelled,
                Map.of(), waitNanos / 1e9 / Math.max(1e-9, seconds), seen / Math.max(1e-9, seconds));
    }

    private EpochStats validate(ImageClassifier model, List<Task> tasks, PhaseInputs inputs, NDManager manager) {
        Predictions p = inputs.validate(new Predictor(model, taskNames(tasks)), manager, out);
        Map<String, Double> taskAccuracy = new LinkedHashMap<>();
        for (int t = 1; t < tasks.size(); t++) {
            taskAccuracy.put(tasks.get(t).name(), p.accuracy(t));
        }
        return new EpochStats(p.loss(0), p.accuracy(0), taskAccuracy, 0, Double.NaN);
    }

    private static List<String> taskNames(List<Task> tasks) {
        return tasks.stream().map(Task::name).toList();
    }
}
