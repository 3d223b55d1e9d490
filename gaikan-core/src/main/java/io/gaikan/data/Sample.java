package io.gaikan.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * One labelled image.
 *
 * @param path       absolute path of the image file
 * @param label      index into the dataset's class list
 * @param attributes further manifest columns (auxiliary task labels such as lighting or region); empty if none
 */
public record Sample(Path path, int label, Map<String, String> attributes) {
    public Sample {
        attributes = Map.copyOf(attributes);
    }

    public Sample(Path path, int label) {
        this(path, label, Map.of());
    }
}
