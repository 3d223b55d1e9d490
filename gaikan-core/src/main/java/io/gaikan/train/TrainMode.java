package io.gaikan.train;

/** How the backbone is trained (seed 000): from random weights, frozen with a new head, or trained again. */
public enum TrainMode {
    /** Random initialisation, everything trains. */
    SCRATCH,
    /** Pretrained backbone frozen (weights and BatchNorm statistics); only the head trains. */
    TRANSFER,
    /** Pretrained start; everything from {@code --unfreeze-from} on trains. */
    FINETUNE
}
