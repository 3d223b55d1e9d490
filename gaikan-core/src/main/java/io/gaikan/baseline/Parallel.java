package io.gaikan.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Maps a function over items on a short-lived fixed thread pool, keeping order and rethrowing the first failure. */
final class Parallel {

    private Parallel() {
    }

    static <T, R> List<R> map(List<T> items, int threads, Function<T, R> f) {
        if (threads <= 1 || items.size() <= 1) {
            return items.stream().map(f).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
            Thread t = new Thread(r, "gaikan-baseline");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Callable<R>> tasks = new ArrayList<>(items.size());
            for (T item : items) {
                tasks.add(() -> f.apply(item));
            }
            List<R> out = new ArrayList<>(items.size());
            for (Future<R> future : pool.invokeAll(tasks)) {
                out.add(future.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("baseline interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
