package io.gaikan.experiment;

import io.gaikan.synth.Domain;
import io.gaikan.synth.SynthConfig;

import java.util.Set;

/**
 * {@code synth:} of a pretrain step: CG images rendered by io.gaikan.synth for CG pretraining (seed 001), instead of
 * a folder of images. The size defaults to the step's input size.
 *
 * <pre>{@code
 * pretrain:
 *   cg: {synth: {count: 2000, seed: 1, domain: pretrain}, epochs: 3, mode: scratch, init: none}
 * }</pre>
 *
 * @param size 0 = the pretraining input size
 */
record SynthSource(int count, int size, long seed, String scene, Domain domain, double ngFraction, boolean grey) {

    static final Set<String> KEYS = Set.of("count", "size", "seed", "scene", "domain", "ng_fraction", "grey");

    static SynthSource read(Node node) {
        node.allowOnly(KEYS);
        int count = node.require("count").asInt();
        if (count < 2) {
            throw node.get("count").error("count must be at least 2 (one OK and one NG image), got " + count);
        }
        Domain domain;
        try {
            domain = node.has("domain") ? Domain.parse(node.get("domain").asString()) : Domain.PRETRAIN;
        } catch (IllegalArgumentException e) {
            throw node.get("domain").error(e.getMessage());
        }
        return new SynthSource(count, node.has("size") ? node.get("size").asInt() : 0,
                node.has("seed") ? node.get("seed").asLong() : 1,
                node.has("scene") ? node.get("scene").asString() : SynthConfig.DEFAULT_SCENE, domain,
                node.has("ng_fraction") ? node.get("ng_fraction").asDouble() : 0.5,
                node.has("grey") && node.get("grey").asBoolean());
    }

    /** The generator's config for a pretraining run at {@code inputSize} pixels. */
    SynthConfig config(int inputSize) {
        return new SynthConfig(scene, size > 0 ? size : inputSize, seed, domain, ngFraction, grey);
    }
}
