package io.gaikan.demo;

import io.gaikan.data.DataCheck;
import io.gaikan.data.Dataset;
import io.gaikan.data.Split;
import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.model.ModelRegistry;
import io.gaikan.pretrain.CgPretraining;
import io.gaikan.report.Charts.ShotPoint;
import io.gaikan.report.Charts;
import io.gaikan.report.HtmlReport;
import io.gaikan.report.Table;
import io.gaikan.synth.Domain;
import io.gaikan.synth.SynthConfig;
import io.gaikan.synth.Synthesizer;
import io.gaikan.train.RunLayout;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainMode;
import io.gaikan.train.TrainResult;
import io.gaikan.train.Trainer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The main job, {@code gaikan demo}: seed 001 in miniature, entirely on generated images. It renders a CG
 * pretraining set and a differently randomised "target" set (standing in for the few real images), pretrains a
 * small network on CG, then trains Scratch and CG Pretrain on 1, 4, 16 ... target images per class and tests both on
 * the same fixed, disjoint target test set. Writes a table, a plot and an HTML report.
 *
 * @param size         image size in pixels (small, so that it runs in minutes on 2 CPU cores)
 * @param cgCount      CG pretraining images
 * @param targetCount  target images (half of them form the fixed test set)
 * @param stepsPerRun  optimiser steps of each few-shot run, whatever its shot count
 */
public record FewShotDemo(String model, int size, int cgCount, int pretrainEpochs, int targetCount, List<Integer> shots,
                          int stepsPerRun, long seed, int threads) {

    public static FewShotDemo defaults() {
        return new FewShotDemo("resnet18", 64, 2000, 4, 400, List.of(1, 4, 16), 30, 1,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Methods in table order. */
    static final List<String> METHODS = List.of("Scratch", "CG Pretrain");

    public Map<String, Map<Integer, Double>> run(Path out, ModelRegistry registry, PrintStream log) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(out);
        TrainConfig base = TrainConfig.builder().model(model).inputSize(size).augment("default").threads(threads)
                .seed(seed).quiet(true).build();

        log.println("== 1/3 CG pretraining (" + cgCount + " rendered images, " + model + " at " + size + " px)");
        Path cgModel = new CgPretraining(SynthConfig.of(size, seed).withDomain(Domain.PRETRAIN), cgCount,
                base.toBuilder().epochs(pretrainEpochs).batchSize(32).lr(2e-3f).build())
                .run(out.resolve("cg-pretrain"), registry, log);

        log.println("== 2/3 target set: " + targetCount + " images from other randomisation ranges");
        Path targetDir = out.resolve("target");
        if (!Files.exists(targetDir.resolve("labels.csv"))) {
            new Synthesizer(SynthConfig.of(size, seed + 1000).withDomain(Domain.TARGET))
                    .writeDataset(targetDir, targetCount, threads, 0);
        }
        Dataset target = Dataset.open(targetDir.resolve("labels.csv"));
        Split split = Split.stratified(target, DataCheck.run(target, threads).hashes(), 0, 0.5, seed);

        log.println("== 3/3 few-shot runs: " + METHODS + " x " + shots + " images per class");
        Map<String, Map<Integer, Double>> accuracy = new LinkedHashMap<>();
        Map<String, Map<Integer, ClassificationMetrics>> metrics = new LinkedHashMap<>();
        for (String method : METHODS) {
            accuracy.put(method, new LinkedHashMap<>());
            metrics.put(method, new LinkedHashMap<>());
        }
        Trainer trainer = new Trainer(registry, new PrintStream(PrintStream.nullOutputStream()));
        for (int k : shots) {
            Split fewShot = split.withShots(target, k, seed);
            int images = fewShot.train().size();
            int batch = Math.min(16, images);
            int epochs = Math.max(1, (int) Math.ceil((double) stepsPerRun / Math.max(1, images / batch)));
            for (String method : METHODS) {
                TrainConfig.Builder config = base.toBuilder().batchSize(batch).epochs(epochs);
                if (method.equals("CG Pretrain")) {
                    config.mode(TrainMode.FINETUNE).init(cgModel.toString()).lr(5e-4f);
                } else {
                    config.mode(TrainMode.SCRATCH).lr(2e-3f);
                }
                Path runDir = out.resolve("runs").resolve(slug(method) + "-" + k + "shot");
                boolean resume = new RunLayout(runDir).isRun();
                TrainResult result = trainer.train(config.build(), target, fewShot, Set.of("ok"), runDir, resume);
                ClassificationMetrics m = result.mainMetrics();
                accuracy.get(method).put(k, m.accuracy());
                metrics.get(method).put(k, m);
                log.printf("   %-12s %3d/class: accuracy %.4f  miss %.4f  over-detection %.4f%n", method, k,
                        m.accuracy(), m.missRate(), m.overDetectionRate());
            }
        }
        writeReport(out, accuracy, metrics, (System.nanoTime() - started) / 1e9, split.test().size());
        log.printf("demo finished in %.0f s; report: %s%n", (System.nanoTime() - started) / 1e9,
                out.resolve("report.html").toAbsolutePath());
        return accuracy;
    }

    private void writeReport(Path out, Map<String, Map<Integer, Double>> accuracy,
                             Map<String, Map<Integer, ClassificationMetrics>> metrics, double seconds, int testImages)
            throws IOException {
        Table.Builder table = Table.builder("Target test accuracy (%) by training images per class")
                .rowHeader("images/class").columns(METHODS.toArray(String[]::new));
        Table.Builder rates = Table.builder("Miss rate / over-detection rate (%)")
                .rowHeader("images/class").columns(METHODS.toArray(String[]::new)).higherIsBetter(false);
        for (int k : shots) {
            for (String method : METHODS) {
                ClassificationMetrics m = metrics.get(method).get(k);
                table.put(Integer.toString(k), method, Table.Cell.of(100 * m.accuracy()));
                rates.put(k + " miss", method, Table.Cell.of(100 * m.missRate()));
                rates.put(k + " over-detection", method, Table.Cell.of(100 * m.overDetectionRate()));
            }
        }
        Map<String, List<ShotPoint>> series = new LinkedHashMap<>();
        accuracy.forEach((method, byShot) -> {
            List<ShotPoint> points = new ArrayList<>();
            byShot.forEach((k, acc) -> points.add(new ShotPoint(k, 100 * acc, 0)));
            series.put(method, points);
        });
        Path plot = out.resolve("accuracy-vs-shots.png");
        Charts.accuracyVsShots(series, "Scratch vs CG Pretrain on the CG target set", "test accuracy (%)", plot);
        Table accuracyTable = table.build();
        Files.writeString(out.resolve("results.md"), accuracyTable.toMarkdown());
        HtmlReport.builder("Gaikan demo: CG pretraining for few-shot defect classification")
                .text(String.format("%s at %d px; %d CG pretraining images (%d epochs); target set from shifted "
                        + "randomisation ranges, fixed test set of %d images; %d optimiser steps per few-shot run; "
                        + "seed %d; wall time %.0f s.", model, size, cgCount, pretrainEpochs, testImages,
                        stepsPerRun, seed, seconds))
                .table(accuracyTable)
                .image(plot, "Accuracy vs training images per class")
                .table(rates.build())
                .build()
                .write(out.resolve("report.html"));
    }

    private static String slug(String method) {
        return method.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }
}
