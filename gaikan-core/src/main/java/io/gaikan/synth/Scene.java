package io.gaikan.synth;

import java.util.List;
import java.util.SplittableRandom;

/** A procedural scene that renders one labelled image from its own random generator. */
public interface Scene {

    /** The name used on the command line ({@code --scene}). */
    String name();

    /** Names of the drawn scene parameters, in the order of the labels.csv columns after path,label,lighting,region. */
    List<String> parameterNames();

    /** The class names of NG images (one kind per NG image); "ng" for a scene with a single defect kind. */
    default List<String> defectKinds() {
        return List.of("ng");
    }

    /**
     * Renders image {@code index}; everything random comes from {@code rng}. {@code workspace} holds scratch
     * arrays reused between calls on one thread; the result never depends on what it held before.
     */
    SynthSample render(SynthConfig config, int index, boolean ng, SplittableRandom rng, Workspace workspace);
}
