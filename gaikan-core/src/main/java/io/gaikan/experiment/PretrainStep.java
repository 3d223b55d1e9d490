package io.gaikan.experiment;

import java.util.Set;

/**
 * A {@code pretrain:} entry: a model trained first, on other data (e.g. CG images from {@code gaikan synth}), that
 * methods start from with {@code init: pretrain:NAME}. Its settings are the experiment's base settings, the model and
 * input size of the run that uses it, then the step's own; one step is run per distinct result (e.g. per backbone),
 * recorded and resumed like any grid run, under {@code DIR/pretrain/}.
 *
 * @param data     the pretraining images; its split is drawn from {@code data.seed} (no test set needed)
 * @param shots    images per class of the step itself (0 = all); the base's {@code shots} does not apply
 */
record PretrainStep(String name, DataSpec data, Settings base, Settings own, int shots) {

    /** What a pretrain step takes from the run that starts from it unless it sets them itself: the architecture. */
    static final java.util.List<String> INHERITED = java.util.List.of("model", "size");

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

    static PretrainStep read(String name, Node node, Settings base, java.nio.file.Path workDir) {
        Node data = node.require("data");
        DataSpec spec = data.isScalar()
                ? new DataSpec(workDir.resolve(data.asString()).normalize(), null, 0.1, 0, java.util.List.of(), false, 1)
                : DataSpec.read(data, workDir);
        Settings own = Settings.read(node, Set.of("data"));
        if (own.node("init") != null && own.pretrainStep() != null) {
            throw own.node("init").error("a pretrain step cannot start from another pretrain step");
        }
        // k-shot is about the target data: a base 'shots' does not thin out the pretraining images.
        return new PretrainStep(name, spec, base, own, own.shots());
    }
}
