package io.gaikan.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
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
import java.util.function.ToIntFunction;

/**
 * Trains an {@link ImageClassifier} on a split: phases (scratch, transfer, fine-tune, or transfer then fine-tune),
 * checkpoints from which {@code resume} continues bit for bit, early stopping that restores the best weights, and a
 * final test evaluation. Everything it produces goes into the run directory.
 *
 * <p>A checkpoint (model, optimiser state, history) is written at the end of an epoch once {@link #checkpointEvery}
 * has passed since the last one, and at the end of every phase. Writing one per epoch would dominate few-shot and
 * feature-cached runs, whose epochs take milliseconds while a ResNet checkpoint is ~100 MB; a kill loses at most
 * that interval of training.
 */
public final class Trainer {

    /** Decoded images kept in memory; beyond this they are decoded again each epoch. */
    private static final long IMAGE_CACHE_BYTES = 2L << 30;
    /** Cached backbone features kept in memory; a larger feature cache spills to a file in the run directory. */
    private static final long FEATURE_CACHE_BYTES = 1L << 30;

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
            run.writeInfo(newRunInfo(config, data, size, normalClasses, tasks));
        }
        if (method != null) {
            return method.fit(new FitContext(config, data, split, normalClasses, tasks, size, runDir, resume, registry, out));
        }
        warnAboutFewShotFinetuning(config, split.train().size() / Math.max(1, tasks.get(0).classes().size()));
        ExecutorService pool = ThreadPools.fixed(config.threads(), "loader");
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageClassifier model = buildModel(spec, config, tasks, size, manager);
            List<Phase> phases = phases(config, model);
            ImageCache cache = new ImageCache(IMAGE_CACHE_BYTES);
            List<ToIntFunction<Sample>> labelers = tasks.stream().map(Task::labeler).toList();
            BatchLoader train = new BatchLoader(split.samples(data, split.train()), labelers,
                    Pipelines.train(config.augment(), size)::apply, cache, pool, config.batchSize(), 2 * config.threads());
            BatchLoader val = split.val().isEmpty() ? null : new BatchLoader(split.samples(data, split.val()), labelers,
                    Pipelines.eval(size)::apply, cache, pool, config.batchSize(), 2 * config.threads());
            // the un-augmented view of the training images, which a feature cache with --cache-views 0 keeps
            BatchLoader trainPlain = new BatchLoader(train.samples(), labelers, Pipelines.eval(size)::apply, cache, pool,
                    config.batchSize(), 2 * config.threads());

            Optimizer optimizer = config.optimizer().create(config, manager);
            TrainState state = resume ? files.load(model, optimizer, manager) : TrainState.fresh();
            if (resume && state.epochsDone() > 0) {
                out.printf("resuming %s after epoch %d of %d%n", runDir, state.epochsDone(), config.totalEpochs());
            }
            state = runEpochs(config, model, phases, tasks, new Loaders(train, trainPlain, val), optimizer, state,
                    files, runDir, manager);

            if (config.earlyStopPatience() > 0 && state.bestEpoch() > 0) {
                ModelState.restoreModel(model, files.best());
                out.printf("restored the best weights (epoch %d)%n", state.bestEpoch());
            }
            ModelState.saveModel(model, run.model());

            Map<String, ClassificationMetrics> metrics = Map.of();
            if (!split.test().isEmpty()) {
                BatchLoader test = new BatchLoader(split.samples(data, split.test()), labelers, Pipelines.eval(size)::apply,
                        cache, pool, config.batchSize(), 2 * config.threads());
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

    static List<Phase> phases(TrainConfig config, ImageClassifier model) {
        int frozenAll = model.backboneLayers().size();
        int unfreeze = unfreezeIndex(config.unfreezeFrom(), model);
        float lr = config.baseLr();
        if (config.isSchedule()) {
            return List.of(new Phase("transfer", config.transferEpochs(), lr, frozenAll),
                    new Phase("finetune", config.finetuneEpochs(), config.effectiveFinetuneLr(), unfreeze));
        }
        return List.of(switch (config.mode()) {
            case SCRATCH -> new Phase("scratch", config.epochs(), lr, 0);
            case TRANSFER -> new Phase("transfer", config.epochs(), lr, frozenAll);
            case FINETUNE -> new Phase("finetune", config.epochs(), lr, unfreeze);
        });
    }

    static int unfreezeIndex(String from, ImageClassifier model) {
        if (from == null || from.isBlank()) {
            return 0;
        }
        if (from.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(from);
            int n = model.backboneLayers().size();
            if (index > n) {
                throw new IllegalArgumentException("--unfreeze-from " + index + ": the model has " + n + " layers");
            }
            return index;
        }
        return model.layerIndex(from);
    }

    /** The training images augmented and plain, and the validation images (null without a validation split). */
    private record Loaders(BatchLoader train, BatchLoader trainPlain, BatchLoader val) {
    }

    private TrainState runEpochs(TrainConfig config, ImageClassifier model, List<Phase> phases, List<Task> tasks,
                                 Loaders loaders, Optimizer optimizer, TrainState state, Checkpoints files, Path runDir,
                                 NDManager manager) throws IOException {
        ParameterStore ps = new ParameterStore(manager, false);
        long lastCheckpoint = System.nanoTime();
        int stepsPerEpoch = loaders.train().batches(true);
        List<float[]> classWeights = config.balanceClasses() ? balancedClassWeights(loaders.train().samples(), tasks) : null;
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
            Map<String, Parameter> trainable = trainableParameters(model);
            if (state.epochsDone() == phaseStart && phaseStart > 0) {
                // A new phase starts with a fresh optimiser, as a recompiled Keras model does (seed 003).
                optimizer.load(Map.of(), manager);
            }
            LrSchedule schedule = new LrSchedule(config.lrSchedule(), Math.round(config.warmupEpochs() * stepsPerEpoch),
                    phase.epochs() * stepsPerEpoch, stepsPerEpoch, config.stepEpochs(), config.stepGamma());
            if (!config.quiet()) {
                out.printf("phase %s: %d epoch(s), lr %.3g, %d of %d parameter tensors trainable%n", phase.name(),
                        phase.epochs(), phase.lr(), trainable.size(), ParameterNames.of(model).size());
            }
            try (PhaseInputs inputs = phaseInputs(config, model, phase, phaseStart, trainable, loaders, runDir, manager)) {
                for (int epoch = Math.max(state.epochsDone(), phaseStart); epoch < epochBase; epoch++) {
                    long started = System.nanoTime();
                    Engine.getInstance().setRandomSeed((int) (config.seed() * 7919 + epoch));
                    int stepBase = (epoch - phaseStart) * stepsPerEpoch;
                    float lastLr = schedule.at(phase.lr(), stepBase);
                    EpochStats trainStats = trainEpoch(config, model, ps, tasks, classWeights, inputs, stepsPerEpoch,
                            optimizer, trainable, schedule, phase.lr(), stepBase, epoch, phaseStart, manager);
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
                    state = afterEpoch(config, model, state, record, p, files, manager);
                    boolean phaseEnds = epoch + 1 == epochBase || state.stoppedPhases().contains(p);
                    if (phaseEnds || System.nanoTime() - lastCheckpoint >= checkpointEvery.toNanos()) {
                        files.save(model, optimizer, state);
                        lastCheckpoint = System.nanoTime();
                    } else {
                        files.run().writeHistory(state.history());
                    }
                    if (!config.quiet()) {
                        out.printf("epoch %d/%d %s  train loss %.4f acc %.4f  val loss %.4f acc %.4f  (%.1fs, %.1f img/s, data wait %.0f%%)%n",
                                epoch + 1, config.totalEpochs(), phase.name(), trainStats.loss(), trainStats.accuracy(),
                                valStats.loss(), valStats.accuracy(), record.seconds(), trainStats.imagesPerSecond(),
                                100 * trainStats.waitFraction());
                    }
                    listener.epochDone(record);
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

    /**
     * Images through the whole network; or, for a transfer phase with {@code cacheViews} set, the backbone's pooled
     * features computed once (per view) and the heads trained on them. Every trainable tensor must then be in a head:
     * a layer between backbone and heads that trains (the dual model's fusion) would make the cached features stale.
     */
    private PhaseInputs phaseInputs(TrainConfig config, ImageClassifier model, Phase phase, int phaseStart,
                                    Map<String, Parameter> trainable, Loaders loaders, Path runDir, NDManager manager) {
        boolean transferPhase = phase.firstTrainable() == model.backboneLayers().size();
        if (config.cacheViews() == null || !transferPhase) {
            return PhaseInputs.images(loaders.train(), loaders.val());
        }
        trainable.keySet().stream().filter(name -> model.headPrefixes().stream().noneMatch(name::startsWith))
                .findFirst().ifPresent(name -> {
                    throw new IllegalArgumentException("--cache-views: in transfer mode " + config.model()
                            + " also trains " + name + ", which sits between the cached features and the heads");
                });
        int views = config.cacheViews() == 0 ? 1 : Math.min(config.cacheViews(), phase.epochs());
        if (!config.quiet()) {
            out.printf("feature cache: %d view(s) of %d training images%s%n", views, loaders.train().size(),
                    config.cacheViews() == 0 ? " (un-augmented)" : "");
        }
        // view v is the augmentation the image loader would apply in epoch v of the phase
        FeatureCache train = FeatureCache.build(model, loaders.train().size(), views,
                v -> config.cacheViews() == 0 ? loaders.trainPlain().epoch(0, 0, false)
                        : loaders.train().epoch(config.seed(), phaseStart + v, false),
                manager, FEATURE_CACHE_BYTES, runDir, out, config.quiet());
        try {
            FeatureCache val = loaders.val() == null ? null : FeatureCache.build(model, loaders.val().size(), 1,
                    v -> loaders.val().epoch(0, 0, false), manager, FEATURE_CACHE_BYTES, runDir, out, config.quiet());
            return PhaseInputs.cached(train, val, loaders.train(), loaders.val());
        } catch (RuntimeException e) {
            train.close();
            throw e;
        }
    }

    private TrainState afterEpoch(TrainConfig config, ImageClassifier model, TrainState state, EpochRecord record,
                                  int phaseIndex, Checkpoints files, NDManager manager) throws IOException {
        List<EpochRecord> history = new ArrayList<>(state.history());
        history.add(record);
        boolean phaseStart = state.history().isEmpty()
                || !state.history().get(state.history().size() - 1).phase().equals(record.phase());
        int bad = phaseStart ? 0 : state.badEpochs();
        double best = state.best();
        int bestEpoch = state.bestEpoch();
        List<Integer> stopped = new ArrayList<>(state.stoppedPhases());
        if (config.earlyStopPatience() > 0) {
            double value = config.monitor().score(record);
            // NaN: nothing monitored yet (a checkpoint of an earlier version may hold -Infinity)
            if (!Double.isNaN(value) && (Double.isNaN(best) || value > best + config.earlyStopMinDelta())) {
                best = value;
                bestEpoch = record.epoch();
                bad = 0;
                ModelState.saveModel(model, files.best());
            } else if (++bad >= config.earlyStopPatience()) {
                stopped.add(phaseIndex);
            }
        }
        return new TrainState(record.epoch(), best, bestEpoch, bad, stopped, history);
    }

    /** Per task, the balanced class weights of the training images' labels ({@link Losses#balancedWeights}). */
    static List<float[]> balancedClassWeights(List<Sample> samples, List<Task> tasks) {
        List<float[]> weights = new ArrayList<>();
        for (Task task : tasks) {
            int[] counts = new int[task.classes().size()];
            for (Sample sample : samples) {
                int label = task.labeler().applyAsInt(sample);
                if (label >= 0) {
                    counts[label]++;
                }
            }
            weights.add(Losses.balancedWeights(counts));
        }
        return weights;
    }

    static Map<String, Parameter> trainableParameters(ImageClassifier model) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        ParameterNames.of(model).forEach((name, p) -> {
            if (p.requiresGradient()) {
                out.put(name, p);
            }
        });
        return out;
    }

    private EpochStats trainEpoch(TrainConfig config, ImageClassifier model, ParameterStore ps, List<Task> tasks,
                                  List<float[]> classWeights, PhaseInputs inputs, int steps, Optimizer optimizer,
                                  Map<String, Parameter> trainable,
                                  LrSchedule schedule, float baseLr, int stepBase, int epoch, int phaseStart,
                                  NDManager manager) {
        double lossSum = 0;
        int correct = 0;
        int labelled = 0;
        int seen = 0;
        long waitNanos = 0;
        long started = System.nanoTime();
        Iterator<Batch> batches = inputs.trainBatches(config.seed(), epoch, epoch - phaseStart);
        try (ProgressBar bar = ProgressBar.start("epoch " + (epoch + 1), steps * (long) config.batchSize(),
                out, config.quiet())) {
            for (int step = stepBase; batches.hasNext(); step++) {
                long waitStart = System.nanoTime();
                Batch batch = batches.next();
                waitNanos += System.nanoTime() - waitStart;
                float lr = schedule.at(baseLr, step);
                try (NDManager stepManager = manager.newSubManager()) {
                    NDArray x = stepManager.create(batch.pixels(),
                            new Shape(batch.size(), batch.channels(), batch.height(), batch.width()));
                    NDList logits;
                    NDArray loss;
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        logits = inputs.forward(model, ps, x, true);
                        loss = totalLoss(stepManager, logits, batch.labels(), tasks, config.labelSmoothing(),
                                classWeights);
                        collector.backward(loss);
                    }
                    float lossValue = loss.getFloat();
                    if (!Float.isFinite(lossValue)) {
                        // before the update: the weights in memory and every checkpoint stay those of the last good step
                        throw new TrainingDivergedException(String.format(java.util.Locale.ROOT,
                                "training diverged: the loss became %s at epoch %d, step %d (learning rate %.3g); "
                                        + "lower --lr (or set --grad-clip); nothing of this epoch was saved, the last "
                                        + "checkpoint is kept", lossValue, epoch + 1, step - stepBase + 1, lr));
                    }
                    applyGradients(trainable, optimizer, lr, config.gradClip(), stepManager);
                    lossSum += lossValue * batch.size();
                    int[] hits = hits(logits.get(0), batch.labels()[0]);
                    correct += hits[0];
                    labelled += hits[1];
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

    /** {correct, labelled} of a batch's main-task predictions. */
    private static int[] hits(NDArray logits, int[] labels) {
        long[] predicted = logits.argMax(1).toLongArray();
        int correct = 0, labelled = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                labelled++;
                correct += predicted[i] == labels[i] ? 1 : 0;
            }
        }
        return new int[]{correct, labelled};
    }

    static NDArray totalLoss(NDManager manager, NDList logits, int[][] labels, List<Task> tasks, float smoothing) {
        return totalLoss(manager, logits, labels, tasks, smoothing, null);
    }

    /** @param classWeights per task the weight of each class (null: unweighted) */
    static NDArray totalLoss(NDManager manager, NDList logits, int[][] labels, List<Task> tasks, float smoothing,
                             List<float[]> classWeights) {
        NDArray total = null;
        for (int t = 0; t < tasks.size(); t++) {
            NDArray loss = Losses.crossEntropy(manager, logits.get(t), labels[t], smoothing,
                    classWeights == null ? null : classWeights.get(t));
            if (loss == null) {
                continue;
            }
            NDArray weighted = loss.mul(tasks.get(t).weight());
            total = total == null ? weighted : total.add(weighted);
        }
        return total != null ? total : logits.get(0).sum().mul(0f);
    }

    static void applyGradients(Map<String, Parameter> trainable, Optimizer optimizer, float lr, float clip,
                                       NDManager stepManager) {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : trainable.entrySet()) {
            NDArray g = e.getValue().getArray().getGradient();
            g.attach(stepManager);
            grads.put(e.getKey(), g);
        }
        float scale = 1f;
        if (clip > 0) {
            double sq = 0;
            for (NDArray g : grads.values()) {
                sq += g.square().sum().getFloat();
            }
            double norm = Math.sqrt(sq);
            if (norm > clip) {
                scale = (float) (clip / (norm + 1e-6));
            }
        }
        for (Map.Entry<String, Parameter> e : trainable.entrySet()) {
            NDArray w = e.getValue().getArray();
            NDArray g = grads.get(e.getKey());
            if (scale != 1f) {
                g.muli(scale);
            }
            optimizer.update(e.getKey(), w, g, lr, w.getShape().dimension() > 1);
            g.subi(g);
        }
    }

    private static RunInfo newRunInfo(TrainConfig config, Dataset data, int size, Set<String> normalClasses,
                                      List<Task> tasks) {
        Map<String, List<String>> taskClasses = new LinkedHashMap<>();
        tasks.forEach(t -> taskClasses.put(t.name(), t.classes()));
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("gaikan", "0.1.0");
        versions.put("java", System.getProperty("java.version"));
        versions.put("djl", Engine.getDjlVersion());
        versions.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        return new RunInfo(config, data.source().toString(), size,
                data.classes().stream().filter(normalClasses::contains).toList(), taskClasses, versions,
                java.time.OffsetDateTime.now().toString());
    }

    /**
     * Loss, main-task accuracy, auxiliary-task accuracies, the fraction of the epoch's training time spent waiting for
     * the next batch, and the training images per second (data wait included).
     */
    public record EpochStats(double loss, double accuracy, Map<String, Double> taskAccuracy, double waitFraction,
                             double imagesPerSecond) {
        static final EpochStats NONE = new EpochStats(Double.NaN, Double.NaN, Map.of(), 0, Double.NaN);
    }
}
