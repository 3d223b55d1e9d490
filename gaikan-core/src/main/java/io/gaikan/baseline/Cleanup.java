package io.gaikan.baseline;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.struct.image.GrayU8;

/** Morphological clean-up of the binary image (BoofCV 8-connected erode/dilate, one step each). */
public enum Cleanup {
    /** Keep the binary image as thresholded. */
    NONE,
    /** Erode then dilate: removes specks and one-pixel spurs, but also lines thinner than 3 pixels. */
    OPEN,
    /** Dilate then erode: joins the broken pieces of a thin line into one region. */
    CLOSE;

    GrayU8 apply(GrayU8 binary) {
        return switch (this) {
            case NONE -> binary;
            case OPEN -> BinaryImageOps.dilate8(BinaryImageOps.erode8(binary, 1, null), 1, null);
            case CLOSE -> BinaryImageOps.erode8(BinaryImageOps.dilate8(binary, 1, null), 1, null);
        };
    }
}
