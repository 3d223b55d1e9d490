package io.gaikan.serve;

import io.gaikan.eval.Classification;
import io.gaikan.train.RunScorer;
import io.gaikan.train.TrainedModel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Micro-batching: one worker thread owns the model and serves queued requests together, up to {@code batchSize}
 * images, waiting at most {@code maxWaitMillis} after the first for more to arrive. One model call for many small
 * requests uses the cores better than many calls, and the model (and DJL's single gradient recorder for Grad-CAM) is
 * only ever used by this thread. A failing batch is retried request by request, so one bad request fails alone.
 */
final class Batcher implements AutoCloseable {

    /** One image's answer; {@code heatMap} is null unless asked for. */
    record Answer(Classification classification, RunScorer.HeatMap heatMap) {
    }

    private record Job(List<Path> images, boolean heatMaps, CompletableFuture<List<Answer>> done) {
    }

    /** The queue is full: the server is overloaded, the client should retry later. */
    static final class BusyException extends RuntimeException {
        BusyException(int queued) {
            super("server busy: " + queued + " requests queued, retry later");
        }
    }

    /** A progress line per batch would flood a server's log. */
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());
    private static final Job STOP = new Job(List.of(), false, null);

    private final TrainedModel model;
    private final int batchSize;
    private final long maxWaitNanos;
    private final int threads;
    private final BlockingQueue<Job> queue;
    private final Thread worker;

    Batcher(TrainedModel model, int batchSize, int maxWaitMillis, int threads, int maxQueued) {
        if (batchSize < 1 || maxWaitMillis < 0 || threads < 1 || maxQueued < 1) {
            throw new IllegalArgumentException("batching needs --batch-size >= 1, --batch-wait-ms >= 0 and --threads >= 1");
        }
        this.model = model;
        this.batchSize = batchSize;
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        this.threads = threads;
        this.queue = new ArrayBlockingQueue<>(maxQueued);
        this.worker = new Thread(this::run, "gaikan-batcher");
        worker.start();
    }

    /** Queues images (readable ones: the caller checked them) and returns their answers when their batch is done. */
    CompletableFuture<List<Answer>> submit(List<Path> images, boolean heatMaps) {
        Job job = new Job(List.copyOf(images), heatMaps, new CompletableFuture<>());
        if (!queue.offer(job)) {
            job.done().completeExceptionally(new BusyException(queue.size()));
        }
        return job.done();
    }

    private void run() {
        while (true) {
            List<Job> jobs = new ArrayList<>();
            try {
                Job first = queue.take();
                if (first == STOP) {
                    return;
                }
                jobs.add(first);
                int images = first.images().size();
                long deadline = System.nanoTime() + maxWaitNanos;
                while (images < batchSize) {
                    Job next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    if (next == STOP) {
                        serve(jobs);
                        return;
                    }
                    jobs.add(next);
                    images += next.images().size();
                }
            } catch (InterruptedException e) {
                jobs.forEach(j -> j.done().completeExceptionally(e));
                return;
            }
            serve(jobs);
        }
    }

    private void serve(List<Job> jobs) {
        try {
            answer(jobs);
        } catch (RuntimeException | OutOfMemoryError e) {
            if (jobs.size() == 1) {
                jobs.get(0).done().completeExceptionally(e);
                return;
            }
            for (Job job : jobs) {
                try {
                    answer(List.of(job));
                } catch (RuntimeException | OutOfMemoryError alone) {
                    job.done().completeExceptionally(alone);
                }
            }
        }
    }

    private void answer(List<Job> jobs) {
        List<Path> all = new ArrayList<>();
        List<Path> mapped = new ArrayList<>();
        for (Job job : jobs) {
            all.addAll(job.images());
            if (job.heatMaps()) {
                mapped.addAll(job.images());
            }
        }
        List<Classification> classes = model.classify(all, threads, null, SILENT);
        List<RunScorer.HeatMap> maps = mapped.isEmpty() ? List.of() : model.heatMaps(mapped, threads, SILENT);
        int at = 0;
        int mapAt = 0;
        for (Job job : jobs) {
            List<Answer> answers = new ArrayList<>();
            for (int i = 0; i < job.images().size(); i++) {
                answers.add(new Answer(classes.get(at++), job.heatMaps() ? maps.get(mapAt++) : null));
            }
            job.done().complete(answers);
        }
    }

    /** Finishes the queued requests, then stops the worker. */
    @Override
    public void close() {
        try {
            queue.put(STOP);
            worker.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
