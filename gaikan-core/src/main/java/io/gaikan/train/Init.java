package io.gaikan.train;

import java.nio.file.Path;

/**
 * Where a run's weights start ({@code --init}): random, ImageNet weights, a weights or checkpoint file, or (in an
 * experiment config only) the model a named pretrain step produces. Written to run.json as its text form, the single
 * string of earlier versions, so old run directories read unchanged.
 */
public sealed interface Init {

    /** {@code init: pretrain:NAME} in an experiment config. */
    String PRETRAIN_PREFIX = "pretrain:";

    /** The text form: {@code none}, {@code imagenet}, the file, or {@code pretrain:NAME}. */
    String text();

    static Init parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must be none | imagenet | FILE, got nothing");
        }
        return switch (text) {
            case "none" -> new None();
            case "imagenet" -> new ImageNet();
            default -> text.startsWith(PRETRAIN_PREFIX) ? new PretrainStep(text.substring(PRETRAIN_PREFIX.length()))
                    : new WeightsFile(Path.of(text));
        };
    }

    /** Random weights, seeded by the run's seed. */
    record None() implements Init {
        public String text() {
            return "none";
        }
    }

    /** The model's ImageNet weights, found offline first ({@code --weights}, $GAIKAN_WEIGHTS, the cache). */
    record ImageNet() implements Init {
        public String text() {
            return "imagenet";
        }
    }

    /** A safetensors weights file or a run's checkpoint; a head whose shape differs is re-initialised. */
    record WeightsFile(Path file) implements Init {
        public String text() {
            return file.toString();
        }
    }

    /** The model of an experiment's pretrain step; the experiment runner replaces it by that step's weights file. */
    record PretrainStep(String name) implements Init {
        public PretrainStep {
            if (name.isBlank()) {
                throw new IllegalArgumentException("must name a pretrain step: pretrain:NAME");
            }
        }

        public String text() {
            return PRETRAIN_PREFIX + name;
        }
    }
}
