package io.gaikan.fewshot;

import ai.djl.ndarray.NDManager;
import io.gaikan.data.Sample;
import io.gaikan.data.Task;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.Predictions;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelRegistry;
import io.gaikan.train.FitContext;
import io.gaikan.train.FitMethod;
import io.gaikan.train.Init;
import io.gaikan.train.ModelState;
import io.gaikan.train.NetworkScorer;
import io.gaikan.train.RunInfo;
import io.gaikan.train.RunLayout;
import io.gaikan.train.RunScorer;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainResult;
import io.gaikan.train.TrainSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every few-shot head does alike: features of the training images and their mirror images from the frozen
 * pretrained backbone, a head fitted on them in seconds ({@link #choose} says which), its temperature calibrated on
 * the validation images, and the test split scored as for any run. Subclasses only choose the head.
 */
public abstract class FewShotMethod implements FitMethod {

    /** A head, whether predictions are refined transductively, and the one-line reason for both. */
    record Choice(HeadKind head, boolean transductive, String why) {
    }

    /**
     * The head for a training set whose smallest class has {@code fewest} images, and whether to refine with the
     * images classified when {@code --transductive} asked for it.
     */
    abstract Choice choose(int fewest, boolean transductiveAsked);

    @Override
    public TrainResult fit(FitContext c) throws IOException {
        TrainConfig config = c.config();
        if (c.tasks().size() > 1) {
            throw new IllegalArgumentException("--method " + name() + " fits one classification head; it takes no --task");
        }
        if (config.init() instanceof Init.None) {
            throw new IllegalArgumentException("--method " + name() + " fits a head on pretrained features: add --init "
                    + "imagenet (or a weights file)");
        }
        Task main = c.tasks().get(0);
        PrintStream out = c.out();
        boolean quiet = config.quiet();
        int threads = config.threads();
        List<Sample> train = c.split().samples(c.data(), c.split().train());
        int[] labels = train.stream().mapToInt(main.labeler()).toArray();
        int[] perClass = new int[main.classes().size()];
        for (int label : labels) {
            perClass[label]++;
        }
        int fewest = Integer.MAX_VALUE;
        for (int k = 0; k < perClass.length; k++) {
            if (perClass[k] == 0) {
                throw new IllegalArgumentException("--method " + name() + ": class " + main.classes().get(k)
                        + " has no training image");
            }
            fewest = Math.min(fewest, perClass[k]);
        }
        Choice choice = choose(fewest, config.get(TrainSettings.TRANSDUCTIVE));
        out.printf("%s: %s head (%s)%n", name(), choice.head().name().toLowerCase(java.util.Locale.ROOT), choice.why());

        NDManager manager = NDManager.newBaseManager();
        try {
            ImageClassifier network = c.buildNetwork(manager);
            PooledFeatures features = new PooledFeatures(network,
                    PooledFeatures.stages(config.featureStages(), network), c.inputSize());
            int supportViews = PooledFeatures.VIEWS.size();
            boolean standardise = choice.head() == HeadKind.LOGISTIC && fewest >= Embedding.STANDARDISE_FROM;
            String featureRule = standardise ? "standardised per dimension on the training images (" + fewest
                    + " or more per class)" : "centred on the training images";
            out.printf("%s: features %s%n", name(), featureRule);
            SupportSet support = SupportSet.of(
                    features.extract(train, supportViews, manager, threads, "support features", out, quiet),
                    labels, perClass.length, standardise);
            Heads.Penalty penalty = null;
            LinearHead head;
            if (choice.head() == HeadKind.PROTOTYPES) {
                head = Heads.prototypes(support);
            } else {
                Float l2 = config.get(TrainSettings.HEAD_L2);
                penalty = Heads.choosePenalty(support, l2 == null ? null : l2.doubleValue(), config.balanceClasses(),
                        config.seed());
                head = Heads.logistic(support, penalty.l2(), config.balanceClasses());
                out.printf("%s: L2 penalty %.0e (%s)%n", name(), penalty.l2(), penalty.rule());
            }
            int testViews = config.get(TrainSettings.TTA) ? 2 : 1;
            boolean transductive = choice.transductive();
            FewShotScorer uncalibrated = new FewShotScorer(manager, features, head, testViews, false);
            List<Sample> val = c.split().samples(c.data(), c.split().val());
            String temperatureRule = "none: no validation images";
            if (!val.isEmpty()) {
                double[][] z = uncalibrated.embedded(val, threads, out, quiet);
                double[][] scores = new double[z.length][];
                for (int i = 0; i < z.length; i++) {
                    scores[i] = head.scores(z[i]);
                }
                head = head.withTemperature(Calibration.temperature(scores,
                        val.stream().mapToInt(main.labeler()).toArray()));
                temperatureRule = "calibrated on " + val.size() + " validation images";
            }
            FewShotFiles files = new FewShotFiles(choice.head(), choice.why(), features.stages(), featureRule, train.size(),
                    supportViews, penalty == null ? Double.NaN : penalty.l2(), penalty == null ? "" : penalty.rule(),
                    head.temperature(), temperatureRule, testViews, transductive);
            RunLayout layout = new RunLayout(c.runDir());
            ModelState.saveModel(network, layout.model());
            head.save(c.runDir(), manager);
            files.write(c.runDir());
            layout.writeInfo(layout.readInfo().withFitted(files.choices()));

            List<Sample> test = c.split().samples(c.data(), c.split().test());
            if (test.isEmpty()) {
                return new TrainResult(c.runDir(), List.of(), Map.of());
            }
            Predictions predictions = new FewShotScorer(manager, features, head, testViews, transductive)
                    .predict(test, c.tasks(), threads, out, quiet);
            Map<String, ClassificationMetrics> metrics = predictions.metrics(List.of(main.classes()), c.normalClasses());
            c.writeTestOutputs(metrics, predictions, test);
            return new TrainResult(c.runDir(), List.of(), metrics);
        } finally {
            manager.close();
        }
    }

    @Override
    public RunScorer load(RunInfo info, Path runDir, ModelRegistry registry) throws IOException {
        FewShotFiles files = FewShotFiles.read(runDir);
        return NetworkScorer.withSavedBackbone(info, runDir, registry, (network, manager) -> new FewShotScorer(manager,
                new PooledFeatures(network, files.stages(), info.inputSize()),
                LinearHead.load(runDir, files.head(), files.temperature(), manager), files.testViews(),
                files.transductive()));
    }
}
