package io.gaikan.train;

/** How a network's main classifier starts before training. */
public enum HeadInit {
    /** the family's random initialisation (or the classifier of an --init file with the same classes) */
    RANDOM,
    /** a linear probe fitted on the training images' pooled pretrained features ({@link LinearProbe}) */
    PROBE
}
