package io.gaikan.cli;

import io.gaikan.demo.FewShotDemo;
import io.gaikan.model.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gaikan demo}: the main job on an embedded default (CG pretraining vs scratch, few-shot). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Render CG images, pretrain on them, and compare Scratch vs CG Pretrain at 1/4/16 images per class "
                + "on a differently randomised target set. Needs nothing but this repository; rerunning resumes.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "runs/demo", description = "output directory (default ${DEFAULT-VALUE}); rerunning resumes")
    Path out;

    @Option(names = "--model", description = "backbone (default resnet18)")
    String model;

    @Option(names = "--shots", split = ",", description = "images per class (default 1,4,16)")
    List<Integer> shots;

    @Option(names = "--seed", description = "seed (default 1)")
    Long seed;

    @Override
    public Integer call() throws Exception {
        FewShotDemo d = FewShotDemo.defaults();
        FewShotDemo demo = new FewShotDemo(model != null ? model : d.model(), d.size(), d.cgCount(), d.pretrainEpochs(),
                d.targetCount(), shots != null ? shots : d.shots(), d.stepsPerRun(), seed != null ? seed : d.seed(),
                d.threads());
        demo.run(out, ModelRegistry.defaults(), System.out);
        return 0;
    }
}
