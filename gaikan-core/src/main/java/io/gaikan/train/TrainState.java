package io.gaikan.train;

import io.gaikan.eval.EpochRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a checkpoint records besides tensors: enough to continue exactly where an epoch ended.
 *
 * @param epochsDone  completed epochs
 * @param best        best monitored value so far (higher is better; val_loss is stored negated); NaN before the first
 * @param bestEpoch   the epoch (1-based) that reached it
 * @param badEpochs   epochs since the last improvement in the current phase
 * @param stoppedPhases phases that early stopping ended
 */
public record TrainState(int epochsDone, double best, int bestEpoch, int badEpochs, List<Integer> stoppedPhases,
                         List<EpochRecord> history) {

    public TrainState {
        stoppedPhases = List.copyOf(stoppedPhases);
        history = List.copyOf(history);
    }

    /**
     * The state after {@code record}'s epoch of phase {@code phaseIndex}: the history grows, and with early stopping
     * the best value, its epoch and the epochs without improvement move on ({@code saveBest} runs when the epoch is
     * the new best); a phase whose patience ran out is marked stopped.
     */
    TrainState after(EpochRecord record, int phaseIndex, TrainConfig config, IoAction saveBest) throws IOException {
        List<EpochRecord> grown = new ArrayList<>(history);
        grown.add(record);
        boolean phaseStart = history.isEmpty() || !history.get(history.size() - 1).phase().equals(record.phase());
        int bad = phaseStart ? 0 : badEpochs;
        double newBest = best;
        int newBestEpoch = bestEpoch;
        List<Integer> stopped = new ArrayList<>(stoppedPhases);
        if (config.earlyStopPatience() > 0) {
            double value = config.monitor().score(record);
            // NaN: nothing monitored yet (a checkpoint of an earlier version may hold -Infinity)
            if (!Double.isNaN(value) && (Double.isNaN(newBest) || value > newBest + config.earlyStopMinDelta())) {
                newBest = value;
                newBestEpoch = record.epoch();
                bad = 0;
                saveBest.run();
            } else if (++bad >= config.earlyStopPatience()) {
                stopped.add(phaseIndex);
            }
        }
        return new TrainState(record.epoch(), newBest, newBestEpoch, bad, stopped, grown);
    }

    /** Something that may fail with an IOException (saving the best weights). */
    interface IoAction {
        void run() throws IOException;
    }

    static TrainState fresh() {
        return new TrainState(0, Double.NaN, 0, 0, List.of(), List.of());
    }
}
