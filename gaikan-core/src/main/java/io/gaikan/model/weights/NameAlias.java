package io.gaikan.model.weights;

import java.util.Map;
import java.util.Set;

/**
 * A foreign naming of a family's weights (torchvision's) rewritten to timm's names. The loader applies an alias
 * only when it recognises the checkpoint; timm-named checkpoints pass through untouched.
 */
public interface NameAlias {

    /** Short description for the load report, e.g. "torchvision vgg". */
    String description();

    /** Whether {@code checkpointNames} look like this naming and the model is of the family it serves. */
    boolean appliesTo(Set<String> checkpointNames, Map<String, long[]> modelShapes);

    /**
     * Maps a checkpoint name to the timm name, or returns null when the name has no counterpart (it is then reported
     * as unexpected). {@code modelShapes} lets an alias reshape a tensor to the model's layout.
     */
    Renamed rename(String checkpointName, Tensor tensor, Map<String, long[]> modelShapes);

    record Renamed(String name, Tensor tensor) {
    }
}
