package io.gaikan.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The casting-product OK/NG set via its SPLIT.csv (official train/test split, duplicates marked DROPPED), until the
 * data package offers splits. Classes: def_front (NG) = 0, ok_front (OK) = 1.
 */
final class CastingProduct {

    static final List<String> CLASSES = List.of("def_front", "ok_front");
    static final String NORMAL = "ok_front";

    private CastingProduct() {
    }

    /** Images of the official {@code split} ("train" or "test"), at most {@code perClass} per class (seeded pick). */
    static List<LabeledImage> sample(Path root, String split, int perClass, long seed) {
        List<List<LabeledImage>> byClass = List.of(new ArrayList<>(), new ArrayList<>());
        try {
            List<String> lines = Files.readAllLines(root.resolve("SPLIT.csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                if (f.length < 4 || !f[2].equals(split) || f[3].startsWith("DROPPED")) {
                    continue;
                }
                byClass.get(CLASSES.indexOf(f[1])).add(new LabeledImage(root.resolve(f[0]), CLASSES.indexOf(f[1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<LabeledImage> out = new ArrayList<>();
        Random rnd = new Random(seed);
        for (List<LabeledImage> images : byClass) {
            Collections.shuffle(images, rnd);
            out.addAll(images.subList(0, Math.min(perClass, images.size())));
        }
        return out;
    }
}
