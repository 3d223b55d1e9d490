package io.gaikan.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scenes {@code --scene} can name: the grinding-scratch scene, the families cast, strip and tile, and a mixture
 * of families {@code families:cast,strip,...} ({@code families:all} = every family; "metal" is the grinding scene).
 */
public final class Scenes {

    private static final List<Scene> SINGLE = List.of(new GrindingScratchScene(), new CastScene(), new StripScene(),
            new TileScene());
    /** The family names {@code --families} accepts, in the order "all" expands to. */
    public static final List<String> FAMILIES = List.of(CastScene.NAME, StripScene.NAME, TileScene.NAME,
            GrindingScratchScene.FAMILY);

    private Scenes() {
    }

    public static Scene byName(String name) {
        if (name.startsWith(FamilyMix.PREFIX)) {
            List<Scene> families = new ArrayList<>();
            for (String f : familyList(name.substring(FamilyMix.PREFIX.length()))) {
                families.add(family(f));
            }
            return new FamilyMix(families);
        }
        for (Scene s : SINGLE) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown --scene '" + name + "' (available: "
                + String.join(", ", SINGLE.stream().map(Scene::name).toList()) + ", families:LIST)");
    }

    /** The scene name for {@code --families all|cast,strip,tile,metal}. */
    public static String mixtureName(String families) {
        return FamilyMix.PREFIX + String.join(",", familyList(families));
    }

    private static List<String> familyList(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("all")) {
            return FAMILIES;
        }
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            String f = part.trim();
            if (!FAMILIES.contains(f)) {
                throw new IllegalArgumentException("unknown family '" + f + "' in --families (expected all or a list of "
                        + String.join(", ", FAMILIES) + ")");
            }
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private static Scene family(String name) {
        return name.equals(GrindingScratchScene.FAMILY) ? SINGLE.get(0) : byName(name);
    }
}
