package io.gaikan.model.weights;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * torchvision {@code mobilenet_v2} -> timm {@code mobilenetv2_100}. {@code features.0} is the stem, {@code features.k}
 * the k-th block in timm's {@code blocks.i.j} order (read from the model itself), the last feature the 1x1 head conv,
 * {@code classifier.1} the classifier. Inside a block, torchvision numbers conv/BN pairs positionally.
 */
final class TorchvisionMobileNetV2Alias implements NameAlias {

    private static final Pattern FEATURE = Pattern.compile("features\\.(\\d+)\\.(.+)");
    private static final Pattern BLOCK = Pattern.compile("^(blocks\\.\\d+\\.\\d+)\\.");
    /** torchvision suffix -> timm suffix for a depthwise-separable first block (dw conv, BN, pw conv, BN). */
    private static final Map<String, String> DS = Map.of(
            "conv.0.0.", "conv_dw.", "conv.0.1.", "bn1.", "conv.1.", "conv_pw.", "conv.2.", "bn2.");
    /** ... and for an inverted residual (pw conv, BN, dw conv, BN, pwl conv, BN). */
    private static final Map<String, String> IR = Map.of(
            "conv.0.0.", "conv_pw.", "conv.0.1.", "bn1.", "conv.1.0.", "conv_dw.", "conv.1.1.", "bn2.",
            "conv.2.", "conv_pwl.", "conv.3.", "bn3.");

    @Override
    public String description() {
        return "torchvision mobilenet_v2 names";
    }

    @Override
    public boolean appliesTo(Set<String> checkpointNames, Map<String, long[]> modelShapes) {
        return checkpointNames.contains("features.0.0.weight") && checkpointNames.contains("features.1.conv.0.0.weight")
                && modelShapes.containsKey("conv_stem.weight");
    }

    @Override
    public Renamed rename(String name, Tensor tensor, Map<String, long[]> modelShapes) {
        if (name.startsWith("classifier.1.")) {
            return new Renamed("classifier." + name.substring("classifier.1.".length()), tensor);
        }
        Matcher m = FEATURE.matcher(name);
        if (!m.matches()) {
            return null;
        }
        int index = Integer.parseInt(m.group(1));
        String rest = m.group(2);
        List<String> blocks = blockPrefixes(modelShapes);
        if (index == 0 || index == blocks.size() + 1) {
            // a ConvBNReLU: position 0 is the conv, 1 the BN
            if (rest.startsWith("0.")) {
                return new Renamed((index == 0 ? "conv_stem." : "conv_head.") + rest.substring(2), tensor);
            }
            return rest.startsWith("1.") ? new Renamed((index == 0 ? "bn1." : "bn2.") + rest.substring(2), tensor) : null;
        }
        if (index > blocks.size()) {
            return null;
        }
        String block = blocks.get(index - 1);
        Map<String, String> table = modelShapes.containsKey(block + ".conv_pwl.weight") ? IR : DS;
        for (Map.Entry<String, String> e : table.entrySet()) {
            if (rest.startsWith(e.getKey())) {
                return new Renamed(block + "." + e.getValue() + rest.substring(e.getKey().length()), tensor);
            }
        }
        return null;
    }

    /** {@code blocks.i.j} in the model's (forward) order. */
    private static List<String> blockPrefixes(Map<String, long[]> modelShapes) {
        List<String> out = new ArrayList<>();
        for (String name : modelShapes.keySet()) {
            Matcher m = BLOCK.matcher(name);
            if (m.find() && (out.isEmpty() || !out.get(out.size() - 1).equals(m.group(1)))) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
