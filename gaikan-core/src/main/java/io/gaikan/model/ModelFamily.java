package io.gaikan.model;

import java.util.List;

/** A family of architectures (ResNet, VGG, EfficientNet, ...) contributes its variants to the registry. */
public interface ModelFamily {
    List<ModelSpec> models();
}
