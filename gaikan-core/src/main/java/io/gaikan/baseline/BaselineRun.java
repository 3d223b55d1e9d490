package io.gaikan.baseline;

import io.gaikan.concurrent.ThreadPools;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.train.RunLayout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The classical baseline as a run: fit on the training images, freeze, judge the test images, and write the run
 * directory: {@code params.json} (the frozen parameters, reusable with {@link #evaluate}), {@code metrics.json}
 * (the same {@link ClassificationMetrics} a network run writes) and {@code overlays/*.png} (a few test images with
 * their regions and verdict).
 *
 * <pre>{@code
 * ClassificationMetrics m = BaselineRun.withDefaults()
 *         .fitAndEvaluate(train, test, List.of("def_front", "ok_front"), Set.of("ok_front"), runDir);
 * }</pre>
 */
public final class BaselineRun {

    public static final String PARAMS_FILE = "params.json";
    public static final String OVERLAY_DIR = "overlays";

    private final BaselineOptions options;

    public BaselineRun(BaselineOptions options) {
        this.options = options;
    }

    public static BaselineRun withDefaults() {
        return new BaselineRun(BaselineOptions.defaults());
    }

    /** Fits on {@code train} only: the OK/NG region rule for two classes with one normal class, else the classifier. */
    public BaselineParams fit(List<LabeledImage> train, List<String> classes, Set<String> normalClasses) {
        return new BaselineFitter(options).fit(train, classes, normalClasses);
    }

    public ClassificationMetrics fitAndEvaluate(List<LabeledImage> train, List<LabeledImage> test, List<String> classes,
                                                Set<String> normalClasses, Path outDir) {
        checkData(test, "test", classes, normalClasses);
        return evaluate(fit(train, classes, normalClasses), test, classes, normalClasses, outDir);
    }

    /** Judges {@code test} with frozen parameters (e.g. {@link BaselineParams#load} of an earlier run). */
    public ClassificationMetrics evaluate(BaselineParams params, List<LabeledImage> test, List<String> classes,
                                          Set<String> normalClasses, Path outDir) {
        checkData(test, "test", classes, normalClasses);
        if (!params.classes().equals(classes) || !new HashSet<>(params.normalClasses()).equals(normalClasses)) {
            throw new IllegalArgumentException("baseline parameters were fitted for classes " + params.classes()
                    + " (normal " + params.normalClasses() + ") but the test data has " + classes + " (normal "
                    + normalClasses + ")");
        }
        BaselineModel model = new BaselineModel(params);
        List<Integer> predicted = ThreadPools.map(test, options.threads(), "baseline", image -> model.judge(image.path()).predicted());
        int[] truth = test.stream().mapToInt(LabeledImage::label).toArray();
        int[] pred = predicted.stream().mapToInt(Integer::intValue).toArray();
        ClassificationMetrics metrics = ClassificationMetrics.compute(classes, normalClasses, truth, pred);
        params.save(outDir.resolve(PARAMS_FILE));
        Json.write(new RunLayout(outDir).metrics(), metrics);
        writeOverlays(model, test, pred, outDir.resolve(OVERLAY_DIR));
        return metrics;
    }

    private void writeOverlays(BaselineModel model, List<LabeledImage> test, int[] predicted, Path dir) {
        List<String> classes = model.params().classes();
        List<Integer> chosen = overlayChoice(test, predicted, classes.size(), options.overlays());
        ThreadPools.map(chosen, options.threads(), "baseline", i -> {
            LabeledImage image = test.get(i);
            BaselineModel.Judgement j = model.judge(image.path());
            String file = image.path().getFileName().toString().replaceFirst("\\.[^.]*$", "");
            String name = String.format(Locale.ROOT, "%02d_%s_as_%s_%s.png", chosen.indexOf(i),
                    classes.get(image.label()), classes.get(j.predicted()), file);
            String caption = String.format(Locale.ROOT, "%s: %s (true %s), %d of %d regions pass",
                    verdictWord(model.params(), j.predicted()), classes.get(j.predicted()), classes.get(image.label()),
                    j.passing().size(), j.extraction().regions().size());
            OverlayWriter.write(dir.resolve(name), GreyImages.read(image.path(), model.params().workingSize()),
                    j.extraction().regions(), j.passing(), caption);
            return name;
        });
    }

    private static String verdictWord(BaselineParams params, int predicted) {
        if (params.mode() == BaselineParams.Mode.REGION_FEATURE_CLASSIFIER) {
            return "region-feature classifier";
        }
        return predicted == params.rule().defectClass() ? "NG" : "OK";
    }

    /** Per class, one misjudged and one correctly judged test image per round, until {@code limit}. */
    static List<Integer> overlayChoice(List<LabeledImage> test, int[] predicted, int classes, int limit) {
        List<List<Integer>> wrong = new ArrayList<>(), right = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            wrong.add(new ArrayList<>());
            right.add(new ArrayList<>());
        }
        for (int i = 0; i < test.size(); i++) {
            int truth = test.get(i).label();
            (predicted[i] == truth ? right : wrong).get(truth).add(i);
        }
        List<Integer> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < Math.min(limit, test.size()); round++) {
            for (int c = 0; c < classes; c++) {
                for (List<List<Integer>> pool : List.of(wrong, right)) {
                    if (round < pool.get(c).size() && chosen.size() < limit) {
                        chosen.add(pool.get(c).get(round));
                    }
                }
            }
        }
        return chosen;
    }

    static void checkData(List<LabeledImage> images, String role, List<String> classes, Set<String> normalClasses) {
        if (classes.size() < 2) {
            throw new IllegalArgumentException("the baseline needs at least two classes, got " + classes);
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no " + role + " images");
        }
        for (String n : normalClasses) {
            if (!classes.contains(n)) {
                throw new IllegalArgumentException("normal class '" + n + "' is not one of the classes " + classes);
            }
        }
        for (LabeledImage image : images) {
            if (image.label() >= classes.size()) {
                throw new IllegalArgumentException(role + " image " + image.path() + " has class index "
                        + image.label() + " but there are only " + classes.size() + " classes");
            }
        }
    }
}
