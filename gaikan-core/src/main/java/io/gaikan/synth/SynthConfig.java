package io.gaikan.synth;

/**
 * What to render. Immutable; change one setting with the {@code with...} methods.
 *
 * @param scene      scene name, see {@link Scenes}
 * @param size       output width = height in pixels
 * @param seed       base seed; image i is a pure function of (seed, domain, i)
 * @param domain     randomisation ranges (pretraining distribution or the shifted target one)
 * @param ngFraction share of NG (scratched) images; NG indices are spread evenly, so counts are exact
 * @param grey       8-bit grey output instead of RGB
 */
public record SynthConfig(String scene, int size, long seed, Domain domain, double ngFraction, boolean grey) {

    public static final String DEFAULT_SCENE = GrindingScratchScene.NAME;

    public SynthConfig {
        Scenes.byName(scene);
        if (size < 16 || size > 4096) {
            throw new IllegalArgumentException("--size " + size + " out of range 16..4096");
        }
        if (!(ngFraction >= 0 && ngFraction <= 1)) {
            throw new IllegalArgumentException("--ng-fraction " + ngFraction + " must lie in [0, 1]");
        }
        if (domain == null) {
            throw new IllegalArgumentException("domain must be given");
        }
    }

    /** Grinding-scratch scene, pretraining domain, half NG, RGB. */
    public static SynthConfig of(int size, long seed) {
        return new SynthConfig(DEFAULT_SCENE, size, seed, Domain.PRETRAIN, 0.5, false);
    }

    public SynthConfig withDomain(Domain d) {
        return new SynthConfig(scene, size, seed, d, ngFraction, grey);
    }

    public SynthConfig withGrey(boolean g) {
        return new SynthConfig(scene, size, seed, domain, ngFraction, g);
    }

    public SynthConfig withNgFraction(double f) {
        return new SynthConfig(scene, size, seed, domain, f, grey);
    }

    public SynthConfig withScene(String s) {
        return new SynthConfig(s, size, seed, domain, ngFraction, grey);
    }

    public SynthConfig withSeed(long s) {
        return new SynthConfig(scene, size, s, domain, ngFraction, grey);
    }

    public SynthConfig withSize(int s) {
        return new SynthConfig(scene, s, seed, domain, ngFraction, grey);
    }

    public int channels() {
        return grey ? 1 : 3;
    }

    /** Whether image i is NG: exactly floor(n * ngFraction) of the first n images are, spread evenly. */
    public boolean isNg(int index) {
        return Math.floor((index + 1) * ngFraction) > Math.floor(index * ngFraction);
    }
}
