package io.gaikan.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The thread pools of Gaikan's parallel work (image loading, checks, rendering, the baseline), made one way: a fixed
 * number of daemon threads named after the work, so a pool an error leaves behind never keeps the JVM alive and a
 * thread dump says whose threads they are. Callers shut a pool down with {@code shutdownNow} in a finally block.
 */
public final class ThreadPools {

    private ThreadPools() {
    }

    /** {@code max(1, threads)} daemon threads named {@code gaikan-NAME-N}. */
    public static ExecutorService fixed(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "gaikan-" + name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code f} over {@code items} on a short-lived pool, in order; the first failure is rethrown. */
    public static <T, R> List<R> map(List<T> items, int threads, String name, Function<T, R> f) {
        if (threads <= 1 || items.size() <= 1) {
            return items.stream().map(f).toList();
        }
        ExecutorService pool = fixed(Math.min(threads, items.size()), name);
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
            throw new IllegalStateException(name + " interrupted", e);
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
