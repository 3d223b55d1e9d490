package io.gaikan.cli;

import io.gaikan.data.DataOptions;
import io.gaikan.data.PreparedData;
import io.gaikan.data.TaskSpec;
import io.gaikan.model.ModelRegistry;
import io.gaikan.train.OptimizerKind;
import io.gaikan.train.RunDirectory;
import io.gaikan.train.RunInfo;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainMode;
import io.gaikan.train.TrainResult;
import io.gaikan.train.Trainer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gaikan train}: trains and tests one model; writes a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a classifier (scratch, transfer, fine-tune or a transfer->fine-tune schedule) and test it.")
public final class TrainCommand implements Callable<Integer> {

    @ArgGroup(exclusive = false, heading = "Data%n")
    DataArgs dataArgs;

    @Option(names = "--out", description = "run directory (default runs/<model>-<mode>-<time>)")
    Path out;

    @Option(names = "--resume", description = "continue the run in --out from its last checkpoint (settings from its run.json)")
    boolean resume;

    @Option(names = "--overwrite", description = "start again in an --out that holds a run (its files are deleted); "
            + "a folder of other files is never touched")
    boolean overwrite;
    @Option(names = "--checkpoint-every", paramLabel = "SECONDS", description = "write a checkpoint at the end of an "
            + "epoch once this many seconds passed since the last, and at the end of every phase (default 60; 0 = "
            + "every epoch)")
    long checkpointEvery = Trainer.CHECKPOINT_EVERY.toSeconds();

    @Option(names = "--model", defaultValue = "resnet18", description = "registry name, e.g. resnet18, efficientnet_b0, vggse, or the two-input model "
                    + "dual:<branch>[,resize=N][,crop=N] (dual:vggse, dual:efficientnet_b0; views default to 160/256 of --size) "
                    + "(default ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--size", description = "input size in pixels, at least 16 (default: the model's)")
    Integer size;

    @Option(names = "--init", defaultValue = "none", description = "none | imagenet | FILE (a checkpoint or safetensors; head re-initialised if its shape differs)")
    String init;

    @Option(names = "--weights", description = "ImageNet weights file for --init imagenet (else $GAIKAN_WEIGHTS/<model>.safetensors or the cache)")
    String weights;

    @Option(names = "--download", description = "allow downloading ImageNet weights from the Hugging Face hub when not found locally")
    boolean download;

    @Option(names = "--mode", defaultValue = "scratch", description = "scratch | transfer | finetune (default ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--unfreeze-from", description = "finetune from this layer: a name (layer3, blocks.5) or an index into the layer list")
    String unfreezeFrom;

    @Option(names = "--epochs", defaultValue = "10", description = "epochs (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--transfer-epochs", defaultValue = "0", description = "schedule: N transfer epochs, then --finetune-epochs in the same run")
    int transferEpochs;

    @Option(names = "--finetune-epochs", defaultValue = "0", description = "schedule: M fine-tune epochs after the transfer epochs")
    int finetuneEpochs;

    @Option(names = "--batch-size", defaultValue = "32", description = "(default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--optimizer", defaultValue = "adamw", description = "sgd | adam | adamw (default ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--lr", description = "learning rate (default: --lr-base scaled by batch size)")
    Float lr;

    @Option(names = "--lr-base", defaultValue = "0.001", description = "learning rate at --lr-base-batch; scaled linearly with the batch size (default ${DEFAULT-VALUE})")
    float lrBase;

    @Option(names = "--lr-base-batch", defaultValue = "32", description = "(default ${DEFAULT-VALUE})")
    int lrBaseBatch;

    @Option(names = "--finetune-lr", description = "learning rate of the fine-tune phase of a schedule (default lr/10)")
    Float finetuneLr;

    @Option(names = "--momentum", defaultValue = "0.9") float momentum;
    @Option(names = "--nesterov") boolean nesterov;
    @Option(names = "--weight-decay", defaultValue = "0.01", description = "(default ${DEFAULT-VALUE})") float weightDecay;
    @Option(names = "--lr-schedule", defaultValue = "cosine", description = "cosine | step | constant (default ${DEFAULT-VALUE})") String lrSchedule;
    @Option(names = "--warmup-epochs", defaultValue = "0") float warmupEpochs;
    @Option(names = "--step-epochs", defaultValue = "10") int stepEpochs;
    @Option(names = "--step-gamma", defaultValue = "0.1") float stepGamma;
    @Option(names = "--label-smoothing", defaultValue = "0") float labelSmoothing;
    @Option(names = "--grad-clip", defaultValue = "0", description = "clip the global gradient norm (0 = off)") float gradClip;
    @Option(names = "--drop-rate", defaultValue = "0") float dropRate;
    @Option(names = "--drop-path-rate", defaultValue = "0") float dropPathRate;
    @Option(names = "--freeze-bn", description = "keep every BatchNorm layer's pretrained statistics and affine "
            + "parameters (few-shot fine-tuning: tiny batches would overwrite them)") boolean freezeBn;
    @Option(names = "--balance-classes", description = "weight each class's loss by n / (classes * count) of the "
            + "training images, so rare defect classes count as much as the common OK class") boolean balanceClasses;

    @Option(names = "--early-stop", defaultValue = "0", description = "patience in epochs; restores the best weights (0 = off)")
    int patience;
    @Option(names = "--min-delta", defaultValue = "0") float minDelta;
    @Option(names = "--monitor", defaultValue = "val_acc", description = "val_acc | val_loss") String monitor;

