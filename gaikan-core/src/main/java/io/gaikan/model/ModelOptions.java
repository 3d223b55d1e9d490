package io.gaikan.model;

import java.util.List;

/**
 * What a model builder needs besides the architecture name.
 *
 * @param heads       one head per task, the main task first
 * @param dropRate    dropout before the heads (timm's drop_rate)
 * @param dropPathRate stochastic depth rate for families that support it (timm's drop_path_rate)
 */
public record ModelOptions(List<TaskHead> heads, float dropRate, float dropPathRate) {

    public ModelOptions {
        heads = List.copyOf(heads);
        if (heads.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one head");
        }
    }

    public static ModelOptions classes(int numClasses) {
        return new ModelOptions(List.of(new TaskHead("main", numClasses)), 0f, 0f);
    }

    public int numClasses() {
        return heads.get(0).numClasses();
    }
}
