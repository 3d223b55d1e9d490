package io.gaikan.baseline;

import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.testing.Shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Bigger baseline runs on ../shared datasets (not a unit test). casting-product uses its official split (a seeded
 * sample of the training side, every non-dropped test image); any other ImageFolder dataset is split per class,
 * seeded, half for training and half for testing. Run from gaikan-core after {@code mvn test-compile}:
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.gaikan.baseline.BaselineBenchmark \
 *     DATASET NORMAL_CLASS_OR_- [trainPerClass=300] [workingSize=256] [outDir=target/baseline-DATASET] [maxMissRate]
 * </pre>
 */
public final class BaselineBenchmark {

    private BaselineBenchmark() {
    }

    public static void main(String[] args) {
        String dataset = args[0];
        Set<String> normal = args[1].equals("-") ? Set.of() : Set.of(args[1]);
        int perClass = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int workingSize = args.length > 3 ? Integer.parseInt(args[3]) : 256;
        Path out = Path.of(args.length > 4 ? args[4] : "target/baseline-" + dataset);
        BaselineOptions options = BaselineOptions.defaults().withWorkingSize(workingSize);
        if (args.length > 5) {
            options = options.withObjective(FitObjective.missRateAtMost(Double.parseDouble(args[5])));
        }
        Path root = Shared.root().resolve("datasets").resolve(dataset);
        List<String> classes;
        List<LabeledImage> train, test;
        if (dataset.equals("casting-product")) {
            classes = CastingProduct.CLASSES;
            train = CastingProduct.sample(root, "train", perClass, 2024);
            test = CastingProduct.sample(root, "test", Integer.MAX_VALUE, 0);
        } else {
            classes = classFolders(root);
            train = new ArrayList<>();
            test = new ArrayList<>();
            halfSplit(root, classes, perClass, train, test);
        }
        BaselineRun run = new BaselineRun(options);
        long t0 = System.nanoTime();
        BaselineParams params = run.fit(train, classes, normal);
        long t1 = System.nanoTime();
        ClassificationMetrics m = run.evaluate(params, test, classes, normal, out);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s: train %d images (at most %d per class), test %d images, working size %d, threads %d, grid %d settings, objective %s%n",
                dataset, train.size(), perClass, test.size(), workingSize, options.threads(), options.grid().preprocessings().size(), options.objective());
        System.out.printf(Locale.ROOT, "chosen (%s): %s %s, training accuracy %.4f%n", params.mode(), params.preprocessing(),
                params.rule() != null ? params.rule().thresholds() : "", params.trainingAccuracy());
        System.out.printf(Locale.ROOT, "test: accuracy %.4f, defect acc %.4f, normal acc %.4f, miss rate %.4f, over-detection rate %.4f%n"
                        + "per class %s%nconfusion %s%n", m.accuracy(), m.defectAccuracy(), m.normalAccuracy(), m.missRate(),
                m.overDetectionRate(), m.perClassAccuracy(), Arrays.deepToString(m.confusion()));
        System.out.printf(Locale.ROOT, "wall time: fit %.1f s, evaluate (incl. overlays) %.1f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    private static List<String> classFolders(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per class, seeded shuffle; first half (at most {@code cap}) trains, second half (at most {@code cap}) tests. */
    private static void halfSplit(Path root, List<String> classes, int cap, List<LabeledImage> train, List<LabeledImage> test) {
        Random rnd = new Random(2024);
        for (int c = 0; c < classes.size(); c++) {
            List<Path> files;
            try (Stream<Path> s = Files.list(root.resolve(classes.get(c)))) {
                files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Collections.shuffle(files, rnd);
            int half = files.size() / 2;
            for (int i = 0; i < files.size(); i++) {
                if (i < half ? i < cap : i - half < cap) {
                    (i < half ? train : test).add(new LabeledImage(files.get(i), c));
                }
            }
        }
    }
}