    @Option(names = "--augment", defaultValue = "default",
            description = "training augmentation pipeline, e.g. \"rrc(224,0.08-1);hflip(0.5);rand-m9-mstd0.5-inc1\" (see README)")
    String augment;

    @Option(names = "--cache-views", paramLabel = "K",
            description = "transfer learning on cached features: the frozen backbone runs once per image and view, the head "
                    + "trains on the cached features; K augmented views per image (epoch e uses view e mod K), 0 = the "
                    + "un-augmented image only (default: no cache, the backbone runs every epoch)")
    Integer cacheViews;

    @Option(names = "--task", description = "task name=source[*weight], source = label | derived:groups | column:NAME (repeatable); "
                    + "the label task is the main one (added as main=label if not given); derived:groups needs --normal-classes")
    List<String> tasks = new ArrayList<>();

    @Option(names = "--method", defaultValue = TrainConfig.NETWORK,
            description = "network (default: train the network with the options above) or the name of a fitted method")
    String method;

    @Option(names = "--feature-stages", paramLabel = "A,B", description = "stages whose feature maps a feature-based "
            + "method uses, e.g. blocks.2,blocks.3 or layer2,layer3 (default: the method's choice for the model's family)")
    String featureStages;

    @Option(names = "--coreset-ratio", defaultValue = "0.1", description = "patchcore: share of the training patches "
            + "kept in the memory bank, in (0, 1] (greedy k-center coreset)")
    float coresetRatio;

    @Option(names = "--masks", paramLabel = "DIR", description = "defect masks named like the images (DIR/CLASS/NAME.png, "
            + "non-zero = defect): an anomaly detector also reports pixel AUROC and where its maps peak")
    Path masks;

    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--threads", description = "loader threads, >= 1 (default: cores)") Integer threads;
    @Option(names = "--quiet", description = "no progress bars; one line per epoch") boolean quiet;

    @Override
    public Integer call() throws Exception {
        TrainConfig config;
        DataOptions dataOptions;
        if (resume) {
            if (out == null) {
                throw new IllegalArgumentException("--resume needs --out RUN_DIR");
            }
            RunInfo info = RunInfo.read(out);
            config = info.config();
            dataOptions = new DataOptions(Path.of(info.data()), null, out.resolve("split.csv"), 0, 0, 0, config.seed(),
                    true, info.normalClasses());
        } else {
            if (dataArgs == null) {
                throw new IllegalArgumentException("--data is required");
            }
            if (threads != null && threads < 1) {
                throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
            }
            if (size != null && size < 16) {
                throw new IllegalArgumentException("--size must be at least 16 pixels (or left out for the model's default), got " + size);
            }
            config = buildConfig();
            dataOptions = dataArgs.toOptions(seed);
            if (out == null) {
                out = Path.of("runs", model + "-" + mode + "-" + java.time.LocalDateTime.now().format(
                        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            }
        }
        PreparedData prepared = PreparedData.prepare(dataOptions, config.threads(), System.out);
        if (!resume) { // after the data is checked: a refused command must not have deleted anything
            RunDirectory.prepareFresh(out, config, overwrite);
        }
        System.out.printf("data: %d classes, train %d / val %d / test %d images%s%n", prepared.data().numClasses(),
                prepared.split().train().size(), prepared.split().val().size(), prepared.split().test().size(),
                prepared.split().duplicates().isEmpty() ? "" : " (" + prepared.split().duplicates().size() + " duplicate(s) left out)");
        TrainResult result = new Trainer(ModelRegistry.defaults(), System.out)
                .checkpointEvery(Duration.ofSeconds(checkpointEvery))
                .train(config, prepared.data(), prepared.split(), prepared.normalClasses(), out, resume);
        Reports.printSummary(result, System.out);
        return 0;
    }

    private TrainConfig buildConfig() {
        List<TaskSpec> taskSpecs = TaskSpec.withMain(tasks.stream().map(TaskSpec::parse).toList());
        TrainMode trainMode = Enums.parse(TrainMode.class, mode, "--mode");
        if (transferEpochs > 0 || finetuneEpochs > 0) {
            trainMode = TrainMode.TRANSFER;
        }
        return TrainConfig.builder()
                .model(model).inputSize(size == null ? 0 : size).init(init).weightsFile(weights).allowDownload(download)
                .mode(trainMode).unfreezeFrom(unfreezeFrom).epochs(epochs).schedule(transferEpochs, finetuneEpochs)
                .batchSize(batchSize).optimizer(Enums.parse(OptimizerKind.class, optimizer, "--optimizer"))
                .lr(lr).lrBase(lrBase, lrBaseBatch).finetuneLr(finetuneLr).momentum(momentum).nesterov(nesterov)
                .weightDecay(weightDecay).lrSchedule(lrSchedule).warmupEpochs(warmupEpochs).step(stepEpochs, stepGamma)
                .labelSmoothing(labelSmoothing).gradClip(gradClip).dropRate(dropRate).dropPathRate(dropPathRate).freezeBn(freezeBn)
                .balanceClasses(balanceClasses)
                .earlyStop(patience, minDelta, monitor).seed(seed)
                .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
                .augment(augment).cacheViews(cacheViews).tasks(taskSpecs).quiet(quiet).method(method)
                .featureStages(featureStages).coresetRatio(coresetRatio)
                .masks(masks == null ? null : masks.toAbsolutePath().toString())
                .build();
    }
}
