package io.gaikan.synth;

import java.util.List;

/** The scenes {@code --scene} can name. */
public final class Scenes {

    private static final List<Scene> ALL = List.of(new GrindingScratchScene());

    private Scenes() {
    }

    public static Scene byName(String name) {
        for (Scene s : ALL) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown --scene '" + name + "' (available: "
                + String.join(", ", ALL.stream().map(Scene::name).toList()) + ")");
    }
}
