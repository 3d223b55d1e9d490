package io.gaikan.train;

import java.util.List;
import java.util.ServiceLoader;

/** The {@link FitMethod}s on the class path, by name. */
public final class FitMethods {

    private FitMethods() {
    }

    /** Every available method's name, {@link TrainConfig#NETWORK} first. */
    public static List<String> names() {
        List<String> fitted = ServiceLoader.load(FitMethod.class).stream().map(p -> p.get().name()).sorted().toList();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(TrainConfig.NETWORK), fitted.stream()).toList();
    }

    /** The fitted method called {@code name}; an unknown name is an error listing the known ones. */
    public static FitMethod get(String name) {
        return ServiceLoader.load(FitMethod.class).stream().map(ServiceLoader.Provider::get)
                .filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--method " + name + " is not known; known: "
                        + String.join(", ", names())));
    }
}
