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
import io.gaikan.data.DataOptions;
import io.gaikan.data.PreparedData;
import io.gaikan.data.Sample;
import io.gaikan.data.Task;
import io.gaikan.data.TaskSpec;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.Predictions;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.ParameterNames;
import io.gaikan.model.TaskHead;
import io.gaikan.report.MetricsJson;
import io.gaikan.testing.ToyImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multi-task training end to end on a generated CSV manifest: main = stripe direction, group = defect/normal derived
 * from --normal-classes, light = a manifest column with three values and some empty cells.
 */
class MultiTaskTest {

    static final List<TaskSpec> SPECS = TaskSpec.withMain(List.of(
            TaskSpec.parse("group=derived:groups*0.5"), TaskSpec.parse("light=column:light")));

    @TempDir
    static Path shared;
    static PreparedData data;
    static List<Task> tasks;

    @BeforeAll
    static void makeData() {
        Path csv = ToyImages.manifest(shared.resolve("toy"), 24, 32, 5, 11);
        data = PreparedData.prepare(new DataOptions(csv, null, null, 0.2, 0.3, 0, 5, false, List.of("stripes_h")),
                2, new PrintStream(new ByteArrayOutputStream()));
        tasks = Task.resolve(SPECS, data.data(), data.normalClasses());
    }

    private static ImageClassifier build(NDManager manager) {
        List<TaskHead> heads = tasks.stream().map(t -> new TaskHead(t.name(), t.classes().size())).toList();
        ImageClassifier model = ModelRegistry.defaults().get("resnet18").build(new ModelOptions(heads, 0f, 0f));
        Engine.getInstance().setRandomSeed(1);
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        return model;
    }

    @Test
    void tasksResolveWithTheirClassesAndUnlabelledCells() {
        assertEquals(List.of("main", "group", "light"), tasks.stream().map(Task::name).toList());
        assertEquals(List.of("stripes_h", "stripes_v"), tasks.get(0).classes());
        assertEquals(List.of("defect", "normal"), tasks.get(1).classes());
        assertEquals(List.of("bright", "dark", "mid"), tasks.get(2).classes());
        assertEquals(0.5f, tasks.get(1).weight());
        int unlabelled = 0;
        for (Sample s : data.data().samples()) {
            int group = tasks.get(1).labeler().applyAsInt(s);
            assertEquals(s.label() == 0 ? 1 : 0, group, "stripes_h is the normal class");
            unlabelled += tasks.get(2).labeler().applyAsInt(s) < 0 ? 1 : 0;
        }
        assertEquals(48 / 5, unlabelled, "every 5th light cell is empty");
    }

    @Test
    void everyTaskHasItsOwnHeadSizedToItsClasses() {
        try (NDManager m = NDManager.newBaseManager()) {
            ImageClassifier model = build(m);
            Map<String, Parameter> p = ParameterNames.of(model);
            assertEquals(new Shape(2, 512), p.get("fc.weight").getArray().getShape());
            assertEquals(new Shape(2, 512), p.get("aux.group.weight").getArray().getShape());
            assertEquals(new Shape(3, 512), p.get("aux.light.weight").getArray().getShape());
            assertEquals(new Shape(3), p.get("aux.light.bias").getArray().getShape());
            NDList out = model.forward(new ParameterStore(m, false), new NDList(m.randomUniform(0, 1, new Shape(2, 3, 32, 32))), false);
            assertEquals(3, out.size());
            assertEquals(new Shape(2, 3), out.get(2).getShape());
            assertEquals(List.of("fc.", "aux.group.", "aux.light."), model.headPrefixes());
        }
    }

    /**
     * The light head's gradient from a batch whose light labels are {2, -1, 0, -1} equals the gradient from just the
     * two labelled images: an unlabelled row adds nothing to its task's loss (not even to the mean's denominator).
     * Inference-mode BN keeps the rows independent of each other.
     */
    @Test
    void unlabelledRowsDoNotContributeToTheirTasksLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            ImageClassifier model = build(m);
            NDArray x = m.randomUniform(0, 1, new Shape(4, 3, 32, 32));
            float[] full = lightGradient(model, m, x, new int[][]{{-1, -1, -1, -1}, {-1, -1, -1, -1}, {2, -1, 0, -1}});
            NDArray labelled = x.get(new ai.djl.ndarray.index.NDIndex("{}", m.create(new long[]{0, 2})));
            float[] sub = lightGradient(model, m, labelled, new int[][]{{-1, -1}, {-1, -1}, {2, 0}});
            assertArrayEquals(sub, full, 1e-6f);
            assertTrue(norm(full) > 0, "the labelled rows do give a gradient");

