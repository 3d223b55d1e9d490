package io.gaikan.experiment;

import java.util.Set;

/**
 * {@code baseline: true} or {@code baseline: {working_size: 256}}: the classical DoG/binarisation/labelling baseline
 * (io.gaikan.baseline) fitted on each run's training images and judged on the same test set.
 *
 * @param workingSize longest image side the baseline processes at
 */
public record BaselineSpec(int workingSize) {

    static BaselineSpec read(Node node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isScalar()) {
            return node.asBoolean() ? new BaselineSpec(256) : null;
        }
        node.allowOnly(Set.of("working_size"));
        return new BaselineSpec(node.has("working_size") ? node.get("working_size").asInt() : 256);
    }
}
