package io.gaikan.augment;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Named pipelines. Evaluation never augments: resize the shorter side to {@code round(S / 0.875)}, centre-crop S,
 * normalise (timm's default crop_pct). Training takes a preset name or a full pipeline string:
 * <ul>
 *   <li>{@code default}: {@code rrc(S);hflip(0.5);normalize(imagenet)}</li>
 *   <li>{@code randaug}: {@code rrc(S);hflip(0.5);rand-m9-mstd0.5-inc1;normalize(imagenet)} (timm's usual recipe)</li>
 *   <li>{@code defect}: the set of seed 004 for industrial defects: a milder crop, both flips, small rotation,
 *       brightness/contrast/hue jitter, 2x2 grid shuffle and 4-8 Cutout holes of up to ~9% of the side, fill 0</li>
 *   <li>{@code none}: the evaluation pipeline (no augmentation)</li>
 * </ul>
 */
public final class Pipelines {

    /** Fraction of the resized image kept by the evaluation centre crop. */
    public static final double EVAL_CROP_FRACTION = 0.875;

    public static final String DEFAULT = "default";

    private static final Map<String, IntFunction<Pipeline>> TRAIN_PRESETS = Map.of(
            DEFAULT, s -> Pipeline.of(RandomResizedCrop.of(s), Flip.horizontal(0.5), Normalize.IMAGENET),
            "randaug", s -> Pipeline.of(RandomResizedCrop.of(s), Flip.horizontal(0.5),
                    RandAugment.parse("rand-m9-mstd0.5-inc1"), Normalize.IMAGENET),
            "defect", Pipelines::defect,
            "none", Pipelines::eval);

    private Pipelines() {
    }

    /** Resize shorter side to round(size / 0.875), centre crop size x size, ImageNet normalisation. */
    public static Pipeline eval(int size) {
        Specs.positive(size, "image size");
        return Pipeline.of(Resize.shorterSide((int) Math.round(size / EVAL_CROP_FRACTION)), CenterCrop.square(size),
                Normalize.IMAGENET);
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
