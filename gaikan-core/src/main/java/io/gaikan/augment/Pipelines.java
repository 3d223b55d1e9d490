package io.gaikan.augment;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Named pipelines. Evaluation never augments: the whole image resized to S x S, normalised. Training takes a preset
 * name or a full pipeline string:
 * <ul>
 *   <li>{@code default}: {@code resize(S,S);hflip(0.5);vflip(0.5);normalize(imagenet)}: keeps every pixel of the part
 *       in view, so a small defect is never cropped out of an NG image</li>
 *   <li>{@code randaug}: {@code rrc(S);hflip(0.5);rand-m9-mstd0.5-inc1;normalize(imagenet)} (timm's recipe, seed 001)</li>
 *   <li>{@code defect}: the set of seed 004 for industrial defects: a milder crop, both flips, small rotation,
 *       brightness/contrast/hue jitter, 2x2 grid shuffle and 4-8 Cutout holes of up to ~9% of the side, fill 0</li>
 *   <li>{@code none}: the evaluation pipeline (no augmentation)</li>
 * </ul>
 */
public final class Pipelines {

    public static final String DEFAULT = "default";

    private static final Map<String, IntFunction<Pipeline>> TRAIN_PRESETS = Map.of(
            DEFAULT, s -> Pipeline.of(Resize.exact(s, s), Flip.horizontal(0.5), Flip.vertical(0.5), Normalize.IMAGENET),
            "randaug", s -> Pipeline.of(RandomResizedCrop.of(s), Flip.horizontal(0.5),
                    RandAugment.parse("rand-m9-mstd0.5-inc1"), Normalize.IMAGENET),
            "defect", Pipelines::defect,
            "none", Pipelines::eval);

    private Pipelines() {
    }

    /**
     * The whole image resized to size x size, ImageNet normalisation. Unlike timm's ImageNet evaluation (resize to
     * size / 0.875 and centre-crop) nothing is cut off: a defect may sit at the border of an inspection image.
     */
    public static Pipeline eval(int size) {
        Specs.positive(size, "image size");
        return Pipeline.of(Resize.exact(size, size), Normalize.IMAGENET);
    }

    /**
     * The training pipeline for output size {@code size}: a preset name (see class javadoc), or a pipeline string,
     * which is used as written. A blank spec means {@value #DEFAULT}.
     */
    public static Pipeline train(String spec, int size) {
        Specs.positive(size, "image size");
        String key = spec == null || spec.isBlank() ? DEFAULT : spec.trim();
        IntFunction<Pipeline> preset = TRAIN_PRESETS.get(key);
        return preset != null ? preset.apply(size) : Pipeline.parse(key);
    }

    public static List<String> presetNames() {
        return TRAIN_PRESETS.keySet().stream().sorted().toList();
    }

    private static Pipeline defect(int size) {
        int holeMin = Math.max(1, size / 28);
        int holeMax = Math.max(holeMin, (int) Math.round(size * 20 / 224.0));
        IntRange hole = new IntRange(holeMin, holeMax);
        return Pipeline.of(
                new RandomResizedCrop(size, new Range(0.35, 1), RandomResizedCrop.DEFAULT_RATIO),
                Flip.horizontal(0.5),
                Flip.vertical(0.5),
                RandomRotation.symmetric(15, 0),
                new ColorJitter(0.2, 0.2, 0, 0.02),
                new GridShuffle(2, 2, 0.5),
                new Cutout(new IntRange(4, 8), hole, hole, 0, 0.5),
                Normalize.IMAGENET);
    }
}
