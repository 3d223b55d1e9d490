package io.gaikan.model.efficientnet;

import java.util.Locale;

/**
 * One decoded timm block string such as {@code ir_r2_k3_s2_e6_c24_se0.25}: block type ({@code ds} depthwise-separable,
 * {@code ir} inverted residual), repeats, depthwise kernel, stride of the first repeat, expansion, output channels
 * (before width scaling) and SE ratio relative to the block's input channels (0 = none).
 */
public record BlockDef(Type type, int repeats, int kernel, int stride, double expansion, int channels, double seRatio) {

    public enum Type { DS, IR }

    public static BlockDef parse(String text) {
        String[] parts = text.split("_");
        Type type = switch (parts[0]) {
            case "ds" -> Type.DS;
            case "ir" -> Type.IR;
            default -> throw new IllegalArgumentException("unsupported block type '" + parts[0] + "' in " + text);
        };
        int repeats = 1;
        int kernel = 3;
        int stride = 1;
        double expansion = 1;
        int channels = -1;
        double se = 0;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("se")) {
                se = Double.parseDouble(p.substring(2));
            } else {
                String value = p.substring(1);
                switch (p.charAt(0)) {
                    case 'r' -> repeats = Integer.parseInt(value);
                    case 'k' -> kernel = Integer.parseInt(value);
                    case 's' -> stride = Integer.parseInt(value);
                    case 'e' -> expansion = Double.parseDouble(value);
                    case 'c' -> channels = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unsupported option '" + p + "' in " + text);
                }
            }
        }
        if (channels <= 0) {
            throw new IllegalArgumentException("block string " + text + " has no output channels (c<n>)");
        }
        return new BlockDef(type, repeats, kernel, stride, expansion, channels, se);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s_r%d_k%d_s%d_e%s_c%d_se%s", type.name().toLowerCase(Locale.ROOT), repeats,
                kernel, stride, expansion, channels, seRatio);
    }
}
