package io.gaikan.model.efficientnet;

import io.gaikan.model.blocks.Activation;

import java.util.List;

/**
 * An architecture of the EfficientNet class as timm defines it (_gen_efficientnet / _gen_mobilenet_v2): one block
 * string per stage, compound width/depth multipliers, stem and head widths before scaling, and the activation.
 *
 * @param stages        one timm block string per stage
 * @param width         channel multiplier; channels are {@code roundChannels(c * width)}
 * @param depth         depth multiplier; repeats are {@code ceil(r * depth)}
 * @param stemSize      stem width before rounding
 * @param headSize      width of {@code conv_head} before rounding
 * @param minHeadSize   lower bound of the rounded head width (MobileNetV2 keeps at least 1280)
 */
public record MbConvArch(List<String> stages, double width, double depth, int stemSize, int headSize, int minHeadSize,
                         Activation act) {

    private static final int DIVISOR = 8;

    public MbConvArch {
        stages = List.copyOf(stages);
    }

    /** timm's EfficientNet-B0 stages (SiLU, SE 0.25 of the block input). */
    public static MbConvArch efficientNet(double width, double depth) {
        return new MbConvArch(List.of(
                "ds_r1_k3_s1_e1_c16_se0.25",
                "ir_r2_k3_s2_e6_c24_se0.25",
                "ir_r2_k5_s2_e6_c40_se0.25",
                "ir_r3_k3_s2_e6_c80_se0.25",
                "ir_r3_k5_s1_e6_c112_se0.25",
                "ir_r4_k5_s2_e6_c192_se0.25",
                "ir_r1_k3_s1_e6_c320_se0.25"), width, depth, 32, 1280, 0, Activation.SILU);
    }

    /** timm's MobileNetV2 stages (ReLU6, no SE). */
    public static MbConvArch mobileNetV2(double width, double depth) {
        return new MbConvArch(List.of(
                "ds_r1_k3_s1_c16",
                "ir_r2_k3_s2_e6_c24",
                "ir_r3_k3_s2_e6_c32",
                "ir_r4_k3_s2_e6_c64",
                "ir_r3_k3_s1_e6_c96",
                "ir_r3_k3_s2_e6_c160",
                "ir_r1_k3_s1_e6_c320"), width, depth, 32, 1280, 1280, Activation.RELU6);
    }

    public List<BlockDef> decodedStages() {
        return stages.stream().map(BlockDef::parse).toList();
    }

    /** Repeats of a stage after depth scaling (timm's 'ceil' truncation). */
    public int scaledRepeats(BlockDef def) {
        return (int) Math.ceil(def.repeats() * depth);
    }

    public int roundChannels(int channels) {
        return makeDivisible(channels * width, DIVISOR);
    }

    public int stemChannels() {
        return roundChannels(stemSize);
    }

    public int headChannels() {
        return Math.max(minHeadSize, roundChannels(headSize));
    }

    /** timm's make_divisible: nearest multiple of the divisor, never more than 10% below the value. */
    public static int makeDivisible(double value, int divisor) {
        int rounded = Math.max(divisor, (int) (value + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * value ? rounded + divisor : rounded;
    }
}
