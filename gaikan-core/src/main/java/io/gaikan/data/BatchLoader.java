package io.gaikan.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

/**
 * Decodes and transforms batches ahead of the trainer on a thread pool. The order of samples (shuffled per epoch)
 * and every augmentation seed derive from (seed, epoch, sample), so an epoch is the same whatever the thread count
 * and a resumed run sees exactly the batches an uninterrupted one would.
 */
public final class BatchLoader {

    private final List<Sample> samples;
    private final List<ToIntFunction<Sample>> labelers;
    private final SampleTransform transform;
    private final ImageCache cache;
    private final ExecutorService pool;
    private final int batchSize;
    private final int prefetch;

    /**
     * @param labelers one per task: the sample's label index for that task, or -1 when it has none
     * @param pool     shared worker threads; the caller owns and shuts it down
     */
    public BatchLoader(List<Sample> samples, List<ToIntFunction<Sample>> labelers, SampleTransform transform,
                       ImageCache cache, ExecutorService pool, int batchSize, int prefetch) {
        if (samples.isEmpty()) {
            throw new DataException("no images to load (an empty train/val/test subset?)");
        }
        this.samples = List.copyOf(samples);
        this.labelers = List.copyOf(labelers);
        this.transform = transform;
        this.cache = cache;
        this.pool = pool;
        this.batchSize = batchSize;
        this.prefetch = Math.max(1, prefetch);
    }

    public int size() {
        return samples.size();
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Number of batches {@link #epoch} yields. */
    public int batches(boolean shuffle) {
        int full = samples.size() / batchSize;
        boolean partial = samples.size() % batchSize != 0;
        return shuffle ? Math.max(1, full) : full + (partial ? 1 : 0);
    }

    /**
     * Batches of one epoch. Shuffled (training) epochs drop the last partial batch, unless there would be none,
     * so BatchNorm never sees a batch of one image.
     */
    public Iterator<Batch> epoch(long seed, int epoch, boolean shuffle) {
        long epochSeed = seed * 0x9E3779B97F4A7C15L + epoch * 0xC2B2AE3D27D4EB4FL;
        return new Prefetcher(batchOrder(seed, epoch, shuffle), epochSeed);
    }

    /**
     * The sample indices of each batch of {@link #epoch}, in order: what a consumer that does not need the images
     * (a feature cache) uses to form exactly the batches an image epoch would.
     */
    public List<int[]> batchOrder(long seed, int epoch, boolean shuffle) {
        List<Integer> order = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            order.add(i);
        }
        if (shuffle) {
            Collections.shuffle(order, new Random(seed * 31L + epoch));
        }
        List<int[]> chunks = new ArrayList<>();
        for (int b = 0; b < batches(shuffle); b++) {
            int end = Math.min(order.size(), (b + 1) * batchSize);
            chunks.add(order.subList(b * batchSize, end).stream().mapToInt(Integer::intValue).toArray());
        }
        return chunks;
    }

    private Batch build(int[] indices, long epochSeed) {
        int n = indices.length;
        int[][] labels = new int[labelers.size()][n];
        float[] pixels = null;
        int c = 0, h = 0, w = 0;
        for (int b = 0; b < n; b++) {
            Sample s = samples.get(indices[b]);
            FloatImage img = transform.apply(cache.get(s.path()), epochSeed + 0x632BE59BD9B4E019L * indices[b]);
            if (pixels == null) {
                c = img.channels();
                h = img.height();
                w = img.width();
                pixels = new float[n * c * h * w];
            } else if (img.channels() != c || img.height() != h || img.width() != w) {
                throw new DataException("transform gave " + img.height() + "x" + img.width() + " for " + s.path()
                        + " but " + h + "x" + w + " before: the pipeline must end in a fixed size");
            }
            System.arraycopy(img.data(), 0, pixels, b * c * h * w, c * h * w);
            for (int t = 0; t < labelers.size(); t++) {
                labels[t][b] = labelers.get(t).applyAsInt(s);
            }
        }
        return new Batch(pixels, n, c, h, w, labels, indices);
    }

    private final class Prefetcher implements Iterator<Batch> {
        private final List<int[]> chunks;
        private final long epochSeed;
        private final ArrayDeque<Future<Batch>> queue = new ArrayDeque<>();
        private int submitted;

        Prefetcher(List<int[]> chunks, long epochSeed) {
            this.chunks = chunks;
            this.epochSeed = epochSeed;
            fill();
        }

        private void fill() {
            while (queue.size() < prefetch && submitted < chunks.size()) {
                int[] chunk = chunks.get(submitted++);
                queue.add(pool.submit(() -> build(chunk, epochSeed)));
            }
        }

        @Override
        public boolean hasNext() {
            return !queue.isEmpty();
        }

        @Override
        public Batch next() {
            Future<Batch> head = queue.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            fill();
            try {
                return head.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading a batch", e);
            } catch (ExecutionException e) {
                queue.forEach(f -> f.cancel(true));
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
