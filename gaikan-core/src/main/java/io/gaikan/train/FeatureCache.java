package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.gaikan.console.ProgressBar;
import io.gaikan.data.Batch;
import io.gaikan.model.ImageClassifier;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * The pooled features of a frozen backbone ({@link ImageClassifier#forwardFeatures} in inference mode), computed once
 * per (image, view) so that transfer learning trains the heads on them ({@link ImageClassifier#forwardHeads}) without
 * running the backbone again every epoch. Views are what the caller makes them: the un-augmented evaluation view, or
 * K augmented views of which epoch e uses view e mod K.
 *
 * <p>Rows live in memory while they fit the byte budget given to {@link #build}, else in a spill file that
 * {@link #close} deletes. Batches come back in the NCHW form of an image batch, shape (n, featureDim, 1, 1): the
 * 1x1 pooled feature map, so the trainer's batch plumbing serves both.
 */
public final class FeatureCache implements AutoCloseable {

    private final Store store;
    private final int samples;
    private final int dim;
    private final int views;
    private final int[][] labels;

    private FeatureCache(Store store, int samples, int dim, int views, int[][] labels) {
        this.store = store;
        this.samples = samples;
        this.dim = dim;
        this.views = views;
        this.labels = labels;
    }

    /**
     * Runs the model's backbone in inference mode over every batch of every view.
     *
     * @param view         view index -> that view's batches; together they must cover samples 0..samples-1
     * @param memoryBudget bytes kept in memory; a larger cache spills to a file in {@code spillDir}
     */
    public static FeatureCache build(ImageClassifier model, int samples, int views, IntFunction<Iterator<Batch>> view,
                                     NDManager manager, long memoryBudget, Path spillDir, PrintStream out, boolean quiet) {
        if (views < 1) {
            throw new IllegalArgumentException("a feature cache needs at least one view, got " + views);
        }
        int dim = model.featureDim();
        long bytes = 4L * dim * samples * views;
        Store store = bytes <= memoryBudget ? new MemoryStore(samples, dim, views) : FileStore.create(spillDir, dim, samples);
        int[][] labels = null;
        boolean[] seen = new boolean[samples];
        ParameterStore ps = new ParameterStore(manager, false);
        try (ProgressBar bar = ProgressBar.start("caching features", (long) samples * views, out, quiet)) {
            for (int v = 0; v < views; v++) {
                Iterator<Batch> batches = view.apply(v);
                while (batches.hasNext()) {
                    Batch batch = batches.next();
                    float[] rows = features(model, ps, batch, manager);
                    if (labels == null) {
                        labels = new int[batch.labels().length][samples];
                    }
                    for (int b = 0; b < batch.size(); b++) {
                        int sample = batch.indices()[b];
                        store.write(v, sample, rows, b * dim);
                        if (v == 0) {
                            seen[sample] = true;
                            for (int t = 0; t < labels.length; t++) {
                                labels[t][sample] = batch.labels()[t][b];
                            }
                        }
                    }
                    bar.step(batch.size());
                }
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        for (int i = 0; i < samples; i++) {
            if (!seen[i]) {
                store.close();
                throw new IllegalArgumentException("feature cache: view 0 gave no batch with sample " + i);
            }
        }
        return new FeatureCache(store, samples, dim, views, labels);
    }

    private static float[] features(ImageClassifier model, ParameterStore ps, Batch batch, NDManager manager) {
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(batch.pixels(),
                    new Shape(batch.size(), batch.channels(), batch.height(), batch.width()));
            return model.forwardFeatures(ps, x, false).toFloatArray();
        }
    }

    public int samples() {
        return samples;
    }

    public int views() {
        return views;
    }

    public int featureDim() {
        return dim;
    }

    /** True when the rows are in a spill file rather than in memory. */
    public boolean onDisk() {
        return store instanceof FileStore;
    }

    /** The features of the given samples in one view, with their labels, shape (n, featureDim, 1, 1). */
    public Batch batch(int[] indices, int view) {
        if (view < 0 || view >= views) {
            throw new IllegalArgumentException("view " + view + " outside 0.." + (views - 1));
        }
        int n = indices.length;
        float[] rows = new float[n * dim];
        int[][] batchLabels = new int[labels.length][n];
        for (int b = 0; b < n; b++) {
            store.read(view, indices[b], rows, b * dim);
            for (int t = 0; t < labels.length; t++) {
                batchLabels[t][b] = labels[t][indices[b]];
            }
        }
        return new Batch(rows, n, dim, 1, 1, batchLabels, indices.clone());
    }

    /** Batches of the given sample indices (e.g. a loader's {@code batchOrder}) in one view. */
    public Iterator<Batch> batches(List<int[]> order, int view) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.size();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch(order.get(next++), view);
            }
        };
    }

    @Override
    public void close() {
        store.close();
    }

    /** Rows of {@code dim} floats addressed by (view, sample). */
    private interface Store extends AutoCloseable {
        void write(int view, int sample, float[] src, int offset);

        void read(int view, int sample, float[] dst, int offset);

        @Override
        void close();
    }

    private static final class MemoryStore implements Store {
        private final float[][] rows;
        private final int dim;

        MemoryStore(int samples, int dim, int views) {
            this.dim = dim;
            this.rows = new float[views][samples * dim];
        }

        @Override
        public void write(int view, int sample, float[] src, int offset) {
            System.arraycopy(src, offset, rows[view], sample * dim, dim);
        }

        @Override
        public void read(int view, int sample, float[] dst, int offset) {
            System.arraycopy(rows[view], sample * dim, dst, offset, dim);
        }

        @Override
        public void close() {
        }
    }

    /** Little-endian float rows in a temporary file, read back one row at a time with positional reads. */
    private static final class FileStore implements Store {
        private final Path file;
        private final FileChannel channel;
        private final int dim;
        private final int samples;
        private final ByteBuffer row;

        private FileStore(Path file, FileChannel channel, int dim, int samples) {
            this.file = file;
            this.channel = channel;
            this.dim = dim;
            this.samples = samples;
            this.row = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
        }

        static FileStore create(Path dir, int dim, int samples) {
            try {
                Files.createDirectories(dir);
                Path file = Files.createTempFile(dir, "feature-cache-", ".bin");
                file.toFile().deleteOnExit();
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                return new FileStore(file, channel, dim, samples);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a feature cache file in " + dir + ": " + e.getMessage(), e);
            }
        }

        private long position(int view, int sample) {
            return ((long) view * samples + sample) * 4L * dim;
        }

        @Override
        public void write(int view, int sample, float[] src, int offset) {
            row.clear();
            row.asFloatBuffer().put(src, offset, dim);
            row.limit(4 * dim);
            try {
                long at = position(view, sample);
                while (row.hasRemaining()) {
                    at += channel.write(row, at);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("writing the feature cache " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void read(int view, int sample, float[] dst, int offset) {
            row.clear();
            try {
                long at = position(view, sample);
                while (row.hasRemaining()) {
                    int n = channel.read(row, at);
                    if (n < 0) {
                        throw new IOException("unexpected end of file");
                    }
                    at += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the feature cache " + file + ": " + e.getMessage(), e);
            }
            row.flip();
            row.asFloatBuffer().get(dst, offset, dim);
        }

        @Override
        public void close() {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("removing the feature cache " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
