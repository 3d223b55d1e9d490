package io.gaikan.experiment;

import java.util.Set;

/**
 * A {@code pretrain:} entry: a model trained first, on other data (e.g. CG images from {@code gaikan synth}), that
 * methods start from with {@code init: pretrain:NAME}. Its settings are the experiment's base settings overlaid with
 * the step's own; it is run, recorded and resumed like any grid run, under {@code DIR/pretrain/}.
 *
 * @param data     the pretraining images; its split is drawn from {@code data.seed} (no test set needed)
 * @param shots    images per class of the step itself (0 = all); the base's {@code shots} does not apply
 */
record PretrainStep(String name, DataSpec data, Settings settings, int shots) {

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
        return new PretrainStep(name, spec, base.with(own), own.shots());
    }
}
