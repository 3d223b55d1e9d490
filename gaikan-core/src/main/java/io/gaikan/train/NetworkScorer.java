package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.gaikan.augment.Pipelines;
import io.gaikan.concurrent.ThreadPools;
import io.gaikan.data.Batch;
import io.gaikan.data.BatchLoader;
import io.gaikan.data.ImageCache;
import io.gaikan.data.Sample;
import io.gaikan.data.Task;
import io.gaikan.eval.Predictions;
import io.gaikan.eval.Predictor;
import io.gaikan.explain.CamTarget;
import io.gaikan.explain.GradCam;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.TaskHead;
import io.gaikan.console.ProgressBar;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.ToIntFunction;

/** A trained network of a {@link TrainConfig#NETWORK} run, rebuilt from run.json and model.safetensors. */
public final class NetworkScorer implements RunScorer {

    private final RunInfo info;
    private final ImageClassifier model;
    private final NDManager manager;

    private NetworkScorer(RunInfo info, ImageClassifier model, NDManager manager) {
        this.info = info;
        this.model = model;
        this.manager = manager;
    }

    static NetworkScorer load(RunInfo info, Path runDir, ModelRegistry registry) throws IOException {
        Path weights = new RunLayout(runDir).model();
        if (!Files.exists(weights)) {
            throw new IllegalArgumentException("run " + runDir + " has no model.safetensors (not finished? resume it with --resume)");
        }
        NDManager manager = NDManager.newBaseManager();
        ImageClassifier model;
        try {
            model = rebuild(info, weights, registry, manager);
        } catch (RuntimeException | IOException e) {
            manager.close();
            throw e;
        }
        return new NetworkScorer(info, model, manager);
    }

    /** The run's network (its heads sized by the run's tasks) on {@code manager}, with the weights of {@code weights}. */
    /** Makes a scorer around a run's frozen backbone; the scorer owns {@code manager} and closes it. */
    public interface BackboneScorer {
        RunScorer make(ImageClassifier backbone, NDManager manager) throws IOException;
    }

    /**
     * The scorer of a feature-based run (anomaly detector, few-shot head): its saved backbone (model.safetensors)
     * rebuilt on a new manager that the scorer {@code make} returns then owns; on failure the manager is closed.
     */
    public static RunScorer withSavedBackbone(RunInfo info, Path runDir, ModelRegistry registry, BackboneScorer make)
            throws IOException {
        NDManager manager = NDManager.newBaseManager();
        try {
            return make.make(rebuild(info, new RunLayout(runDir).model(), registry, manager), manager);
        } catch (RuntimeException | IOException e) {
            manager.close();
            throw e;
        }
    }

    public static ImageClassifier rebuild(RunInfo info, Path weights, ModelRegistry registry, NDManager manager)
            throws IOException {
        List<TaskHead> heads = new ArrayList<>();
        info.tasks().forEach((name, classes) -> heads.add(new TaskHead(name, classes.size())));
        ImageClassifier model = registry.get(info.config().model()).build(new ModelOptions(heads, 0f, 0f));
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, info.inputSize(), info.inputSize()));
        ModelState.restoreModel(model, weights);
        return model;
    }

    @Override
    public Predictions predict(List<Sample> samples, List<Task> tasks, int threads, PrintStream out, boolean quiet) {
        ExecutorService pool = ThreadPools.fixed(threads, "loader");
        try {
            List<ToIntFunction<Sample>> labelers = tasks.stream().map(Task::labeler).toList();
            return new Predictor(model, tasks.stream().map(Task::name).toList())
                    .predict(loader(samples, labelers, pool, threads), manager, out, quiet);
        } finally {
            pool.shutdownNow();
        }
    }

    private BatchLoader loader(List<Sample> samples, List<ToIntFunction<Sample>> labelers, ExecutorService pool, int threads) {
        return new BatchLoader(samples, labelers, Pipelines.eval(info.inputSize())::apply, new ImageCache(0), pool,
                info.config().batchSize(), 2 * threads);
    }

    /**
     * Grad-CAM of the defect classes together when the run knows its normal classes (where the image looks
     * defective), else of each image's most probable class; drawn from 0 to the image's own maximum.
     */
    @Override
    public List<HeatMap> heatMaps(List<Sample> samples, int threads, PrintStream out, boolean quiet) {
        List<String> classes = info.classes();
        List<Integer> defects = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (!info.normalClasses().contains(classes.get(c))) {
                defects.add(c);
            }
        }
        boolean grouped = !info.normalClasses().isEmpty() && !defects.isEmpty() && defects.size() < classes.size();
        return heatMaps(samples, grouped ? CamTarget.group(defects) : CamTarget.predicted(), threads, out, quiet);
    }

    /** Grad-CAM of {@code target} for every image, drawn from 0 to the image's own maximum. */
    public List<HeatMap> heatMaps(List<Sample> samples, CamTarget target, int threads, PrintStream out, boolean quiet) {
        ExecutorService pool = ThreadPools.fixed(threads, "grad-cam");
        GradCam cam = new GradCam(model, model.camStage());
        HeatMap[] maps = new HeatMap[samples.size()];
        try (ProgressBar bar = ProgressBar.start("grad-cam", samples.size(), out, quiet)) {
            Iterator<Batch> batches = loader(samples, List.of(s -> -1), pool, threads).epoch(0, 0, false);
            while (batches.hasNext()) {
                Batch batch = batches.next();
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.create(batch.pixels(), new Shape(batch.size(), batch.channels(), batch.height(), batch.width()));
                    List<float[][]> values = cam.maps(x, target);
                    for (int b = 0; b < batch.size(); b++) {
                        maps[batch.indices()[b]] = new HeatMap(values.get(b), 0, Math.max(1e-12, max(values.get(b))));
                    }
                }
                bar.step(batch.size(), Map.of());
            }
        } finally {
            pool.shutdownNow();
        }
        return List.of(maps);
    }

    private static double max(float[][] map) {
        double m = 0;
        for (float[] row : map) {
            for (float v : row) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    @Override
    public void close() {
        manager.close();
    }
}
