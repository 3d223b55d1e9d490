package io.gaikan.train;

import io.gaikan.eval.EpochRecord;

/** Told about every finished (and checkpointed) epoch; experiment runners and UIs follow training through it. */
@FunctionalInterface
public interface EpochListener {
    void epochDone(EpochRecord record);
}
