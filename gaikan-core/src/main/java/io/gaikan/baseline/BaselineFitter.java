package io.gaikan.baseline;

import boofcv.struct.image.GrayF32;
import io.gaikan.concurrent.ThreadPools;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Fits the baseline on training images only. Every training image is read and processed once under every
 * preprocessing of the grid (DoG shared per sigma pair); what the search needs of it (undominated regions and region
 * statistics) is kept, so the threshold and centroid searches never touch pixels again.
 */
final class BaselineFitter {

    private final BaselineOptions options;

    BaselineFitter(BaselineOptions options) {
        this.options = options;
    }

    /** What one training image contributes under one preprocessing. */
    private record ImageFeatures(List<Region> candidates, double[] summary) {
    }

    private record Candidate(BaselineParams params, FitObjective.Score score) {
    }

    BaselineParams fit(List<LabeledImage> train, List<String> classes, Set<String> normalClasses) {
        BaselineRun.checkData(train, "training", classes, normalClasses);
        List<Preprocessing> grid = options.grid().preprocessings();
        List<ImageFeatures[]> perImage = ThreadPools.map(train, options.threads(), "baseline", image -> process(image, grid));
        int[] labels = train.stream().mapToInt(LabeledImage::label).toArray();
        boolean rule = classes.size() == 2 && normalClasses.size() == 1;
        List<Candidate> candidates = ThreadPools.map(IntStream.range(0, grid.size()).boxed().toList(), options.threads(), "baseline",
                p -> {
                    List<ImageFeatures> features = perImage.stream().map(a -> a[p]).toList();
                    return rule ? fitRule(grid.get(p), features, labels, classes, normalClasses)
                            : fitClassifier(grid.get(p), features, labels, classes, normalClasses);
                });
        Candidate best = candidates.get(0);
        for (Candidate c : candidates) {
            if (c.score().beats(best.score())) {
                best = c;
            }
        }
        return best.params();
    }

    private ImageFeatures[] process(LabeledImage image, List<Preprocessing> grid) {
        GrayF32 grey = GreyImages.read(image.path(), options.workingSize());
        ImageFeatures[] out = new ImageFeatures[grid.size()];
        GrayF32 response = null;
        DogSigmas current = null;
        for (int p = 0; p < grid.size(); p++) {
            Preprocessing pre = grid.get(p);
            if (!pre.dog().equals(current)) {
                current = pre.dog();
                response = RegionExtractor.dogResponse(grey, current);
            }
            RegionExtractor.Extraction e = RegionExtractor.fromResponse(response, pre);
            out[p] = new ImageFeatures(RegionRuleFitter.undominated(e.regions()), RegionStatistics.summarise(e));
        }
        return out;
    }

    private Candidate fitRule(Preprocessing pre, List<ImageFeatures> features, int[] labels, List<String> classes,
                              Set<String> normalClasses) {
        int normal = normalClasses.contains(classes.get(0)) ? 0 : 1;
        int defect = 1 - normal;
        boolean[] isDefect = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            isDefect[i] = labels[i] == defect;
        }
        List<List<Region>> regions = features.stream().map(ImageFeatures::candidates).toList();
        RegionRuleFitter.Result fitted = new RegionRuleFitter(regions, isDefect, options.objective()).fit();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += fitted.thresholds().anyPasses(regions.get(i)) == isDefect[i] ? 1 : 0;
        }
        BaselineParams params = new BaselineParams(BaselineParams.Mode.REGION_RULE, BaselineParams.RULE_METHOD,
                options.workingSize(), classes, orderedNormal(classes, normalClasses), pre,
                new BaselineParams.Rule(fitted.thresholds(), normal, defect), null, (double) correct / labels.length);
        return new Candidate(params, fitted.score());
    }

    private Candidate fitClassifier(Preprocessing pre, List<ImageFeatures> features, int[] labels, List<String> classes,
                                    Set<String> normalClasses) {
        double[][] x = features.stream().map(ImageFeatures::summary).toArray(double[][]::new);
        NearestCentroid classifier = NearestCentroid.fit(RegionStatistics.FEATURES, x, labels, classes.size());
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += classifier.predict(x[i]) == labels[i] ? 1 : 0;
        }
        double accuracy = (double) correct / labels.length;
        BaselineParams params = new BaselineParams(BaselineParams.Mode.REGION_FEATURE_CLASSIFIER,
                BaselineParams.CLASSIFIER_METHOD, options.workingSize(), classes, orderedNormal(classes, normalClasses),
                pre, null, classifier, accuracy);
        return new Candidate(params, new FitObjective.Score(accuracy, 0));
    }

    private static List<String> orderedNormal(List<String> classes, Set<String> normalClasses) {
        List<String> out = new ArrayList<>();
        for (String c : classes) {
            if (normalClasses.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
