package io.gaikan.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the images are and how to split them.
 *
 * @param data          an ImageFolder directory or a CSV manifest
 * @param testDir       a separate test folder (then {@code testFraction} is ignored); null if none
 * @param splitFile     reuse this saved split instead of drawing one; null if none
 * @param shots         keep this many training images per class (k-shot); 0 = all
 * @param normalClasses the normal (OK) classes; the others are defect (NG) classes
 * @param onConflict    what to do with identical images under different labels
 */
public record DataOptions(Path data, Path testDir, Path splitFile, double valFraction, double testFraction,
                          int shots, long seed, boolean skipBad, List<String> normalClasses, LabelConflicts onConflict) {

    /** Identical image files (same bytes) labelled differently: which label is right cannot be known here. */
    public enum LabelConflicts {
        /** stop, listing the files (the default: a label typo must not pass unseen) */
        ERROR,
        /** leave every copy out */
        DROP,
        /** keep the first copy's label, in path order */
        KEEP_FIRST
    }

    public DataOptions {
        normalClasses = List.copyOf(normalClasses);
        onConflict = onConflict == null ? LabelConflicts.ERROR : onConflict;
    }

    public DataOptions(Path data, Path testDir, Path splitFile, double valFraction, double testFraction, int shots,
                       long seed, boolean skipBad, List<String> normalClasses) {
        this(data, testDir, splitFile, valFraction, testFraction, shots, seed, skipBad, normalClasses, LabelConflicts.ERROR);
    }

    /** {@code data} split as {@code gaikan train} splits it by default: 15 % validation and 20 % test per class, seed 42. */
    public static DataOptions of(Path data) {
        return new DataOptions(data, null, null, 0.15, 0.2, 0, 42, false, List.of());
    }

    public DataOptions withNormalClasses(String... classes) {
        return new DataOptions(data, testDir, splitFile, valFraction, testFraction, shots, seed, skipBad, List.of(classes),
                onConflict);
    }

    public DataOptions withShots(int shotsPerClass) {
        return new DataOptions(data, testDir, splitFile, valFraction, testFraction, shotsPerClass, seed, skipBad,
                normalClasses, onConflict);
    }
}
