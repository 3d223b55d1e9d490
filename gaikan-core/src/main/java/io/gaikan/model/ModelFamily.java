package io.gaikan.model;

import java.util.List;
import java.util.Optional;

/** A family of architectures (ResNet, VGG, EfficientNet, ...) contributes its variants to the registry. */
public interface ModelFamily {

    /** The models listed by name (what {@code gaikan models} shows). */
    List<ModelSpec> models();

    /**
     * A model whose name is composed rather than listed, such as {@code dual:resnet18}: the family answers the names
     * it owns (by their prefix) and may look up other models in {@code registry}. Empty for names it does not own.
     */
    default Optional<ModelSpec> resolve(String name, ModelRegistry registry) {
        return Optional.empty();
    }
}
