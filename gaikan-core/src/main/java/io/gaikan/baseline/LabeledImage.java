package io.gaikan.baseline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One image file with its class index (into the class list handed to {@link BaselineRun}).
 * Kept here so the baseline does not depend on the data package.
 */
public record LabeledImage(Path path, int label) {

    public LabeledImage {
        Objects.requireNonNull(path, "path");
        if (label < 0) {
            throw new IllegalArgumentException("negative class index " + label + " for " + path);
        }
    }
}
