package io.gaikan.synth;

/** Which part of the inspected component the image shows; an auxiliary label for multi-task learning (seed 002 C). */
public enum Region {
    /** Flat ground body only. */
    BODY("body"),
    /** An end / taper part: the body, a bevel with a rounded edge, and the dark or bright zone beyond the part. */
    EDGE("edge");

    private final String label;

    Region(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
