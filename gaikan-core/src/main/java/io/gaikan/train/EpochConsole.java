package io.gaikan.train;

import io.gaikan.eval.EpochRecord;

import java.io.PrintStream;
import java.util.Locale;

/** The one console line per epoch (losses, accuracies, time, speed and data wait); silent with --quiet. */
final class EpochConsole implements EpochEnd.Listener {

    private final PrintStream out;
    private final int totalEpochs;

    EpochConsole(PrintStream out, int totalEpochs) {
        this.out = out;
        this.totalEpochs = totalEpochs;
    }

    @Override
    public void epochEnded(EpochEnd end) {
        EpochRecord r = end.record();
        EpochStats train = end.trainStats();
        out.printf(Locale.ROOT, "epoch %d/%d %s  train loss %.4f acc %.4f  val loss %.4f acc %.4f  (%.1fs, %.1f img/s, "
                        + "data wait %.0f%%)%n", r.epoch(), totalEpochs, r.phase(), train.loss(), train.accuracy(),
                r.valLoss(), r.valAccuracy(), r.seconds(), train.imagesPerSecond(), 100 * train.waitFraction());
    }
}
