package io.gaikan.baseline;

/** The two Gaussian sigmas of a Difference-of-Gaussians, in working-image pixels. */
public record DogSigmas(double small, double large) {

    public DogSigmas {
        if (!(small > 0) || !(large > small)) {
            throw new IllegalArgumentException("DoG needs 0 < small sigma < large sigma, got " + small + ", " + large);
        }
    }

    @Override
    public String toString() {
        return "DoG(" + small + "," + large + ")";
    }
}
