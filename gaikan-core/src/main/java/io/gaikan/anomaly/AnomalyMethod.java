package io.gaikan.anomaly;

import ai.djl.ndarray.NDManager;
import io.gaikan.data.Sample;
import io.gaikan.data.Task;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.Predictions;
import io.gaikan.eval.RankingMetrics;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelRegistry;
import io.gaikan.report.MetricsJson;
import io.gaikan.train.FitContext;
import io.gaikan.train.FitMethod;
import io.gaikan.train.ModelState;
import io.gaikan.train.NetworkScorer;
import io.gaikan.train.RunInfo;
import io.gaikan.train.RunLayout;
import io.gaikan.train.RunScorer;
import io.gaikan.train.TrainResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What every anomaly detector does alike: fitted on the normal training images only (defect images of the training
 * split are left out), the threshold chosen on the validation images ({@link AnomalyThreshold#choose}), the test
 * split scored as for any run plus image AUROC and average precision (and, with {@code --masks}, pixel AUROC and
 * where the maps peak) in metrics.json, and a contact sheet of anomaly maps. Subclasses fit and load the detector.
 */
abstract class AnomalyMethod implements FitMethod {

    /** Fits the detector on patch features of normal images. */
    abstract AnomalyDetector fitDetector(PatchFeatures features, List<Sample> normal, FitContext context,
                                         NDManager manager) throws IOException;

    /** Reads back what {@link AnomalyDetector#save} wrote. */
    abstract AnomalyDetector loadDetector(PatchFeatures features, Path runDir, NDManager manager) throws IOException;

    @Override
    public TrainResult fit(FitContext c) throws IOException {
        if (c.normalClasses().isEmpty()) {
            throw new IllegalArgumentException("--method " + name() + " learns from normal images only: name them with --normal-classes");
        }
        if (c.tasks().size() > 1) {
            throw new IllegalArgumentException("--method " + name() + " tells defective from normal images; it takes no --task");
        }
        Task main = c.tasks().get(0);
        PrintStream out = c.out();
        boolean quiet = c.config().quiet();
        int threads = c.config().threads();
        List<Sample> train = withTruth(c, c.split().samples(c.data(), c.split().train()), false);
        int leftOut = c.split().train().size() - train.size();
        out.printf("%s: fitted on %d normal training images%s%n", name(), train.size(),
                leftOut == 0 ? "" : " (" + leftOut + " defect training images not used)");
        if (train.isEmpty()) {
            throw new IllegalArgumentException("--method " + name() + ": no training image of the normal classes " + c.normalClasses());
        }
        NDManager manager = NDManager.newBaseManager();
        AnomalyDetector detector = null;
        try {
            ImageClassifier network = c.buildNetwork(manager);
            PatchFeatures features = new PatchFeatures(network, PatchFeatures.stages(c.config().featureStages(), network),
                    c.inputSize(), PatchFeatures.Upsampling.BILINEAR);
            detector = fitDetector(features, train, c, manager);
            ModelState.saveModel(network, new RunLayout(c.runDir()).model());
            detector.save(c.runDir());

            List<Sample> val = c.split().samples(c.data(), c.split().val());
            double[] valScores = detector.score(val, manager, threads, out, quiet).image();
            AnomalyThreshold threshold = AnomalyThreshold.choose(select(c, val, valScores, false), select(c, val, valScores, true));
            out.printf("%s: %s; threshold %.4f (%s)%n", name(), detector.sizes(), threshold.threshold(), threshold.rule());
            new AnomalyFiles(name(), features.stages(), features.upsampling(), threshold, train.size(), detector.sizes())
                    .write(c.runDir());
            AnomalyScorer scorer = new AnomalyScorer(manager, detector, threshold, main.classes(), c.normalClasses());

            List<Sample> test = c.split().samples(c.data(), c.split().test());
            Map<String, ClassificationMetrics> metrics = test.isEmpty() ? Map.of() : test(c, scorer, threshold, test);
            return new TrainResult(c.runDir(), List.of(), metrics);
        } finally {
            if (detector != null) {
                detector.close();
            }
            manager.close();
        }
    }

    private Map<String, ClassificationMetrics> test(FitContext c, AnomalyScorer scorer, AnomalyThreshold threshold,
                                                    List<Sample> test) throws IOException {
        Task main = c.tasks().get(0);
        PrintStream out = c.out();
        AnomalyScores scores = scorer.scores(test, c.config().threads(), out, c.config().quiet());
        Predictions predictions = scorer.predictions(scores.image(), test, c.tasks());
        Map<String, ClassificationMetrics> metrics = predictions.metrics(List.of(main.classes()), c.normalClasses());
        c.writeTestOutputs(metrics, predictions, test);
        boolean[] defect = new boolean[test.size()];
        for (int i = 0; i < defect.length; i++) {
            defect[i] = !isNormal(c, test.get(i));
        }
        RankingMetrics ranking = RankingMetrics.of(scores.image(), defect);
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("image_auroc", ranking.auroc());
        figures.put("average_precision", ranking.averagePrecision());
        figures.put("anomaly_threshold", threshold.threshold());
        out.printf("%s: image AUROC %.4f, average precision %.4f on %d test images%n", name(), ranking.auroc(),
                ranking.averagePrecision(), test.size());
        if (c.config().masks() != null) {
            Localisation where = Localisation.measure(test, scores, Path.of(c.config().masks()), c.data());
            figures.put("pixel_auroc", where.pixelAuroc());
            figures.put("pro", where.pro());
            figures.put("peak_in_mask", where.peakInMask());
            figures.put("peak_near_mask", where.peakNearMask());
            out.printf("%s: pixel AUROC %.4f, PRO %.4f; map maximum on the defect in %.1f %% of %d defect images "
                            + "(within one feature cell: %.1f %%)%n", name(), where.pixelAuroc(), where.pro(),
                    100 * where.peakInMask(), where.defectImages(), 100 * where.peakNearMask());
        }
        MetricsJson.addFigures(new RunLayout(c.runDir()).metrics(), figures);
        AnomalySheets.write(c.runDir(), test, scores, defect, threshold, name(), ranking, c.data());
        return metrics;
    }

    private static boolean isNormal(FitContext c, Sample s) {
        return c.normalClasses().contains(c.data().classes().get(s.label()));
    }

    private static List<Sample> withTruth(FitContext c, List<Sample> samples, boolean defect) {
        return samples.stream().filter(s -> isNormal(c, s) != defect).toList();
    }

    private static double[] select(FitContext c, List<Sample> samples, double[] scores, boolean defect) {
        return IntStream.range(0, samples.size()).filter(i -> isNormal(c, samples.get(i)) != defect)
                .mapToDouble(i -> scores[i]).toArray();
    }

    @Override
    public RunScorer load(RunInfo info, Path runDir, ModelRegistry registry) throws IOException {
        AnomalyFiles files = AnomalyFiles.read(runDir);
        return NetworkScorer.withSavedBackbone(info, runDir, registry, (network, manager) -> new AnomalyScorer(manager,
                loadDetector(new PatchFeatures(network, files.stages(), info.inputSize(), files.upsamplingOrOld()), runDir,
                        manager),
                files.threshold(), info.classes(), Set.copyOf(info.normalClasses())));
    }
}
