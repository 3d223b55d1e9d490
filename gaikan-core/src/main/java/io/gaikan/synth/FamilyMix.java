package io.gaikan.synth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A mixture of scene families ({@code --families cast,strip,tile,metal}): each image first draws its family from its
 * own generator (equal odds), then renders as that family. Labels: the defect kind (shared kinds such as scratch or
 * blowhole merge across families; the grinding scene's NG becomes "scratch"), and the family column. Parameter
 * columns are the union over the families; a family leaves the others' cells empty.
 */
final class FamilyMix implements Scene {

    /** Scene names start with this; {@link Scenes} parses the rest as a family list. */
    static final String PREFIX = "families:";
    /** The grinding scene's one defect kind, under the name the strip family uses too. */
    private static final String SCRATCH = "scratch";

    private final List<Scene> families;
    private final List<String> parameters;

    FamilyMix(List<Scene> families) {
        if (families.isEmpty()) {
            throw new IllegalArgumentException("--families needs at least one family");
        }
        this.families = List.copyOf(families);
        Set<String> names = new LinkedHashSet<>();
        for (Scene s : families) {
            names.addAll(s.parameterNames());
        }
        this.parameters = List.copyOf(new ArrayList<>(names));
    }

    @Override
    public String name() {
        return PREFIX + String.join(",", families.stream().map(FamilyMix::familyName).toList());
    }

    @Override
    public List<String> defectKinds() {
        Set<String> kinds = new LinkedHashSet<>();
        for (Scene s : families) {
            kinds.addAll(s instanceof GrindingScratchScene ? List.of(SCRATCH) : s.defectKinds());
        }
        return List.copyOf(kinds);
    }

    @Override
    public List<String> parameterNames() {
        return parameters;
    }

    @Override
    public SynthSample render(SynthConfig config, int index, boolean ng, SplittableRandom rng, Workspace workspace) {
        Scene family = families.get(rng.nextInt(families.size()));
        SynthSample s = family.render(config, index, ng, rng, workspace);
        return family instanceof GrindingScratchScene ? s.withKind(SCRATCH) : s;
    }

    static String familyName(Scene s) {
        return s instanceof GrindingScratchScene ? GrindingScratchScene.FAMILY : s.name();
    }
}
