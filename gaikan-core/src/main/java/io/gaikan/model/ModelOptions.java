package io.gaikan.model;

import java.util.List;

/**
 * What a model builder needs besides the architecture name.
 *
 * @param heads       one head per task, the main task first; none for a backbone inside a composite model
 * @param dropRate    dropout before the heads (timm's drop_rate)
 * @param dropPathRate stochastic depth rate for families that support it (timm's drop_path_rate)
 */
public record ModelOptions(List<TaskHead> heads, float dropRate, float dropPathRate) {

    public ModelOptions {
        heads = List.copyOf(heads);
    }

    public static ModelOptions classes(int numClasses) {
        return new ModelOptions(List.of(new TaskHead("main", numClasses)), 0f, 0f);
    }

    /** A feature extractor without heads, e.g. a branch of the dual-input model, which owns the heads. */
    public static ModelOptions backbone(float dropPathRate) {
        return new ModelOptions(List.of(), 0f, dropPathRate);
    }

    public boolean isBackbone() {
        return heads.isEmpty();
    }

    public int numClasses() {
        if (heads.isEmpty()) {
            throw new IllegalStateException("a backbone without heads has no classes");
        }
        return heads.get(0).numClasses();
    }
}
