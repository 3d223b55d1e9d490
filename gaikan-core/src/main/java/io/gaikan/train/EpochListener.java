package io.gaikan.train;

/** Told about every finished (and checkpointed) epoch; experiment runners and UIs follow training through it. */
@FunctionalInterface
public interface EpochListener {
    void epochDone(EpochRecord record);
}
