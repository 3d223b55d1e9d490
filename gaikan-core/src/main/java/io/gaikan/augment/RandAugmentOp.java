package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.List;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * timm's RandAugment operations ({@code timm/data/auto_augment.py}) with their level-to-argument functions. A level
 * is the (noisy, clipped) magnitude on timm's 0..10 scale ({@code _LEVEL_DENOM = 10}); ops whose argument has a
 * direction negate it with probability 1/2. Geometric ops use bilinear sampling and timm's fill (the ImageNet mean as
 * 8-bit levels). Point ops that PIL runs on uint8 go through {@link Levels}.
 */
enum RandAugmentOp {
    AUTO_CONTRAST("AutoContrast", (img, level, rng) -> Levels.autoContrast(img)),
    EQUALIZE("Equalize", (img, level, rng) -> Levels.equalize(img)),
    INVERT("Invert", (img, level, rng) -> invert(img)),
    ROTATE("Rotate", (img, level, rng) -> AffineWarp.rotate(img, negate(scaled(level, 30.0), rng), fill(img))),
    /** Keeps 0..4 bits, fewer as the level falls (TF EfficientNet variant). */
    POSTERIZE("Posterize", (img, level, rng) -> Levels.posterize(img, posterizeBits(level))),
    POSTERIZE_INCREASING("PosterizeIncreasing", (img, level, rng) -> Levels.posterize(img, 4 - posterizeBits(level))),
    SOLARIZE("Solarize", (img, level, rng) -> Levels.solarize(img, solarizeThreshold(level))),
    SOLARIZE_INCREASING("SolarizeIncreasing",
            (img, level, rng) -> Levels.solarize(img, 256 - solarizeThreshold(level))),
    SOLARIZE_ADD("SolarizeAdd",
            (img, level, rng) -> Levels.solarizeAdd(img, Math.min(128, (int) scaled(level, 110)), 128)),
    COLOR("Color", enhancing(ColorOps::saturation, false)),
    COLOR_INCREASING("ColorIncreasing", enhancing(ColorOps::saturation, true)),
    CONTRAST("Contrast", enhancing(ColorOps::contrast, false)),
    CONTRAST_INCREASING("ContrastIncreasing", enhancing(ColorOps::contrast, true)),
    BRIGHTNESS("Brightness", enhancing(ColorOps::brightness, false)),
    BRIGHTNESS_INCREASING("BrightnessIncreasing", enhancing(ColorOps::brightness, true)),
    SHARPNESS("Sharpness", enhancing(ColorOps::sharpness, false)),
    SHARPNESS_INCREASING("SharpnessIncreasing", enhancing(ColorOps::sharpness, true)),
    SHEAR_X("ShearX", (img, level, rng) -> AffineWarp.warp(img, 1, shear(level, rng), 0, 0, 1, 0, fill(img))),
    SHEAR_Y("ShearY", (img, level, rng) -> AffineWarp.warp(img, 1, 0, 0, shear(level, rng), 1, 0, fill(img))),
    TRANSLATE_X_REL("TranslateXRel", (img, level, rng) ->
            AffineWarp.warp(img, 1, 0, translatePct(level, rng) * img.width(), 0, 1, 0, fill(img))),
    TRANSLATE_Y_REL("TranslateYRel", (img, level, rng) ->
            AffineWarp.warp(img, 1, 0, 0, 0, 1, translatePct(level, rng) * img.height(), fill(img)));

    /** One operation at a level; {@code rng} draws the direction of ops that have one. */
    @FunctionalInterface
    interface Operation {
        FloatImage apply(FloatImage img, double level, RandomGenerator rng);
    }

    /** timm's {@code _RAND_TRANSFORMS}. */
    static final List<RandAugmentOp> STANDARD = List.of(AUTO_CONTRAST, EQUALIZE, INVERT, ROTATE, POSTERIZE, SOLARIZE,
            SOLARIZE_ADD, COLOR, CONTRAST, BRIGHTNESS, SHARPNESS, SHEAR_X, SHEAR_Y, TRANSLATE_X_REL, TRANSLATE_Y_REL);

    /** timm's {@code _RAND_INCREASING_TRANSFORMS} (the {@code inc1} set). */
    static final List<RandAugmentOp> INCREASING = List.of(AUTO_CONTRAST, EQUALIZE, INVERT, ROTATE,
            POSTERIZE_INCREASING, SOLARIZE_INCREASING, SOLARIZE_ADD, COLOR_INCREASING, CONTRAST_INCREASING,
            BRIGHTNESS_INCREASING, SHARPNESS_INCREASING, SHEAR_X, SHEAR_Y, TRANSLATE_X_REL, TRANSLATE_Y_REL);

    /** timm's {@code _LEVEL_DENOM}: magnitude 10 is the nominal maximum. */
    static final double DENOM = 10.0;

    /** timm fills with {@code round(255 * IMAGENET_DEFAULT_MEAN)}; without three channels, its {@code _FILL} grey. */
    private static final float[] FILL_RGB = {124 / 255f, 116 / 255f, 104 / 255f};

    final String timmName;
    private final Operation operation;

    RandAugmentOp(String timmName, Operation operation) {
        this.timmName = timmName;
        this.operation = operation;
    }

    FloatImage apply(FloatImage img, double level, RandomGenerator rng) {
        return operation.apply(img, level, rng);
    }

    /** PIL's ImageEnhance ops: factor {@link #enhance} or, in the increasing set, {@link #enhanceIncreasing}. */
    private static Operation enhancing(BiFunction<FloatImage, Double, FloatImage> op,
                                       boolean increasing) {
        return (img, level, rng) -> op.apply(img, increasing ? enhanceIncreasing(level, rng) : enhance(level));
    }

    private static FloatImage invert(FloatImage img) {
        float[] in = img.data();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = ColorOps.clamp01(1f - in[i]);
        }
        return ColorOps.with(img, out);
    }

    /** The level on timm's scale mapped linearly onto [0, max]. */
    static double scaled(double level, double max) {
        return level / DENOM * max;
    }

    /** timm's {@code _randomly_negate}: negative when {@code random() > 0.5}. */
    static double negate(double v, RandomGenerator rng) {
        return rng.nextDouble() > 0.5 ? -v : v;
    }

    /** [0.1, 1.9] rising with the level; 1 is "no change" at level 5. */
    static double enhance(double level) {
        return scaled(level, 1.8) + 0.1;
    }

    /** 1 +/- 0.9 * level / 10, at least 0.1: stronger either way as the level rises. */
    static double enhanceIncreasing(double level, RandomGenerator rng) {
        return Math.max(0.1, 1.0 + negate(scaled(level, 0.9), rng));
    }

    static double shear(double level, RandomGenerator rng) {
        return negate(scaled(level, 0.3), rng);
    }

    static double translatePct(double level, RandomGenerator rng) {
        return negate(scaled(level, 0.45), rng);
    }

    static int posterizeBits(double level) {
        return (int) scaled(level, 4);
    }

    static int solarizeThreshold(double level) {
        return Math.min(256, (int) scaled(level, 256));
    }

    private static float[] fill(FloatImage img) {
        return img.channels() == 3 ? FILL_RGB.clone() : AffineWarp.fill(img.channels(), 128 / 255.0);
    }
}
