package io.gaikan.cli;

import io.gaikan.data.TaskSpec;
import io.gaikan.model.ModelRegistry;
import io.gaikan.pretrain.CgPretraining;
import io.gaikan.synth.Domain;
import io.gaikan.synth.Scenes;
import io.gaikan.synth.SynthConfig;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gaikan pretrain-cg}: render CG images and pretrain a backbone on them (seed 001's CG Pretrain). */
@Command(name = "pretrain-cg", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render CG defect images and train a model on them; the resulting OUT/run/model.safetensors is the "
                + "starting point for fine-tuning on real images: gaikan train --init OUT/run/model.safetensors --mode finetune ...",
                "Rerunning with the same --out resumes (rendering is skipped, training continues from its checkpoint)."})
public final class PretrainCgCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "output directory (cg-data/ and run/)")
    Path out;

    @Option(names = "--model", defaultValue = "resnet18", description = "(default ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--count", defaultValue = "20000", description = "CG images to render (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--size", defaultValue = "224", description = "image and input size (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--init", defaultValue = "none", description = "none | imagenet | FILE: start CG pretraining from these weights")
    String init;

    @Option(names = "--weights", description = "ImageNet weights file for --init imagenet")
    String weights;

    @Option(names = "--epochs", defaultValue = "5") int epochs;
    @Option(names = "--batch-size", defaultValue = "32") int batchSize;
    @Option(names = "--lr", defaultValue = "0.002") float lr;
    @Option(names = "--augment", defaultValue = "defect", description = "(default ${DEFAULT-VALUE})") String augment;
    @Option(names = "--grey", description = "render grey images") boolean grey;
    @Option(names = "--families", paramLabel = "all|cast,strip,tile,metal", description = "render a mixture of scene "
            + "families (pretext task: the defect kind) instead of the grinding-scratch scene (OK / NG)")
    String families;
    @Option(names = "--ng-fraction", description = "share of defect images (default: OK as common as each defect "
            + "kind, 0.5 for the grinding scene, 15/16 for all families)")
    Double ngFraction;
    @Option(names = "--task", description = "auxiliary head name=column:NAME of labels.csv (repeatable), e.g. "
            + "family=column:family lighting=column:lighting region=column:region")
    List<String> tasks = new ArrayList<>();
    @Option(names = "--freeze-bn", description = "keep BatchNorm statistics and affine parameters (needed with --init "
            + "imagenet for the folded-BN MobileNetV2: its identity statistics are not the batch statistics)")
    boolean freezeBn;
    @Option(names = "--balance-classes", description = "class-balanced loss per task") boolean balanceClasses;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--threads", defaultValue = "0", description = "(default: cores)") int threads;
    @Option(names = "--quiet") boolean quiet;

    @Override
    public Integer call() throws Exception {
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        TrainConfig train = TrainConfig.builder().model(model).inputSize(size).init(init).weightsFile(weights)
                .mode(init.equals("none") ? TrainMode.SCRATCH : TrainMode.FINETUNE)
                .epochs(epochs).batchSize(batchSize).lr(lr).augment(augment).seed(seed).threads(t).quiet(quiet)
                .freezeBn(freezeBn).balanceClasses(balanceClasses)
                .tasks(TaskSpec.withMain(tasks.stream().map(TaskSpec::parse).toList())).build();
        String scene = families != null ? Scenes.mixtureName(families) : SynthConfig.DEFAULT_SCENE;
        int kinds = Scenes.byName(scene).defectKinds().size();
        SynthConfig synth = SynthConfig.of(size, seed).withScene(scene).withDomain(Domain.PRETRAIN).withGrey(grey)
                .withNgFraction(ngFraction != null ? ngFraction : kinds / (kinds + 1.0));
        Path checkpoint = new CgPretraining(synth, count, train).run(out, ModelRegistry.defaults(), System.out);
        System.out.println("checkpoint: " + checkpoint.toAbsolutePath());
        System.out.println("fine-tune on real images with: gaikan train --init " + checkpoint + " --mode finetune --data ...");
        return 0;
    }
}
