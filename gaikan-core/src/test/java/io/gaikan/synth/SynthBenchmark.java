package io.gaikan.synth;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendering speed per scene family, in memory (no PNG encoding or disk: what CG pretraining needs); a main, not a
 * test, because timings are no assertion. After {@code mvn -o -pl gaikan-core test-compile}:
 * {@code java -cp gaikan-core/target/classes:gaikan-core/target/test-classes io.gaikan.synth.SynthBenchmark
 * [size=224] [threads=2] [images=2000] [scenes=grinding-scratch,cast,strip,tile,families:all]}.
 * Prints wall images/s: on a shared machine it also measures the others' load (note the load average with it).
 */
public final class SynthBenchmark {

    private SynthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 224;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int images = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        List<String> scenes = List.of((args.length > 3 ? args[3]
                : "grinding-scratch;cast;strip;tile;families:all").split(";"));
        for (String scene : scenes) {
            Synthesizer synth = new Synthesizer(SynthConfig.of(size, 1).withScene(scene));
            AtomicLong checksum = new AtomicLong();
            Synthesizer.SampleSink sink = s -> checksum.addAndGet(s.pixels()[s.pixels().length / 2]);
            synth.forEach(0, images / 4, threads, sink); // warm-up for the JIT
            long start = System.nanoTime();
            synth.forEach(images, 2 * images, threads, sink);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-18s %d images %d px, %d thread(s): %7.0f images/s wall [checksum %d]%n", scene,
                    images, size, threads, images / seconds, checksum.get());
        }
    }
}