            float[] none = lightGradient(model, m, x, new int[][]{{0, 1, 0, 1}, {1, 0, 1, 0}, {-1, -1, -1, -1}});
            assertEquals(0, norm(none), "no light labels, no light gradient");
        }
    }

    private static float[] lightGradient(ImageClassifier model, NDManager m, NDArray x, int[][] labels) {
        Parameter w = ParameterNames.of(model).get("aux.light.weight");
        try (NDManager step = m.newSubManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList logits = model.forward(new ParameterStore(step, false), new NDList(x), false);
            collector.backward(TrainingStep.totalLoss(step, logits, labels, tasks, 0f));
            NDArray g = w.getArray().getGradient();
            float[] out = g.toFloatArray();
            g.subi(g);
            return out;
        }
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f * f;
        }
        return Math.sqrt(s);
    }

    @Test
    void trainsEveryTaskAndReportsEachInTheRunDirectory(@TempDir Path dir) throws Exception {
        TrainConfig config = TrainConfig.builder().model("resnet18").inputSize(32).batchSize(8).epochs(3).lr(2e-3f)
                .augment("none").threads(2).seed(3).quiet(true).tasks(SPECS).build();
        TrainResult result = new Trainer(ModelRegistry.defaults(), new PrintStream(new ByteArrayOutputStream()))
                .train(config, data.data(), data.split(), data.normalClasses(), dir, false);

        assertEquals(List.of("main", "group", "light"), List.copyOf(result.testMetrics().keySet()));
        Map<String, ClassificationMetrics> json = MetricsJson.readTasks(dir.resolve("metrics.json"));
        assertEquals(List.of("main", "group", "light"), List.copyOf(json.keySet()));
        ClassificationMetrics main = json.get("main");
        assertFalse(Double.isNaN(main.defectAccuracy()) || Double.isNaN(main.normalAccuracy())
                || Double.isNaN(main.missRate()) || Double.isNaN(main.overDetectionRate()), "main task group figures");
        assertEquals(List.of("normal"), json.get("group").normalClasses());
        assertFalse(Double.isNaN(json.get("group").missRate()));
        assertEquals(List.of("bright", "dark", "mid"), json.get("light").classes());
        List<Sample> test = data.split().samples(data.data(), data.split().test());
        long labelledTest = test.stream().filter(s -> tasks.get(2).labeler().applyAsInt(s) >= 0).count();
        assertTrue(labelledTest < test.size(), "the test split has unlabelled light cells");
        assertEquals(labelledTest, json.get("light").count(), "light metrics count only labelled images");
        assertEquals(test.size(), main.count());

        List<String> history = Files.readAllLines(dir.resolve("history.csv"));
        assertTrue(history.get(0).endsWith(",group_acc,light_acc"), history.get(0));
        assertEquals(4, history.size());
        assertFalse(history.get(3).endsWith(","), "per-epoch task accuracies are filled in");
        List<String> predictions = Files.readAllLines(dir.resolve("predictions.csv"));
        assertEquals("path,true,class,probability,verdict,defect_score,group_true,group,group_probability,light_true,"
                + "light,light_probability", predictions.get(0), "predict's format, with the true classes");
        assertEquals(test.size() + 1, predictions.size());

        RunInfo info = RunInfo.read(dir);
        assertEquals(List.of("main", "group", "light"), List.copyOf(info.tasks().keySet()));
        try (TrainedModel trained = TrainedModel.load(dir, ModelRegistry.defaults())) {
            List<Task> evalTasks = trained.tasks(data.data());
            Predictions p = trained.predict(test, evalTasks, 2, new PrintStream(new ByteArrayOutputStream()), true);
            assertEquals(3, p.probabilities().size());
            assertEquals(3, p.probabilities().get(2)[0].length);
            assertEquals(main.accuracy(), p.accuracy(0), 1e-9, "the reloaded model predicts as the trained one");
            assertEquals(json.get("light").accuracy(), p.accuracy(2), 1e-9);
        }
    }
}
