package io.gaikan.baseline;

import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.testing.Shared;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A bigger casting-product run (not a unit test): a seeded sample of the official training split, all official test
 * images (minus the dropped duplicates). Run from gaikan-core after {@code mvn test-compile}:
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.gaikan.baseline.CastingBaselineBenchmark \
 *     [trainPerClass=300] [workingSize=256] [outDir=target/baseline-casting] [threads=all]
 * </pre>
 */
public final class CastingBaselineBenchmark {

    private CastingBaselineBenchmark() {
    }

    public static void main(String[] args) {
        int perClass = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int workingSize = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        Path out = Path.of(args.length > 2 ? args[2] : "target/baseline-casting");
        BaselineOptions options = BaselineOptions.defaults().withWorkingSize(workingSize);
        if (args.length > 3) {
            options = options.withThreads(Integer.parseInt(args[3]));
        }
        Path root = Shared.root().resolve("datasets/casting-product");
        List<LabeledImage> train = CastingProduct.sample(root, "train", perClass, 2024);
        List<LabeledImage> test = CastingProduct.sample(root, "test", Integer.MAX_VALUE, 0);
        BaselineRun run = new BaselineRun(options);
        long t0 = System.nanoTime();
        BaselineParams params = run.fit(train, CastingProduct.CLASSES, Set.of(CastingProduct.NORMAL));
        long t1 = System.nanoTime();
        ClassificationMetrics m = run.evaluate(params, test, CastingProduct.CLASSES, Set.of(CastingProduct.NORMAL), out);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "train %d images (%d per class), test %d images, working size %d, threads %d, grid %d settings%n",
                train.size(), perClass, test.size(), workingSize, options.threads(), options.grid().preprocessings().size());
        System.out.printf(Locale.ROOT, "chosen: %s %s, training accuracy %.4f%n", params.preprocessing(),
                params.rule().thresholds(), params.trainingAccuracy());
        System.out.printf(Locale.ROOT, "test: accuracy %.4f, miss rate %.4f, over-detection rate %.4f, per class %s, confusion %s%n",
                m.accuracy(), m.missRate(), m.overDetectionRate(), m.perClassAccuracy(),
                java.util.Arrays.deepToString(m.confusion()));
        System.out.printf(Locale.ROOT, "wall time: fit %.1f s, evaluate (incl. overlays) %.1f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }
}
