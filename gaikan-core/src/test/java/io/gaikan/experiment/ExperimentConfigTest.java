package io.gaikan.experiment;

import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Config parsing, grid expansion and run ids, without training anything. */
class ExperimentConfigTest {

    private static final Path WORK = Path.of("/work/dir");

    private static final String FEWSHOT = """
            name: few-shot
            data: {path: data/casting, val: 0, test: 0.1, normal_classes: [ok_front], seed: 3}
            base: {model: resnet18, size: 32, epochs: 4, batch_size: 8, lr: 0.001}
            methods:
              scratch:  {label: Scratch, mode: scratch, init: none}
              imagenet: {label: ImageNet Pretrain, mode: finetune, init: imagenet, weights: "${W:-weights}/r18.safetensors", epochs: 6}
              cg:       {label: CG Pretrain, mode: finetune, init: "pretrain:cg"}
            pretrain:
              cg: {data: cg-images, epochs: 2}
            axes:
              shots: [1, 2, 4]
              method: [scratch, imagenet, cg]
              seed: [1, 2]
            report: {rows: shots, columns: method}
            baseline: true
            """;

    private static ExperimentConfig parse(String yaml) {
        return ExperimentConfig.parse(yaml, "test.yaml", WORK, Map.of());
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> Grid.expand(parse(yaml))).getMessage();
    }

    @Test
    void kShotSubsetsFollowTheDataSeedOrWithShotsPerSeedEachRunsSeed() {
        assertEquals(3, parse(FEWSHOT).data().shotSeed(7), "by default every run gets the same draw");
        ExperimentConfig perSeed = parse(FEWSHOT.replace("seed: 3}", "seed: 3, shots_per_seed: true}"));
        assertEquals(7, perSeed.data().shotSeed(7));
        assertEquals(List.of(), parse(FEWSHOT.replace("[ok_front]", "[\"\"]")).data().normalClasses(),
                "an empty class name (an unset ${VAR:-}) is left out");
    }

    @Test
    void gridIsTheCartesianProductWithTheFirstAxisSlowest() {
        Grid grid = Grid.expand(parse(FEWSHOT));
        assertEquals(3 * 3 * 2, grid.points().size());
        assertEquals(Map.of("shots", "1", "method", "Scratch", "seed", "1"), grid.points().get(0).labels());
        assertEquals(Map.of("shots", "1", "method", "Scratch", "seed", "2"), grid.points().get(1).labels());
        assertEquals(Map.of("shots", "1", "method", "ImageNet Pretrain", "seed", "1"), grid.points().get(2).labels());
        assertEquals(Map.of("shots", "4", "method", "CG Pretrain", "seed", "2"), grid.points().get(17).labels());
        Set<String> combos = new HashSet<>();
        grid.points().forEach(p -> combos.add(p.labels().toString()));
        assertEquals(18, combos.size(), "every combination once");
        assertEquals(18, grid.runs().size(), "distinct settings give distinct runs");
        assertEquals(List.of(1, 2, 4), grid.shotsValues());
    }

    @Test
    void settingsLayerBaseThenMethodThenAxes() {
        Grid grid = Grid.expand(parse(FEWSHOT));
        RunSpec imagenet = grid.points().get(2).run();
        TrainConfig c = imagenet.config();
        assertEquals(TrainMode.FINETUNE, c.mode());
        assertEquals(6, c.epochs(), "the preset's epochs beat the base's");
        assertEquals(32, c.inputSize());
        assertEquals(1, c.seed());
        assertEquals(1, imagenet.shots());
        assertEquals(WORK.resolve("weights/r18.safetensors").toString(), c.weightsFile(), "default of ${W:-weights}, resolved");
        RunSpec scratch = grid.points().get(0).run();
        assertEquals(TrainMode.SCRATCH, scratch.config().mode());
        assertEquals(4, scratch.config().epochs());
        assertNull(scratch.pretrain());

        String axisWins = FEWSHOT.replace("seed: [1, 2]", "seed: [1, 2]\n  epochs: [9]");
        assertEquals(9, Grid.expand(parse(axisWins)).points().get(2).run().config().epochs(), "an axis beats the preset");
    }

    @Test
    void pretrainStepIsSharedAndPartOfTheDependentRunsIdentity() {
        Grid grid = Grid.expand(parse(FEWSHOT));
        List<RunSpec> steps = grid.pretrainSteps();
        assertEquals(1, steps.size());
        RunSpec cg = grid.points().get(4).run();
        assertSame(steps.get(0), cg.pretrain());
        assertEquals("pretrain:cg", cg.config().init().text());
        assertEquals(2, steps.get(0).config().epochs());
        assertEquals(0, steps.get(0).shots(), "the base's shots would not apply to pretraining");

        Grid longer = Grid.expand(parse(FEWSHOT.replace("cg: {data: cg-images, epochs: 2}", "cg: {data: cg-images, epochs: 3}")));
        assertNotEquals(cg.id(), longer.points().get(4).run().id(), "a changed pretrain step invalidates its users");
        assertEquals(grid.points().get(0).run().id(), longer.points().get(0).run().id(), "and nothing else");
    }

    @Test
    void aPretrainStepIsRunOncePerBackboneOfTheRunsUsingIt() {
        String yaml = """
                data: {path: d}
                base: {model: resnet18, size: 32, epochs: 3}
                methods:
                  scratch: {mode: scratch}
                  ft: {mode: finetune, init: "pretrain:src"}
                pretrain:
                  src: {data: other, epochs: 1}
                axes:
                  model: [resnet18, resnet34]
                  method: [scratch, ft]
                  seed: [1, 2]
                """;
        Grid grid = Grid.expand(parse(yaml));
        List<RunSpec> steps = grid.pretrainSteps();
        assertEquals(List.of("resnet18", "resnet34"), steps.stream().map(s -> s.config().model()).toList());
        assertEquals(32, steps.get(1).config().inputSize());
        assertEquals(1, steps.get(1).config().epochs());
        assertSame(grid.points().get(2).run().pretrain(), grid.points().get(3).run().pretrain(), "seeds share the step");
        assertSame(steps.get(1), grid.points().get(6).run().pretrain());
    }

    @Test
    void aSynthPretrainStepRendersAtItsInputSize() {
        String yaml = FEWSHOT.replace("cg: {data: cg-images, epochs: 2}", "cg: {synth: {count: 100, domain: target}, epochs: 2}");
        RunSpec step = Grid.expand(parse(yaml)).pretrainSteps().get(0);
        Grid.CgSource source = (Grid.CgSource) step.source();
        assertEquals(100, source.count());
        assertEquals(32, source.synth().size());
        assertEquals(io.gaikan.synth.Domain.TARGET, source.synth().domain());
        assertTrue(error(FEWSHOT.replace("cg: {data: cg-images, epochs: 2}", "cg: {epochs: 2}"))
                .startsWith("test.yaml: pretrain.cg: a pretrain step needs either data: (images) or synth:"));
        assertTrue(error(FEWSHOT.replace("cg: {data: cg-images, epochs: 2}", "cg: {synth: {count: 9, domian: x}}"))
                .startsWith("test.yaml: pretrain.cg.synth.domian: unknown key"));
    }

    @Test
    void axisValuesGivenAsMapsChangeSeveralSettingsTogether() {
        String yaml = """
                data: {path: d}
                base: {epochs: 3}
                axes:
                  shots: {"1": {shots: 1, epochs: 40}, "8": {shots: 8, epochs: 10}, all: 0}
                """;
        List<Grid.Point> points = Grid.expand(parse(yaml)).points();
        assertEquals(List.of(1, 8, 0), points.stream().map(p -> p.run().shots()).toList());
        assertEquals(List.of(40, 10, 3), points.stream().map(p -> p.run().config().epochs()).toList());
        assertEquals("all", points.get(2).labels().get("shots"));
    }

    @Test
    void runIdsAreStableAndFollowTheEffectiveSettingsOnly() {
        List<String> a = Grid.expand(parse(FEWSHOT)).runs().stream().map(RunSpec::id).toList();
        List<String> b = Grid.expand(parse(FEWSHOT)).runs().stream().map(RunSpec::id).toList();
        assertEquals(a, b);
        assertTrue(a.get(0).matches("[0-9a-f]{12}"), a.get(0));

        // Reordering axes and writing a setting elsewhere or differently keeps the effective settings, so the ids.
        String reordered = FEWSHOT.replace("  shots: [1, 2, 4]\n  method: [scratch, imagenet, cg]\n  seed: [1, 2]",
                        "  seed: [1, 2]\n  method: [scratch, imagenet, cg]\n  shots: [1, 2, 4]")
                .replace("lr: 0.001}", "lr: 1.0e-3, threads: 1}");
        assertEquals(Set.copyOf(a), Set.copyOf(Grid.expand(parse(reordered)).runs().stream().map(RunSpec::id).toList()));

        String changed = FEWSHOT.replace("lr: 0.001", "lr: 0.002");
        List<String> c = Grid.expand(parse(changed)).runs().stream().map(RunSpec::id).toList();
        assertTrue(c.stream().noneMatch(a::contains), "a changed learning rate changes every run");
    }

    @Test
    void identicalEffectiveSettingsShareOneRun() {
        String yaml = """
                data: {path: d}
                base: {epochs: 2}
                axes:
                  epochs: {two: 2, also-two: 2, three: 3}
                """;
        Grid grid = Grid.expand(parse(yaml));
        assertEquals(3, grid.points().size());
        assertEquals(2, grid.runs().size());
        assertEquals(grid.points().get(0).run().id(), grid.points().get(1).run().id());
    }

    @Test
    void scheduleAxisGivesTransferThenFinetuneAndPlainEnds() {
        String yaml = """
                data: {path: d}
                base: {epochs: 5, lr: 0.01, init: imagenet}
                axes:
                  schedule: ["3/2", "0/5", "5/0"]
                """;
        List<Grid.Point> points = Grid.expand(parse(yaml)).points();
        TrainConfig both = points.get(0).run().config();
        assertTrue(both.isSchedule());
        assertEquals(TrainMode.TRANSFER, both.mode());
        assertEquals(3, both.transferEpochs());
        assertEquals(2, both.finetuneEpochs());
        TrainConfig finetune = points.get(1).run().config();
        assertEquals(TrainMode.FINETUNE, finetune.mode());
        assertEquals(5, finetune.totalEpochs());
        assertEquals(0.001f, finetune.baseLr(), 1e-9, "0/M fine-tunes at the fine-tune learning rate (lr / 10)");
        TrainConfig transfer = points.get(2).run().config();
        assertEquals(TrainMode.TRANSFER, transfer.mode());
        assertEquals(5, transfer.totalEpochs());
        assertEquals(Map.of("schedule", "3/2"), points.get(0).labels());
    }

    @Test
    void tasksAxisTakesCombinationsAsAMapOrAList() {
        String yaml = """
                data: {path: d, normal_classes: [ok]}
                axes:
                  tasks: [[], ["defect=derived:groups"], ["defect=derived:groups*0.5", "light=column:light"]]
                """;
        List<Grid.Point> points = Grid.expand(parse(yaml)).points();
        assertEquals(List.of("main", "main+defect", "main+defect+light"),
                points.stream().map(p -> p.labels().get("tasks")).toList());
        assertEquals(1, points.get(0).run().config().tasks().size());
        assertEquals(3, points.get(2).run().config().tasks().size());
        assertEquals(0.5f, points.get(2).run().config().tasks().get(1).weight());
        assertEquals("column:light", points.get(2).run().config().tasks().get(2).source());
    }

    @Test
    void reportDefaultsToMethodColumnsAndSeedAveraging() {
        ReportSpec r = parse(FEWSHOT.replace("report: {rows: shots, columns: method}\n", "")).report();
        assertEquals("shots", r.rows());
        assertEquals("method", r.columns());
        assertEquals(List.of("seed"), r.aggregate());
        assertEquals(Metric.ACCURACY, r.metric());
        assertEquals(256, parse(FEWSHOT).baseline().workingSize());
        ReportSpec seedsOnly = parse("data: {path: d}\naxes: {seed: [1, 2]}").report();
        assertNull(seedsOnly.rows(), "everything averaged: one row");
        assertNull(seedsOnly.columns());
    }

    @Test
    void errorsNameTheFileAndTheKey() {
        assertEquals("test.yaml: base.epoch: unknown setting 'epoch'; known: " + String.join(", ", new java.util.TreeSet<>(Settings.KEYS)),
                error(FEWSHOT.replace("epochs: 4,", "epoch: 4,")));
        assertTrue(error(FEWSHOT.replace("[1, 2, 4]", "[1, two, 4]")).startsWith("test.yaml: axes.shots[1]: expected an integer, got 'two'"));
        assertTrue(error(FEWSHOT.replace("method: [scratch, imagenet, cg]", "method: [scratch, imagenet, cgg]"))
                .startsWith("test.yaml: axes.method[2]: no method preset named 'cgg'"));
        assertTrue(error(FEWSHOT.replace("rows: shots", "rows: shot")).startsWith("test.yaml: report.rows: 'shot' is not an axis"));
        assertTrue(error(FEWSHOT.replace("mode: scratch, init: none", "mode: scrach, init: none"))
                .startsWith("test.yaml: methods.scratch.mode: mode must be scratch | transfer | finetune, got 'scrach'"));
        assertTrue(error(FEWSHOT.replace("init: \"pretrain:cg\"", "init: \"pretrain:cgx\""))
                .startsWith("test.yaml: methods.cg.init: no pretrain step named 'cgx'"));
        assertTrue(error(FEWSHOT.replace("baseline: true", "baselines: true")).startsWith("test.yaml: baselines: unknown key"));
        assertTrue(error(FEWSHOT.replace("path: data/casting, ", "")).startsWith("test.yaml: data: missing required key 'path'"));
        assertTrue(error(FEWSHOT.replace("${W:-weights}", "${NOT_SET_ANYWHERE}"))
                .contains("methods.imagenet.weights: environment variable NOT_SET_ANYWHERE is not set"));
        assertTrue(error(FEWSHOT.replace("seed: [1, 2]", "schedule: [\"3-2\"]")).startsWith("test.yaml: axes.schedule[0]: schedule must be N/M"));
        assertTrue(error(FEWSHOT.replace("base: {", "base: {batch_size: 0, ").replace("batch_size: 8, ", ""))
                .startsWith("test.yaml: base.batch_size: batch_size must be >= 1"));
        assertTrue(error("data: {path: d}\naxes: {shots: [1, 1]}").startsWith("test.yaml: axes.shots: axis 'shots' has the label '1' twice"));
        assertTrue(error("data: [1]").startsWith("test.yaml: data: expected a map"));
        assertTrue(error("data: {path: d\n").startsWith("test.yaml: not valid YAML"));
    }
}
