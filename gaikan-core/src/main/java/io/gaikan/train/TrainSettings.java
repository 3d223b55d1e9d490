package io.gaikan.train;

import io.gaikan.augment.Pipelines;
import io.gaikan.data.TaskSpec;
import io.gaikan.train.Setting.Rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every training setting, declared once. {@code gaikan train} and {@code pretrain-cg} options, experiment YAML keys,
 * {@link TrainConfig.Builder#set}, run.json and validation are made from these declarations; the order here is the
 * order of run.json and of {@code --help}. To add a setting: declare it here, then read it where it is used with
 * {@code config.get(TrainSettings.NAME)} (docs/settings.md).
 */
public final class TrainSettings {

    /**
     * Collects the declarations below in order while this class initialises; sealed into {@link #ALL} at the end,
     * after which nothing is added.
     */
    private static final List<Setting<?>> DECLARED = new ArrayList<>();

    public static final Setting<String> MODEL = declare(Setting.of("model", ValueType.TEXT, "resnet18")
            .valid(new Rule<>(m -> !m.isBlank(), "must name a model"))
            .help("registry name, e.g. resnet18, efficientnet_b0, vggse, or the two-input model "
                    + "dual:<branch>[,resize=N][,crop=N] (dual:vggse, dual:efficientnet_b0; views default to 160/256 of "
                    + "--size)"));
    public static final Setting<Integer> INPUT_SIZE = declare(Setting.of("inputSize", ValueType.INT, 0).spelled("size")
            .valid(new Rule<>(s -> s >= 16, "must be at least 16 pixels (or left out for the model's default)"))
            .unsetAs(0, "the model's").help("input size in pixels"));
    public static final Setting<Init> INIT = declare(Setting.of("init", ValueType.INIT, (Init) new Init.None())
            .help("none | imagenet | FILE (a checkpoint or safetensors; head re-initialised if its shape differs)"));
    public static final Setting<String> WEIGHTS_FILE = declare(Setting.of("weightsFile", ValueType.PATH, (String) null)
            .spelled("weights").optional("$GAIKAN_WEIGHTS/<model>.safetensors or the cache")
            .help("ImageNet weights file for --init imagenet"));
    public static final Setting<Boolean> ALLOW_DOWNLOAD = declare(Setting.of("allowDownload", ValueType.BOOLEAN, false)
            .spelled("download")
            .help("allow downloading ImageNet weights from the Hugging Face hub when not found locally"));
    public static final Setting<TrainMode> MODE = declare(Setting.of("mode", ValueType.of(TrainMode.class, true),
            TrainMode.SCRATCH).help("how the backbone trains"));
    public static final Setting<String> UNFREEZE_FROM = declare(Setting.of("unfreezeFrom", ValueType.TEXT, (String) null)
            .optional("all layers").help("finetune from this layer: a name (layer3, blocks.5) or an index into the "
                    + "layer list"));
    public static final Setting<Integer> EPOCHS = declare(Setting.of("epochs", ValueType.INT, 10)
            .valid(Rule.atLeast(1)).help("epochs of a single-phase run"));
    public static final Setting<Integer> TRANSFER_EPOCHS = declare(Setting.of("transferEpochs", ValueType.INT, 0)
            .valid(Rule.atLeast(0)).help("schedule: N transfer epochs, then --finetune-epochs in the same run"));
    public static final Setting<Integer> FINETUNE_EPOCHS = declare(Setting.of("finetuneEpochs", ValueType.INT, 0)
            .valid(Rule.atLeast(0)).help("schedule: M fine-tune epochs after the transfer epochs"));
    public static final Setting<Integer> MIN_STEPS = declare(Setting.of("minSteps", ValueType.INT, 0)
            .valid(Rule.atLeast(0)).help("at least this many optimiser steps in each phase: when the training images "
                    + "make fewer, each epoch shows them several times, differently augmented (with 1-5 images per class "
                    + "an epoch is otherwise one step); 0 = each image once per epoch"));
    public static final Setting<Integer> BATCH_SIZE = declare(Setting.of("batchSize", ValueType.INT, 32)
            .valid(Rule.atLeast(1)).help("images per optimiser step"));
    public static final Setting<OptimizerKind> OPTIMIZER = declare(Setting.of("optimizer",
            ValueType.of(OptimizerKind.class, true), OptimizerKind.ADAMW).help("optimiser"));
    public static final Setting<Float> LR = declare(Setting.of("lr", ValueType.FLOAT, (Float) null)
            .valid(Rule.positive()).optional("--lr-base scaled by the batch size").help("learning rate"));
    public static final Setting<Float> LR_BASE = declare(Setting.of("lrBase", ValueType.FLOAT, 1e-3f)
            .valid(Rule.positive()).help("learning rate at --lr-base-batch; scaled linearly with the batch size"));
    public static final Setting<Integer> LR_BASE_BATCH = declare(Setting.of("lrBaseBatch", ValueType.INT, 32)
            .valid(Rule.atLeast(1)).help("the batch size --lr-base is given for"));
    public static final Setting<Float> FINETUNE_LR = declare(Setting.of("finetuneLr", ValueType.FLOAT, (Float) null)
            .valid(Rule.positive()).optional("lr/10").help("learning rate of the fine-tune phase of a schedule"));
    public static final Setting<Float> MOMENTUM = declare(Setting.of("momentum", ValueType.FLOAT, 0.9f)
            .valid(Rule.fraction(0, 1)).help("SGD momentum"));
    public static final Setting<Boolean> NESTEROV = declare(Setting.of("nesterov", ValueType.BOOLEAN, false)
            .help("Nesterov momentum (SGD)"));
    public static final Setting<Float> WEIGHT_DECAY = declare(Setting.of("weightDecay", ValueType.FLOAT, 0.01f)
            .valid(Rule.finiteAtLeast(0)).help("weight decay (decoupled for adamw)"));
    public static final Setting<LrScheduleKind> LR_SCHEDULE = declare(Setting.of("lrSchedule",
            ValueType.of(LrScheduleKind.class, false), LrScheduleKind.COSINE).help("learning-rate schedule of a phase"));
    public static final Setting<Float> WARMUP_EPOCHS = declare(Setting.of("warmupEpochs", ValueType.FLOAT, 0f)
            .valid(Rule.finiteAtLeast(0)).help("linear warm-up at the start of each phase, in epochs"));
    public static final Setting<Integer> STEP_EPOCHS = declare(Setting.of("stepEpochs", ValueType.INT, 10)
            .valid(Rule.atLeast(1)).help("step schedule: epochs between decays"));
    public static final Setting<Float> STEP_GAMMA = declare(Setting.of("stepGamma", ValueType.FLOAT, 0.1f)
            .valid(new Rule<>(g -> Float.isFinite(g) && g > 0 && g <= 1, "must be in (0, 1]"))
            .help("step schedule: factor of each decay"));
    public static final Setting<Float> LABEL_SMOOTHING = declare(Setting.of("labelSmoothing", ValueType.FLOAT, 0f)
            .valid(Rule.fraction(0, 1)).help("label smoothing of the cross-entropy"));
    public static final Setting<Float> GRAD_CLIP = declare(Setting.of("gradClip", ValueType.FLOAT, 0f)
            .valid(Rule.finiteAtLeast(0)).help("clip the global gradient norm (0 = off)"));
    public static final Setting<Float> DROP_RATE = declare(Setting.of("dropRate", ValueType.FLOAT, 0f)
            .valid(Rule.fraction(0, 1)).help("dropout before the classifier"));
    public static final Setting<Float> DROP_PATH_RATE = declare(Setting.of("dropPathRate", ValueType.FLOAT, 0f)
            .valid(Rule.fraction(0, 1)).help("stochastic depth"));
    public static final Setting<Boolean> FREEZE_BN = declare(Setting.of("freezeBn", ValueType.BOOLEAN, false)
            .help("keep every BatchNorm layer's pretrained statistics and affine parameters (few-shot fine-tuning: "
                    + "tiny batches would overwrite them)"));
    public static final Setting<Boolean> BALANCE_CLASSES = declare(Setting.of("balanceClasses", ValueType.BOOLEAN, false)
            .help("weight each class's loss by n / (classes * count) of the training images, so rare defect classes "
                    + "count as much as the common OK class"));
    public static final Setting<Integer> EARLY_STOP_PATIENCE = declare(Setting.of("earlyStopPatience", ValueType.INT, 0)
            .spelled("early-stop").valid(Rule.atLeast(0))
            .help("patience in epochs; restores the best weights (0 = off)"));
    public static final Setting<Float> EARLY_STOP_MIN_DELTA = declare(Setting.of("earlyStopMinDelta", ValueType.FLOAT,
            0f).spelled("min-delta").valid(Rule.finiteAtLeast(0)).help("early stopping: smallest improvement"));
    public static final Setting<Monitor> MONITOR = declare(Setting.of("monitor", ValueType.of(Monitor.class, false),
            Monitor.VAL_ACC).help("what early stopping watches"));
    public static final Setting<Long> SEED = declare(Setting.of("seed", ValueType.LONG, 42L)
            .help("seed of initialisation, augmentation and batch order"));
    public static final Setting<Integer> THREADS = declare(Setting.of("threads", ValueType.INT,
            Math.max(1, Runtime.getRuntime().availableProcessors())).valid(Rule.atLeast(1))
            .unsetAs(0, "cores").defaultShownAs("cores").machine().help("loader threads"));
    public static final Setting<String> AUGMENT = declare(Setting.of("augment", ValueType.TEXT, Pipelines.DEFAULT)
            .valid(new Rule<>(a -> Pipelines.train(a, 224) != null, "must name a preset or be a pipeline string"))
            .help("training augmentation: a preset (" + String.join(", ", Pipelines.presetNames()) + ") or a pipeline, "
                    + "e.g. \"rrc(224,0.08-1);hflip(0.5);rand-m9-mstd0.5-inc1\" (see README)"));
    public static final Setting<Integer> CACHE_VIEWS = declare(Setting.of("cacheViews", ValueType.INT, (Integer) null)
            .valid(Rule.atLeast(0)).optional("no cache, the backbone runs every epoch")
            .help("transfer learning on cached features: the frozen backbone runs once per image and view, the head "
                    + "trains on the cached features; K augmented views per image (epoch e uses view e mod K), 0 = the "
                    + "un-augmented image only"));
    public static final Setting<List<TaskSpec>> TASKS = declare(Setting.of("tasks", ValueType.TASKS,
            List.of(TaskSpec.MAIN)).spelled("task").inYaml("tasks")
            .help("task name=source[*weight], source = label | derived:groups | column:NAME (repeatable); the label "
                    + "task is the main one (added as main=label if not given); derived:groups needs --normal-classes"));
    public static final Setting<Boolean> QUIET = declare(Setting.of("quiet", ValueType.BOOLEAN, false).machine()
            .help("no progress bars; one line per epoch"));
    public static final Setting<String> METHOD = declare(Setting.of("method", ValueType.TEXT, (String) null)
            .optional("auto with --init imagenet, the default --mode and one task; else network")
            .help("network (train the network with the options above), a few-shot head on frozen pretrained features "
                    + "(auto, logistic, prototypes) or an anomaly detector fitted on normal images (patchcore, padim)"));
    public static final Setting<String> FEATURE_STAGES = declare(Setting.of("featureStages", ValueType.TEXT,
            (String) null).optional("the method's choice for the model's family")
            .help("stages whose feature maps a feature-based method uses, e.g. blocks.2,blocks.3 or layer2,layer3"));
    public static final Setting<Float> CORESET_RATIO = declare(Setting.of("coresetRatio", ValueType.FLOAT, 0.1f)
            .valid(new Rule<>(r -> Float.isFinite(r) && r > 0 && r <= 1, "must be in (0, 1]"))
            .help("patchcore: share of the training patches kept in the memory bank (greedy k-center coreset)"));
    public static final Setting<Integer> PADIM_CHANNELS = declare(Setting.of("padimChannels", ValueType.INT, 100)
            .valid(Rule.atLeast(1)).help("padim: feature channels kept, a seeded random subset (the paper: 100 for "
                    + "ResNet18, 550 for WideResNet-50); the covariance per position grows with its square"));
    public static final Setting<String> MASKS = declare(Setting.of("masks", ValueType.PATH, (String) null)
            .optional("none").help("defect masks named like the images (DIR/CLASS/NAME.png, non-zero = defect): an "
                    + "anomaly detector also reports pixel AUROC and where its maps peak"));

    public static final Setting<HeadInit> HEAD_INIT = declare(Setting.of("headInit",
            ValueType.of(HeadInit.class, false), HeadInit.RANDOM).help("how a network's classifier starts: random, or "
            + "probe (a linear probe fitted on the training images' pretrained features, then fine-tuned: LP-FT)"));
    public static final Setting<Boolean> TTA = declare(Setting.of("tta", ValueType.BOOLEAN, true)
            .help("few-shot heads: test-time augmentation, each image's features averaged with its left-right mirror's"));
    public static final Setting<Boolean> TRANSDUCTIVE = declare(Setting.of("transductive", ValueType.BOOLEAN, false)
            .help("few-shot heads: refine the class prototypes with the unlabelled images being classified (soft "
                    + "k-means); predictions then depend on which images are classified together"));
    public static final Setting<Float> HEAD_L2 = declare(Setting.of("headL2", ValueType.FLOAT, (Float) null)
            .valid(Rule.positive()).optional("chosen by cross-validation over the training images")
            .help("logistic head: L2 penalty on the weights"));

    /** Every setting, in declaration order. */
    public static final List<Setting<?>> ALL = Collections.unmodifiableList(new ArrayList<>(DECLARED));

    private TrainSettings() {
    }

    private static <T> Setting<T> declare(Setting<T> setting) {
        if (DECLARED.stream().anyMatch(s -> s.name().equals(setting.name()) || s.option().equals(setting.option()))) {
            throw new IllegalStateException("two settings named " + setting.name());
        }
        DECLARED.add(setting);
        return setting;
    }

    /** The setting whose YAML key is {@code key}, or null. */
    public static Setting<?> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }
}
