package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of a typical training pipeline on a 300x300 RGB input; a main, not a test, because timings are no
 * assertion. Run after {@code mvn -o -pl gaikan-core test-compile}:
 * {@code java -cp gaikan-core/target/classes:gaikan-core/target/test-classes io.gaikan.augment.AugmentBenchmark [spec] [threads]}
 */
public final class AugmentBenchmark {

    private AugmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String spec = args.length > 0 ? args[0] : "rrc(224);hflip(0.5);rand-m9-mstd0.5-inc1;normalize(imagenet)";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int images = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Pipeline pipeline = Pipeline.parse(spec);
        FloatImage input = SampleImages.random(3, 300, 300, 1);
        run(pipeline, input, threads, images / 4); // warm-up for the JIT
        long start = System.nanoTime();
        double[] result = run(pipeline, input, threads, images);
        double seconds = (System.nanoTime() - start) / 1e9;
        // CPU time as well as wall time: on a shared machine the wall figure mostly measures the other load
        double cpuSeconds = result[1] / 1e9;
        System.out.printf("%s%n%d images 300x300, %d thread(s): %.1f images/s wall, %.1f images per CPU-second "
                        + "(%.2f ms CPU/image) [checksum %.3f]%n",
                pipeline, images, threads, images / seconds, images / cpuSeconds, cpuSeconds * 1000 / images, result[0]);
    }

    /** Returns {checksum, CPU nanoseconds summed over the worker threads}. */
    private static double[] run(Pipeline pipeline, FloatImage input, int threads, int images) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<double[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    double sum = 0;
                    for (int i = first; i < images; i += threads) {
                        sum += pipeline.apply(input, Pipeline.sampleSeed(1, 0, i)).data()[0];
                    }
                    return new double[]{sum, cpu.getCurrentThreadCpuTime() - cpuStart};
                }));
            }
            double[] total = new double[2];
            for (Future<double[]> part : parts) {
                total[0] += part.get()[0];
                total[1] += part.get()[1];
            }
            return total;
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
