package io.gaikan.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A {@code pretrain:} entry: a model trained first, on other data (e.g. CG images from {@code gaikan synth}), that
 * methods start from with {@code init: pretrain:NAME}. Its settings are the experiment's base settings, the model and
 * input size of the run that uses it, then the step's own; one step is run per distinct result (e.g. per backbone),
 * recorded and resumed like any grid run, under {@code DIR/pretrain/}.
 *
 * @param data     the pretraining images (or null with {@code synth}); split drawn from {@code data.seed}
 * @param synth    CG images rendered for the step (or null with {@code data}), see {@link SynthSource}
 * @param shots    images per class of the step itself (0 = all); the base's {@code shots} does not apply
 */
record PretrainStep(String name, DataSpec data, SynthSource synth, Settings base, Settings own, int shots) {

    /** What a pretrain step takes from the run that starts from it unless it sets them itself: the architecture. */
    static final List<String> INHERITED = List.of("model", "size");

    /**
     * The step's settings for a run with {@code runSettings}: base, then the run's model and input size (a model
     * can only start from weights of its own architecture, so a grid over backbones pretrains each), then its own.
     */
    Settings settingsFor(Settings runSettings) {
        Settings s = base;
        for (String key : INHERITED) {
            if (runSettings.node(key) != null) {
                s = s.with(key, runSettings.node(key));
            }
        }
        return s.with(own);
    }

    static PretrainStep read(String name, Node node, Settings base, Path workDir) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw node.error("a pretrain step's name is used in directory names: letters, digits, '-' and '_' only");
        }
        if (node.has("data") == node.has("synth")) {
            throw node.error("a pretrain step needs either data: (images) or synth: (CG images to render)");
        }
        Node data = node.get("data");
        DataSpec spec = !node.has("data") ? null : data.isScalar()
                ? new DataSpec(workDir.resolve(data.asString()).normalize(), null, 0.1, 0, List.of(), false, 1, java.util.Map.of(), false)
                : DataSpec.read(data, workDir);
        SynthSource synth = node.has("synth") ? SynthSource.read(node.get("synth")) : null;
        Settings own = Settings.read(node, Set.of("data", "synth"));
        if (own.node("init") != null && own.pretrainStep() != null) {
            throw own.node("init").error("a pretrain step cannot start from another pretrain step");
        }
        // k-shot is about the target data: a base 'shots' does not thin out the pretraining images.
        return new PretrainStep(name, spec, synth, base, own, own.shots());
    }
}
