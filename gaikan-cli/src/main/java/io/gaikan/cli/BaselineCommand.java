package io.gaikan.cli;

import io.gaikan.baseline.BaselineOptions;
import io.gaikan.baseline.BaselineParams;
import io.gaikan.baseline.BaselineRun;
import io.gaikan.baseline.FitObjective;
import io.gaikan.baseline.LabeledImage;
import io.gaikan.eval.ClassificationMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code gaikan baseline}: the classical DoG / binarisation / labelling baseline. Interim form over two ImageFolder
 * trees ({@code <dir>/<class>/<image>}) until the data package's {@code --data/--split} lands.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Classical baseline: DoG, binarisation, morphology, labelling, NG if any region passes the thresholds "
                + "(fitted on the training images only); multi-class data gets a region-feature nearest-centroid classifier.",
                "Writes OUT/params.json, OUT/metrics.json and OUT/overlays/*.png."})
public final class BaselineCommand implements Callable<Integer> {

    private static final Set<String> IMAGE_SUFFIXES = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff");

    @Option(names = "--train-dir", description = "ImageFolder of training images (needed unless --params is given)")
    Path trainDir;

    @Option(names = "--test-dir", required = true, description = "ImageFolder of test images")
    Path testDir;

    @Option(names = "--out", required = true, description = "run directory to write")
    Path out;

    @Option(names = "--params", description = "params.json of an earlier run: judge the test images with it, no fitting")
    Path params;

    @Option(names = "--normal", description = "a normal (OK) class name; repeat for several (default with --params: the file's)")
    List<String> normal = new ArrayList<>();

    @Option(names = "--working-size", defaultValue = "256", description = "longest image side for processing (default ${DEFAULT-VALUE})")
    int workingSize;

    @Option(names = "--threads", description = "image-processing threads (default: all cores)")
    Integer threads;

    @Option(names = "--max-miss-rate", description = "fit for the fewest false alarms with at most this training miss rate, instead of accuracy")
    Double maxMissRate;

    @Override
    public Integer call() {
        BaselineOptions options = BaselineOptions.defaults().withWorkingSize(workingSize);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        if (maxMissRate != null) {
            options = options.withObjective(FitObjective.missRateAtMost(maxMissRate));
        }
        BaselineRun run = new BaselineRun(options);
        ClassificationMetrics m;
        if (params != null) {
            BaselineParams frozen = BaselineParams.load(params);
            Set<String> normalClasses = normal.isEmpty() ? new HashSet<>(frozen.normalClasses()) : Set.copyOf(normal);
            m = run.evaluate(frozen, images(testDir, "--test-dir", frozen.classes()), frozen.classes(), normalClasses, out);
        } else {
            if (trainDir == null) {
                throw new IllegalArgumentException("--train-dir is required unless --params is given");
            }
            List<String> classes = classFolders(trainDir, "--train-dir");
            m = run.fitAndEvaluate(images(trainDir, "--train-dir", classes), images(testDir, "--test-dir", classes),
                    classes, Set.copyOf(normal), out);
        }
        System.out.printf(Locale.ROOT, "baseline: %d test images, accuracy %.4f, miss rate %s, over-detection rate %s -> %s%n",
                m.count(), m.accuracy(), rate(m.missRate()), rate(m.overDetectionRate()), out);
        return 0;
    }

    private static String rate(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.4f", r);
    }

    private static List<String> classFolders(Path root, String flag) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(flag + " " + root + " is not a directory");
        }
        try (Stream<Path> dirs = Files.list(root)) {
            List<String> classes = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            if (classes.size() < 2) {
                throw new IllegalArgumentException(flag + " " + root + " needs at least two class folders, found " + classes);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** Images of {@code root/<class>/}, labelled by the class's index in {@code classes}. */
    private static List<LabeledImage> images(Path root, String flag, List<String> classes) {
        List<LabeledImage> out = new ArrayList<>();
        for (String folder : classFolders(root, flag)) {
            int label = classes.indexOf(folder);
            if (label < 0) {
                throw new IllegalArgumentException(flag + " class folder '" + folder + "' is not one of " + classes);
            }
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                files.filter(BaselineCommand::isImage).sorted().forEach(p -> out.add(new LabeledImage(p, label)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root.resolve(folder), e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(flag + " " + root + " holds no images");
        }
        return out;
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return Files.isRegularFile(p) && dot > 0 && IMAGE_SUFFIXES.contains(name.substring(dot + 1));
    }
}
