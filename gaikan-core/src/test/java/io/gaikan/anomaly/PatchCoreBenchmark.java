package io.gaikan.anomaly;

import io.gaikan.data.Sample;
import io.gaikan.model.ModelRegistry;
import io.gaikan.train.RunInfo;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Latency of scoring one image with a fitted PatchCore run (not a unit test): loads the run, scores each given image
 * alone (batch of one: what a line does part by part) {@code repeats} times after a warm-up, prints the memory bank's
 * size and the median and 90th percentile wall time per image. Run by bench/patchcore-speed.sh.
 * <pre>
 * java -cp ... io.gaikan.anomaly.PatchCoreBenchmark RUN_DIR REPEATS IMAGE...
 * </pre>
 */
public final class PatchCoreBenchmark {

    private PatchCoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        int repeats = Integer.parseInt(args[1]);
        List<Sample> images = Arrays.stream(args).skip(2).map(a -> new Sample(Path.of(a), 0)).toList();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        RunInfo info = RunInfo.read(run);
        try (AnomalyScorer scorer = (AnomalyScorer) new PatchCoreMethod().load(info, run, ModelRegistry.defaults())) {
            for (Sample s : images) {
                scorer.scores(List.of(s), 1, quiet, true);
            }
            double[] ms = new double[repeats * images.size()];
            int k = 0;
            for (int r = 0; r < repeats; r++) {
                for (Sample s : images) {
                    long t0 = System.nanoTime();
                    scorer.scores(List.of(s), 1, quiet, true);
                    ms[k++] = (System.nanoTime() - t0) / 1e6;
                }
            }
            Arrays.sort(ms);
            AnomalyFiles files = AnomalyFiles.read(run);
            System.out.printf(Locale.ROOT, "%s: bank %d patches (%d training images, %d patches before the coreset), "
                            + "%d px, one image: median %.1f ms, p90 %.1f ms over %d scorings%n", run.getFileName(),
                    files.sizes().get("bank_patches"), files.trainingImages(), files.sizes().get("training_patches"), info.inputSize(),
                    ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms.length);
        }
    }
}
