package io.gaikan.train;

import io.gaikan.eval.EpochRecord;

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

    static TrainState fresh() {
        return new TrainState(0, Double.NaN, 0, 0, List.of(), List.of());
    }
}
