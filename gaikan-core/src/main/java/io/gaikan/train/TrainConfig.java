package io.gaikan.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.gaikan.data.TaskSpec;

import java.util.List;

/**
 * Every setting of a training run. Immutable; written to {@code run.json} so a run can be repeated or resumed.
 *
 * @param model           registry name, e.g. {@code resnet18}
 * @param inputSize       network input size in pixels; 0 = the model's default
 * @param init            {@code none}, {@code imagenet} or a weights/checkpoint file
 * @param weightsFile     explicit ImageNet weights for {@code init=imagenet} (else resolved from GAIKAN_WEIGHTS/cache)
 * @param mode            scratch, transfer or finetune
 * @param unfreezeFrom    finetune from this layer (a name prefix such as {@code layer3} or an index); null = all
 * @param epochs          epochs of a single-phase run
 * @param transferEpochs  with {@code finetuneEpochs}: a transfer phase then a fine-tune phase in one run (seed 003)
 * @param lr              learning rate; null = {@code lrBase * batchSize / lrBaseBatch}
 * @param finetuneLr      learning rate of a fine-tune phase that follows a transfer phase; null = lr / 10
 * @param augment         training augmentation pipeline string; eval always resizes, centre-crops and normalises
 * @param freezeBn        BatchNorm layers keep their (pretrained) running statistics and affine parameters in every
 *                        phase, as timm's {@code freeze_batch_norm_2d}: with a few images per class, batch statistics
 *                        of tiny batches would overwrite the pretrained ones
 * @param balanceClasses  weight each class's loss by {@code n / (classes * count)} over the training images (per
 *                        task), so a rare defect class counts as much as the common normal class
 * @param cacheViews      transfer learning on cached backbone features: K augmented views per image, of which epoch e
 *                        uses view e mod K; 0 = only the un-augmented evaluation view; null = no cache (the frozen
 *                        backbone runs every epoch)
 * @param tasks           the tasks: the first is the main class label; more come from manifest columns
 * @param earlyStopPatience epochs without improvement before stopping; 0 = off
 * @param monitor         {@code val_acc} or {@code val_loss}
 * @param method          how the model is fitted: {@code network} (gradient training of the whole network, the phases
 *                        above) or the name of a {@link FitMethod} (few-shot heads, anomaly detectors); null in a
 *                        run.json written before methods existed = {@code network}
 * @param featureStages   stages whose feature maps a feature-based method uses, comma-separated (e.g.
 *                        {@code blocks.2,blocks.3}); null = the method's default for the model's family
 * @param coresetRatio    anomaly detection: the share of training patches kept in the memory bank (greedy k-center
 *                        coreset), in (0, 1]
 * @param masks           a folder of defect masks named like the images (CLASS/NAME.png, non-zero = defect): a
 *                        method that localises defects also reports how well its maps match them; null = none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainConfig(
        String model, int inputSize, String init, String weightsFile, boolean allowDownload,
        TrainMode mode, String unfreezeFrom,
        int epochs, int transferEpochs, int finetuneEpochs,
        int batchSize, OptimizerKind optimizer, Float lr, float lrBase, int lrBaseBatch, Float finetuneLr,
        float momentum, boolean nesterov, float weightDecay,
        String lrSchedule, float warmupEpochs, int stepEpochs, float stepGamma,
        float labelSmoothing, float gradClip, float dropRate, float dropPathRate, boolean freezeBn, boolean balanceClasses,
        int earlyStopPatience, float earlyStopMinDelta, String monitor,
        long seed, int threads, String augment, Integer cacheViews, List<TaskSpec> tasks, boolean quiet, String method,
        String featureStages, float coresetRatio, String masks) {

    /** The method of gradient training of a network, the one that uses every training setting above. */
    public static final String NETWORK = "network";

    /** 10 % of the training patches: PatchCore's accuracy at a tenth of the bank (its paper: 1-25 %). */
    public static final float DEFAULT_CORESET_RATIO = 0.1f;

    public TrainConfig {
        tasks = List.copyOf(tasks);
        method = method == null ? NETWORK : method;
        coresetRatio = coresetRatio == 0 ? DEFAULT_CORESET_RATIO : coresetRatio;
        if (!(coresetRatio > 0 && coresetRatio <= 1)) {
            throw new IllegalArgumentException("--coreset-ratio must be in (0, 1], got " + coresetRatio);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
        }
        if (inputSize != 0 && inputSize < 16) {
            throw new IllegalArgumentException("--size must be at least 16 pixels (or left out for the model's default), got " + inputSize);
        }
        if (transferEpochs + finetuneEpochs == 0 && epochs < 1) {
            throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        }
        if (transferEpochs < 0 || finetuneEpochs < 0) {
            throw new IllegalArgumentException("--transfer-epochs and --finetune-epochs must be >= 0, got "
                    + transferEpochs + " and " + finetuneEpochs);
        }
        requirePositive("--lr", lr);
        requirePositive("--finetune-lr", finetuneLr);
        requirePositive("--lr-base", lrBase);
        requireIn("--label-smoothing", labelSmoothing, 0, 1, false);
        requireIn("--drop-rate", dropRate, 0, 1, false);
        requireIn("--drop-path-rate", dropPathRate, 0, 1, false);
        requireIn("--momentum", momentum, 0, 1, false);
        requireIn("--grad-clip", gradClip, 0, Float.MAX_VALUE, true);
        requireIn("--weight-decay", weightDecay, 0, Float.MAX_VALUE, true);
        requireIn("--warmup-epochs", warmupEpochs, 0, Float.MAX_VALUE, true);
        if (threads < 0) { // 0: not part of a run's identity, set by whoever runs it (experiment specs)
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (earlyStopPatience < 0) {
            throw new IllegalArgumentException("--early-stop must be >= 0 (0 = off), got " + earlyStopPatience);
        }
        if (!List.of("cosine", "step", "constant").contains(lrSchedule)) {
            throw new IllegalArgumentException("--lr-schedule must be cosine, step or constant, got " + lrSchedule);
        }
        if (!List.of("val_acc", "val_loss").contains(monitor)) {
            throw new IllegalArgumentException("--monitor must be val_acc or val_loss, got " + monitor);
        }
        if ((transferEpochs > 0) != (finetuneEpochs > 0) && transferEpochs + finetuneEpochs > 0 && mode != TrainMode.TRANSFER) {
            throw new IllegalArgumentException("--transfer-epochs/--finetune-epochs form a schedule that starts in transfer mode");
        }
        if (cacheViews != null && cacheViews < 0) {
            throw new IllegalArgumentException("--cache-views must be >= 0, got " + cacheViews);
        }
        if (cacheViews != null && mode != TrainMode.TRANSFER) {
            throw new IllegalArgumentException("--cache-views caches a frozen backbone: it needs --mode transfer "
                    + "(or --transfer-epochs/--finetune-epochs), not " + mode.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static void requirePositive(String flag, Float value) {
        if (value != null && !(Float.isFinite(value) && value > 0)) {
            throw new IllegalArgumentException(flag + " must be a finite number > 0, got " + value);
        }
    }

    /** {@code value} in [low, high) ({@code highIncluded}: [low, high]), finite. */
    private static void requireIn(String flag, float value, float low, float high, boolean highIncluded) {
        boolean ok = Float.isFinite(value) && value >= low && (highIncluded ? value <= high : value < high);
        if (!ok) {
            String range = high == Float.MAX_VALUE ? ">= " + low : "in [" + low + ", " + high + (highIncluded ? "]" : ")");
            throw new IllegalArgumentException(flag + " must be " + range + ", got " + value);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The effective base learning rate: explicit, or scaled linearly with the batch size (seed 001). */
    public float baseLr() {
        return lr != null ? lr : lrBase * batchSize / lrBaseBatch;
    }

    @JsonIgnore
    public boolean isSchedule() {
        return transferEpochs > 0 && finetuneEpochs > 0;
    }

    /** The settings that make a run what it is: not how many threads a machine used or how it printed. */
    public TrainConfig identity() {
        return toBuilder().threads(0).quiet(false).build();
    }

    @JsonIgnore
    public boolean isNetwork() {
        return NETWORK.equals(method);
    }

    public int totalEpochs() {
        return isSchedule() ? transferEpochs + finetuneEpochs : epochs;
    }

    /** Mutable builder with the defaults of a sensible small run. */
    public static final class Builder {
        private String model = "resnet18";
        private int inputSize = 0;
        private String init = "none";
        private String weightsFile;
        private boolean allowDownload;
        private TrainMode mode = TrainMode.SCRATCH;
        private String unfreezeFrom;
        private int epochs = 10;
        private int transferEpochs;
        private int finetuneEpochs;
        private int batchSize = 32;
        private OptimizerKind optimizer = OptimizerKind.ADAMW;
        private Float lr;
        private float lrBase = 1e-3f;
        private int lrBaseBatch = 32;
        private Float finetuneLr;
        private float momentum = 0.9f;
        private boolean nesterov;
        private float weightDecay = 0.01f;
        private String lrSchedule = "cosine";
        private float warmupEpochs = 0;
        private int stepEpochs = 10;
        private float stepGamma = 0.1f;
        private float labelSmoothing;
        private float gradClip;
        private float dropRate;
        private float dropPathRate;
        private boolean freezeBn;
        private boolean balanceClasses;
        private int earlyStopPatience;
        private float earlyStopMinDelta;
        private String monitor = "val_acc";
        private long seed = 42;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private String augment = "default";
        private Integer cacheViews;
        private List<TaskSpec> tasks = List.of(TaskSpec.MAIN);
        private boolean quiet;
        private String method = NETWORK;
        private String featureStages;
        private float coresetRatio = DEFAULT_CORESET_RATIO;
        private String masks;

        Builder() {
        }

        Builder(TrainConfig c) {
            model = c.model; inputSize = c.inputSize; init = c.init; weightsFile = c.weightsFile;
            allowDownload = c.allowDownload; mode = c.mode; unfreezeFrom = c.unfreezeFrom; epochs = c.epochs;
            transferEpochs = c.transferEpochs; finetuneEpochs = c.finetuneEpochs; batchSize = c.batchSize;
            optimizer = c.optimizer; lr = c.lr; lrBase = c.lrBase; lrBaseBatch = c.lrBaseBatch; finetuneLr = c.finetuneLr;
            momentum = c.momentum; nesterov = c.nesterov; weightDecay = c.weightDecay; lrSchedule = c.lrSchedule;
            warmupEpochs = c.warmupEpochs; stepEpochs = c.stepEpochs; stepGamma = c.stepGamma;
            labelSmoothing = c.labelSmoothing; gradClip = c.gradClip; dropRate = c.dropRate;
            dropPathRate = c.dropPathRate; freezeBn = c.freezeBn; balanceClasses = c.balanceClasses;
            earlyStopPatience = c.earlyStopPatience;
            earlyStopMinDelta = c.earlyStopMinDelta; monitor = c.monitor; seed = c.seed; threads = c.threads;
            augment = c.augment; cacheViews = c.cacheViews; tasks = c.tasks; quiet = c.quiet; method = c.method;
            featureStages = c.featureStages; coresetRatio = c.coresetRatio; masks = c.masks;
        }

        public Builder model(String v) { model = v; return this; }
        public Builder inputSize(int v) { inputSize = v; return this; }
        public Builder init(String v) { init = v; return this; }
        public Builder weightsFile(String v) { weightsFile = v; return this; }
        public Builder allowDownload(boolean v) { allowDownload = v; return this; }
        public Builder mode(TrainMode v) { mode = v; return this; }
        public Builder unfreezeFrom(String v) { unfreezeFrom = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder schedule(int transfer, int finetune) { transferEpochs = transfer; finetuneEpochs = finetune; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder optimizer(OptimizerKind v) { optimizer = v; return this; }
        public Builder lr(Float v) { lr = v; return this; }
        public Builder lrBase(float base, int baseBatch) { lrBase = base; lrBaseBatch = baseBatch; return this; }
        public Builder finetuneLr(Float v) { finetuneLr = v; return this; }
        public Builder momentum(float v) { momentum = v; return this; }
        public Builder nesterov(boolean v) { nesterov = v; return this; }
        public Builder weightDecay(float v) { weightDecay = v; return this; }
        public Builder lrSchedule(String v) { lrSchedule = v; return this; }
        public Builder warmupEpochs(float v) { warmupEpochs = v; return this; }
        public Builder step(int epochs, float gamma) { stepEpochs = epochs; stepGamma = gamma; return this; }
        public Builder labelSmoothing(float v) { labelSmoothing = v; return this; }
        public Builder gradClip(float v) { gradClip = v; return this; }
        public Builder dropRate(float v) { dropRate = v; return this; }
        public Builder dropPathRate(float v) { dropPathRate = v; return this; }
        public Builder freezeBn(boolean v) { freezeBn = v; return this; }
        public Builder balanceClasses(boolean v) { balanceClasses = v; return this; }
        public Builder earlyStop(int patience, float minDelta, String monitorName) {
            earlyStopPatience = patience; earlyStopMinDelta = minDelta; monitor = monitorName; return this;
        }
        public Builder seed(long v) { seed = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder augment(String v) { augment = v; return this; }
        public Builder cacheViews(Integer v) { cacheViews = v; return this; }
        public Builder tasks(List<TaskSpec> v) { tasks = v; return this; }
        public Builder quiet(boolean v) { quiet = v; return this; }
        public Builder method(String v) { method = v; return this; }
        public Builder featureStages(String v) { featureStages = v; return this; }
        public Builder coresetRatio(float v) { coresetRatio = v; return this; }
        public Builder masks(String v) { masks = v; return this; }

        public TrainConfig build() {
            return new TrainConfig(model, inputSize, init, weightsFile, allowDownload, mode, unfreezeFrom, epochs,
                    transferEpochs, finetuneEpochs, batchSize, optimizer, lr, lrBase, lrBaseBatch, finetuneLr, momentum,
                    nesterov, weightDecay, lrSchedule, warmupEpochs, stepEpochs, stepGamma, labelSmoothing, gradClip,
                    dropRate, dropPathRate, freezeBn, balanceClasses, earlyStopPatience, earlyStopMinDelta, monitor, seed, threads, augment,
                    cacheViews, tasks, quiet, method, featureStages, coresetRatio, masks);
        }
    }
}
