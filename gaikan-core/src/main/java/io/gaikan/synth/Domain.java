package io.gaikan.synth;

import java.util.Locale;

/**
 * Which randomisation ranges a scene is drawn from. PRETRAIN is the broad CG pretraining distribution; TARGET is a
 * deliberately different one (other material colours, lighting mix, noise, blur and scratch widths) that stands in
 * for held-out "real" images, so that pretrain-then-fine-tune can be judged on data it was not pretrained on.
 */
public enum Domain {
    PRETRAIN(RandomizationRanges.pretrain()),
    TARGET(RandomizationRanges.target());

    private final RandomizationRanges ranges;

    Domain(RandomizationRanges ranges) {
        this.ranges = ranges;
    }

    public RandomizationRanges ranges() {
        return ranges;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Domain parse(String name) {
        for (Domain d : values()) {
            if (d.label().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown domain '" + name + "' (expected pretrain or target)");
    }
}
