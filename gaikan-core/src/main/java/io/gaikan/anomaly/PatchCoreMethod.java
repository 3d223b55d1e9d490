package io.gaikan.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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
import io.gaikan.train.RunScorer;
import io.gaikan.train.TrainResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --method patchcore}: PatchCore (Roth et al., "Towards Total Recall in Industrial Anomaly Detection", CVPR
 * 2022) fitted on the normal training images only; defect images of the training split are left out, those of the
 * validation split choose the threshold, and the test split is scored as for any run, plus image AUROC and average
 * precision in metrics.json and a contact sheet of anomaly maps.
 */
public final class PatchCoreMethod implements FitMethod {

    public static final String NAME = "patchcore";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TrainResult fit(FitContext c) throws IOException {
        if (c.normalClasses().isEmpty()) {
            throw new IllegalArgumentException("--method patchcore learns from normal images only: name them with --normal-classes");
        }
        if (c.tasks().size() > 1) {
            throw new IllegalArgumentException("--method patchcore tells defective from normal images; it takes no --task");
        }
        Task main = c.tasks().get(0);
        PrintStream out = c.out();
        boolean quiet = c.config().quiet();
        int threads = c.config().threads();
        List<Sample> train = normal(c, c.split().samples(c.data(), c.split().train()), true);
        int leftOut = c.split().train().size() - train.size();
        out.printf("patchcore: memory bank from %d normal training images%s%n", train.size(),
                leftOut == 0 ? "" : " (" + leftOut + " defect training images not used)");
        if (train.isEmpty()) {
            throw new IllegalArgumentException("--method patchcore: no training image of the normal classes " + c.normalClasses());
        }
        NDManager manager = NDManager.newBaseManager();
        PatchCoreScorer scorer = null;
        try {
            ImageClassifier network = c.buildNetwork(manager);
            PatchFeatures features = new PatchFeatures(network,
                    PatchFeatures.stages(c.config().featureStages(), network), c.inputSize());
            NDArray all = collectPatches(features, train, manager, threads, out, quiet);
            long patches = all.getShape().get(0);
            int k = (int) Math.max(1, Math.round(c.config().coresetRatio() * patches));
            long[] chosen = Coreset.select(all, k, c.config().seed(), out, quiet);
            NDArray bank = all.get(new NDIndex("{}", manager.create(chosen)));
            all.close();
            ModelState.saveModel(network, c.runDir().resolve(PatchCoreFiles.MODEL));
            ModelState.saveTensors(Map.of(PatchCoreFiles.BANK_TENSOR, bank), c.runDir().resolve(PatchCoreFiles.BANK));
            PatchCore detector = new PatchCore(features, new MemoryBank(bank));

            List<Sample> val = c.split().samples(c.data(), c.split().val());
            AnomalyScores valScores = detector.score(val, manager, threads, out, quiet);
            AnomalyThreshold threshold = AnomalyThreshold.choose(scoresOf(c, val, valScores, false),
                    scoresOf(c, val, valScores, true));
            out.printf("patchcore: %d of %d patches in the bank; threshold %.4f (%s)%n", k, patches,
                    threshold.threshold(), threshold.rule());
            new PatchCoreFiles(features.stages(), threshold, train.size(), patches, k).write(c.runDir());
            scorer = new PatchCoreScorer(manager, detector, threshold, main.classes(), c.normalClasses());

            Map<String, ClassificationMetrics> metrics = Map.of();
            List<Sample> test = c.split().samples(c.data(), c.split().test());
            if (!test.isEmpty()) {
                AnomalyScores scores = scorer.scores(test, threads, out, quiet);
                Predictions predictions = scorer.predictions(scores.image(), test, c.tasks());
                metrics = predictions.metrics(List.of(main.classes()), c.normalClasses());
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
                if (c.config().masks() != null) {
                    Localisation where = Localisation.measure(test, scores, Path.of(c.config().masks()), c.data());
                    figures.put("pixel_auroc", where.pixelAuroc());
                    figures.put("peak_in_mask", where.peakInMask());
                    figures.put("peak_near_mask", where.peakNearMask());
                    out.printf("patchcore: pixel AUROC %.4f; map maximum on the defect in %.1f %% of %d defect images "
                                    + "(within one feature cell: %.1f %%)%n", where.pixelAuroc(), 100 * where.peakInMask(),
                            where.defectImages(), 100 * where.peakNearMask());
                }
                MetricsJson.addFigures(c.runDir().resolve("metrics.json"), figures);
                out.printf("patchcore: image AUROC %.4f, average precision %.4f on %d test images%n",
                        ranking.auroc(), ranking.averagePrecision(), test.size());
                AnomalySheets.write(c.runDir(), test, scores, defect, threshold, c.inputSize());
            }
            return new TrainResult(c.runDir(), List.of(), metrics);
        } finally {
            if (scorer != null) {
                scorer.close();
            } else {
                manager.close();
            }
        }
    }

    private static NDArray collectPatches(PatchFeatures features, List<Sample> images, NDManager manager, int threads,
                                          PrintStream out, boolean quiet) {
        NDList parts = new NDList();
        features.forEachBatch(images, manager, threads, "features", out, quiet, (indices, patches) -> {
            NDArray flat = patches.reshape(-1, patches.getShape().get(3));
            flat.attach(manager);
            parts.add(flat);
        });
        NDArray all = parts.size() == 1 ? parts.get(0) : ai.djl.ndarray.NDArrays.concat(parts);
        if (parts.size() > 1) {
            parts.close();
        }
        return all;
    }

    private static boolean isNormal(FitContext c, Sample s) {
        return c.normalClasses().contains(c.data().classes().get(s.label()));
    }

    private static List<Sample> normal(FitContext c, List<Sample> samples, boolean wanted) {
        return samples.stream().filter(s -> isNormal(c, s) == wanted).toList();
    }

    private static double[] scoresOf(FitContext c, List<Sample> samples, AnomalyScores scores, boolean defect) {
        return java.util.stream.IntStream.range(0, samples.size()).filter(i -> isNormal(c, samples.get(i)) != defect)
                .mapToDouble(i -> scores.image()[i]).toArray();
    }

    @Override
    public RunScorer load(RunInfo info, Path runDir, ModelRegistry registry) throws IOException {
        PatchCoreFiles files = PatchCoreFiles.read(runDir);
        NDManager manager = NDManager.newBaseManager();
        try {
            ImageClassifier network = NetworkScorer.rebuild(info, runDir.resolve(PatchCoreFiles.MODEL), registry, manager);
            NDArray bank = ModelState.readTensors(runDir.resolve(PatchCoreFiles.BANK), manager).get(PatchCoreFiles.BANK_TENSOR);
            return PatchCoreScorer.create(manager, network, files, bank, info.inputSize(), info.classes(),
                    Set.copyOf(info.normalClasses()));
        } catch (RuntimeException | IOException e) {
            manager.close();
            throw e;
        }
    }
}
