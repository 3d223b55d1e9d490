package io.gaikan.baseline;

/**
 * The image-processing half of the baseline: DoG with two sigmas, binarisation of the absolute response and
 * morphological clean-up. Regions come out of this; the decision thresholds act on them.
 */
public record Preprocessing(DogSigmas dog, Binarisation binarisation, Cleanup cleanup) {

    public Preprocessing {
        if (dog == null || binarisation == null || cleanup == null) {
            throw new IllegalArgumentException("preprocessing needs DoG sigmas, a binarisation and a cleanup");
        }
    }

    @Override
    public String toString() {
        return dog + " " + binarisation + " " + cleanup.name().toLowerCase();
    }
}
