package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.gaikan.augment.Pipelines;
import io.gaikan.data.Batch;
import io.gaikan.data.BatchLoader;
import io.gaikan.data.DataOptions;
import io.gaikan.data.ImageCache;
import io.gaikan.data.PreparedData;
import io.gaikan.data.Task;
import io.gaikan.data.TaskSpec;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.testing.ToyImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feature cache against the full network, in memory and spilled to disk, with and without augmented views. */
class FeatureCacheTest {

    private static final int SIZE = 32;
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    static Path tmp;
    static ExecutorService pool;
    static NDManager manager;
    static ImageClassifier model;
    static BatchLoader plain;
    static BatchLoader augmented;

    @BeforeAll
    static void setUp() {
        Path root = ToyImages.folder(tmp.resolve("toy"), 10, SIZE, 5);
        PreparedData data = PreparedData.prepare(new DataOptions(root, null, null, 0, 0, 0, 7, false, List.of()), 2, QUIET);
        List<Task> tasks = Task.resolve(List.of(TaskSpec.MAIN), data.data(), data.normalClasses());
        var samples = data.split().samples(data.data(), data.split().train());
        var labelers = tasks.stream().map(Task::labeler).toList();
        pool = Executors.newFixedThreadPool(2);
        ImageCache images = new ImageCache(1 << 24);
        plain = new BatchLoader(samples, labelers, Pipelines.eval(SIZE)::apply, images, pool, 6, 2);
        augmented = new BatchLoader(samples, labelers, Pipelines.train("default", SIZE)::apply, images, pool, 6, 2);
        manager = NDManager.newBaseManager();
        model = ModelRegistry.defaults().get("resnet18").build(ModelOptions.classes(2));
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
        model.freezeBackboneBefore(model.backboneLayers().size());
    }

    @AfterAll
    static void tearDown() {
        manager.close();
        pool.shutdownNow();
    }

    private static FeatureCache cache(BatchLoader loader, int views, long budget, Path spill) {
        return FeatureCache.build(model, loader.size(), views, v -> loader.epoch(11, v, false), manager, budget, spill,
                QUIET, true);
    }

    @Test
    void headsOnCachedFeaturesGiveTheFullModelsLogits() {
        int[] indices = {3, 0, 7, 12, 5};
        try (FeatureCache cache = cache(plain, 1, 1L << 30, tmp)) {
            assertFalse(cache.onDisk());
            Batch features = cache.batch(indices, 0);
            Batch images = imagesOf(plain, indices);
            assertArrayEquals(images.labels()[0], features.labels()[0]);
            ParameterStore ps = new ParameterStore(manager, false);
            try (NDManager step = manager.newSubManager()) {
                NDArray f = step.create(features.pixels(), new Shape(indices.length, cache.featureDim()));
                float[] cached = model.forwardHeads(ps, f, false).get(0).toFloatArray();
                NDArray x = step.create(images.pixels(), new Shape(indices.length, 3, SIZE, SIZE));
                float[] full = model.forward(ps, new NDList(x), false).get(0).toFloatArray();
                assertArrayEquals(full, cached, 1e-5f);
            }
        }
    }

    @Test
    void aSpilledCacheHoldsTheSameRowsAndDeletesItsFile() throws Exception {
        Path spill = tmp.resolve("spill");
        int[] all = IntStream.range(0, plain.size()).toArray();
        try (FeatureCache memory = cache(augmented, 2, 1L << 30, spill)) {
            Batch m0 = memory.batch(all, 0);
            Batch m1 = memory.batch(all, 1);
            try (FeatureCache disk = cache(augmented, 2, 0, spill)) {
                assertTrue(disk.onDisk());
                assertEquals(1, fileCount(spill));
                assertArrayEquals(m0.pixels(), disk.batch(all, 0).pixels());
                assertArrayEquals(m1.pixels(), disk.batch(all, 1).pixels());
            }
            assertEquals(0, fileCount(spill), "the spill file must be removed on close");
            // the default pipeline flips: two views of the same images differ
            assertFalse(Arrays.equals(m0.pixels(), m1.pixels()));
        }
    }

    @Test
    void viewVHoldsTheAugmentationOfLoaderEpochV() {
        int[] indices = {1, 4, 9};
        try (FeatureCache cache = cache(augmented, 2, 1L << 30, tmp)) {
            ParameterStore ps = new ParameterStore(manager, false);
            for (int v = 0; v < 2; v++) {
                Batch images = batchOf(augmented.epoch(11, v, false), indices);
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.create(images.pixels(), new Shape(indices.length, 3, SIZE, SIZE));
                    float[] direct = model.forwardFeatures(ps, x, false).toFloatArray();
                    assertArrayEquals(direct, cache.batch(indices, v).pixels(), 1e-5f, "view " + v);
                }
            }
        }
    }

    private static Batch imagesOf(BatchLoader loader, int[] indices) {
        return batchOf(loader.epoch(11, 0, false), indices);
    }

    /** The rows of the given samples gathered from an epoch's batches, in the order asked for. */
    private static Batch batchOf(java.util.Iterator<Batch> epoch, int[] indices) {
        int pixels = 3 * SIZE * SIZE;
        float[] out = new float[indices.length * pixels];
        int[] labels = new int[indices.length];
        while (epoch.hasNext()) {
            Batch b = epoch.next();
            for (int i = 0; i < b.size(); i++) {
                for (int k = 0; k < indices.length; k++) {
                    if (b.indices()[i] == indices[k]) {
                        System.arraycopy(b.pixels(), i * pixels, out, k * pixels, pixels);
                        labels[k] = b.labels()[0][i];
                    }
                }
            }
        }
        return new Batch(out, indices.length, 3, SIZE, SIZE, new int[][]{labels}, indices);
    }

    private static long fileCount(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
