package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.gaikan.augment.Pipelines;
import io.gaikan.concurrent.ThreadPools;
import io.gaikan.console.ProgressBar;
import io.gaikan.data.Batch;
import io.gaikan.data.BatchLoader;
import io.gaikan.data.ImageCache;
import io.gaikan.data.Sample;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;

/**
 * Images in evaluation form ({@link Pipelines#eval}: resized and normalised, not augmented), decoded on loader
 * threads and handed to a frozen backbone a batch at a time, with a progress bar: what every feature-based method
 * (anomaly detectors, few-shot heads) reads its images through.
 */
public final class ImageBatches {

    private final int inputSize;
    private final int batchSize;

    public ImageBatches(int inputSize, int batchSize) {
        this.inputSize = inputSize;
        this.batchSize = batchSize;
    }

    /**
     * Hands each batch (N, 3, S, S), with the samples' indices into {@code samples}, to {@code sink}; the batch lives
     * on a sub-manager of {@code manager} that is closed when {@code sink} returns.
     */
    public void forEach(List<Sample> samples, NDManager manager, int threads, String label, PrintStream out,
                        boolean quiet, BiConsumer<int[], NDArray> sink) {
        ExecutorService pool = ThreadPools.fixed(threads, "loader");
        try (ProgressBar bar = ProgressBar.start(label, samples.size(), out, quiet)) {
            BatchLoader loader = new BatchLoader(samples, List.of(Sample::label), Pipelines.eval(inputSize)::apply,
                    new ImageCache(0), pool, batchSize, 2 * Math.max(1, threads));
            for (Iterator<Batch> it = loader.epoch(0, 0, false); it.hasNext(); ) {
                Batch batch = it.next();
                try (NDManager step = manager.newSubManager()) {
                    sink.accept(batch.indices(), step.create(batch.pixels(),
                            new Shape(batch.size(), batch.channels(), batch.height(), batch.width())));
                }
                bar.step(batch.size(), Map.of());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
