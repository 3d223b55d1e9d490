package io.gaikan.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Maps a timm-style model name to its {@link ModelSpec}. Immutable; {@link #defaults()} holds the whole zoo: the
 * families listed in {@code META-INF/services/io.gaikan.model.ModelFamily}, in that order, so this generic registry
 * imports no family (the families import it). Names that no family lists are offered to every family's
 * {@link ModelFamily#resolve} (composed names like {@code dual:vggse}).
 */
public final class ModelRegistry {

    private final Map<String, ModelSpec> specs;
    private final List<String> order;
    private final List<ModelFamily> families;

    public ModelRegistry(Collection<ModelFamily> families) {
        this.families = List.copyOf(families);
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
        return new ModelRegistry(ServiceLoader.load(ModelFamily.class, ModelRegistry.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    public ModelSpec get(String name) {
        ModelSpec spec = specs.get(name);
        for (int i = 0; spec == null && i < families.size(); i++) {
            spec = families.get(i).resolve(name, this).orElse(null);
        }
        if (spec == null) {
            throw new IllegalArgumentException("unknown model '" + name + "'; known: " + String.join(", ", order));
        }
        return spec;
    }

    public List<ModelSpec> all() {
        return order.stream().map(specs::get).toList();
    }
}
