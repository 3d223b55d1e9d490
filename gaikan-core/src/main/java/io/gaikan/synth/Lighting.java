package io.gaikan.synth;

import java.util.List;

/** The lights of one image, the named setup they came from, and the uniform ambient (environment) level. */
public record Lighting(LightingSetup setup, List<Light> lights, double ambient) {

    public Lighting {
        lights = List.copyOf(lights);
    }
}
