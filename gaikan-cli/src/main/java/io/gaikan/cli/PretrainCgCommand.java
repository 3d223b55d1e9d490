package io.gaikan.cli;

import io.gaikan.model.ModelRegistry;
import io.gaikan.pretrain.CgPretraining;
import io.gaikan.synth.Domain;
import io.gaikan.synth.Scenes;
import io.gaikan.synth.SynthConfig;
import io.gaikan.train.Init;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainMode;
import io.gaikan.train.TrainSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gaikan pretrain-cg}: render CG images and pretrain a backbone on them (seed 001's CG Pretrain). */
@Command(name = "pretrain-cg", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = PretrainCgCommand.Options.class,
        description = {"Render CG defect images and train a model on them; the resulting OUT/run/model.safetensors is the "
                + "starting point for fine-tuning on real images: gaikan train --init OUT/run/model.safetensors --mode finetune ...",
                "Rerunning with the same --out resumes (rendering is skipped, training continues from its checkpoint)."})
public final class PretrainCgCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "output directory (cg-data/ and run/)")
    Path out;

    @Option(names = "--count", defaultValue = "20000", description = "CG images to render (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--grey", description = "render grey images") boolean grey;
    @Option(names = "--families", paramLabel = "all|cast,strip,tile,metal", description = "render a mixture of scene "
            + "families (pretext task: the defect kind) instead of the grinding-scratch scene (OK / NG)")
    String families;
    @Option(names = "--ng-fraction", description = "share of defect images (default: OK as common as each defect "
            + "kind, 0.5 for the grinding scene, 15/16 for all families)")
    Double ngFraction;
    @Spec
    CommandSpec spec;

    /**
     * The training settings pretraining offers, with its own defaults: 224 px images, 5 epochs at lr 0.002, the
     * defect augmentation, seed 1. {@code --size} is the rendered images' size too.
     */
    static final SettingOptions SETTINGS = new SettingOptions(List.of(TrainSettings.MODEL, TrainSettings.INPUT_SIZE,
            TrainSettings.INIT, TrainSettings.WEIGHTS_FILE, TrainSettings.EPOCHS, TrainSettings.BATCH_SIZE,
            TrainSettings.LR, TrainSettings.AUGMENT, TrainSettings.TASKS, TrainSettings.FREEZE_BN,
            TrainSettings.BALANCE_CLASSES, TrainSettings.SEED, TrainSettings.THREADS, TrainSettings.QUIET),
            TrainConfig.builder().inputSize(224).epochs(5).lr(0.002f).augment("defect").seed(1).build());

    /** Adds {@link #SETTINGS} to the command's options. */
    public static final class Options implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec commandSpec) {
            return SETTINGS.add(commandSpec);
        }
    }

    @Override
    public Integer call() throws Exception {
        TrainConfig.Builder b = SETTINGS.read(spec.commandLine().getParseResult());
        // from ImageNet or another checkpoint the whole network trains on from there; from nothing it is scratch
        TrainConfig train = b.mode(b.get(TrainSettings.INIT) instanceof Init.None ? TrainMode.SCRATCH : TrainMode.FINETUNE)
                .build();
        int size = train.inputSize();
        long seed = train.seed();
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
