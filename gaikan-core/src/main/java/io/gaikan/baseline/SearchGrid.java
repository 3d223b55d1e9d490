package io.gaikan.baseline;

import java.util.ArrayList;
import java.util.List;

/**
 * The preprocessing settings the fit tries: every combination of DoG sigmas, binarisation and clean-up.
 * Earlier entries win ties, so list the simpler settings first.
 */
public record SearchGrid(List<DogSigmas> sigmas, List<Binarisation> binarisations, List<Cleanup> cleanups) {

    public SearchGrid {
        if (sigmas.isEmpty() || binarisations.isEmpty() || cleanups.isEmpty()) {
            throw new IllegalArgumentException("search grid needs at least one DoG sigma pair, binarisation and cleanup");
        }
        sigmas = List.copyOf(sigmas);
        binarisations = List.copyOf(binarisations);
        cleanups = List.copyOf(cleanups);
    }

    /**
     * Sigma pairs from hairline scratches (1, 2) to blobs a few pixels wide (3, 6) at a 256-pixel working size;
     * fixed thresholds at 4, 8 and 16 grey levels of |DoG|, per-image Otsu, and a local-mean threshold.
     */
    public static SearchGrid defaults() {
        return new SearchGrid(
                List.of(new DogSigmas(1, 2), new DogSigmas(1.5, 3), new DogSigmas(2, 4), new DogSigmas(3, 6)),
                List.of(Binarisation.fixed(4), Binarisation.fixed(8), Binarisation.fixed(16), Binarisation.otsu(),
                        Binarisation.adaptive(31, 2.5)),
                List.of(Cleanup.OPEN, Cleanup.CLOSE));
    }

    /** All combinations, sigma pairs outermost (the DoG response is shared by the inner settings). */
    public List<Preprocessing> preprocessings() {
        List<Preprocessing> all = new ArrayList<>();
        for (DogSigmas s : sigmas) {
            for (Binarisation b : binarisations) {
                for (Cleanup c : cleanups) {
                    all.add(new Preprocessing(s, b, c));
                }
            }
        }
        return all;
    }
}
