package io.gaikan.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.gaikan.augment.Pipelines;
import io.gaikan.concurrent.ThreadPools;
import io.gaikan.data.BatchLoader;
import io.gaikan.data.ImageCache;
import io.gaikan.data.Sample;
import io.gaikan.data.Task;
import io.gaikan.eval.Predictions;
import io.gaikan.eval.Predictor;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.TaskHead;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
            BatchLoader loader = new BatchLoader(samples, labelers, Pipelines.eval(info.inputSize())::apply,
                    new ImageCache(0), pool, info.config().batchSize(), 2 * threads);
            return new Predictor(model, tasks.stream().map(Task::name).toList()).predict(loader, manager, out, quiet);
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
