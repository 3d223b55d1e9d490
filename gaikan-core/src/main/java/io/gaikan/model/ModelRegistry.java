package io.gaikan.model;

import io.gaikan.model.efficientnet.EfficientNetFamily;
import io.gaikan.model.resnet.ResNetFamily;
import io.gaikan.model.vgg.VggFamily;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps a timm-style model name to its {@link ModelSpec}. Immutable; {@link #defaults()} holds the whole zoo. */
public final class ModelRegistry {

    private final Map<String, ModelSpec> specs;
    private final List<String> order;

    public ModelRegistry(Collection<ModelFamily> families) {
        Map<String, ModelSpec> map = new LinkedHashMap<>();
        for (ModelFamily family : families) {
            for (ModelSpec spec : family.models()) {
                if (map.putIfAbsent(spec.name(), spec) != null) {
                    throw new IllegalStateException("model " + spec.name() + " registered twice");
                }
            }
        }
        this.specs = Map.copyOf(map);
        this.order = List.copyOf(map.keySet());
    }

    public static ModelRegistry defaults() {
        return new ModelRegistry(List.of(new ResNetFamily(), new VggFamily(), new EfficientNetFamily()));
    }

    public ModelSpec get(String name) {
        ModelSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("unknown model '" + name + "'; known: " + String.join(", ", order));
        }
        return spec;
    }

    public List<ModelSpec> all() {
        return order.stream().map(specs::get).toList();
    }
}
