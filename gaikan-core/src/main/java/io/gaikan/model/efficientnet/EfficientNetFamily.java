package io.gaikan.model.efficientnet;

import io.gaikan.model.ModelFamily;
import io.gaikan.model.ModelSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * mobilenetv2_100 and efficientnet_b0..b7 (timm's PyTorch-native variants). Default input sizes are timm's
 * pretrained-config sizes; b6 and b7 have no timm ImageNet weights (only the tf_ ports, which are not these models).
 */
public final class EfficientNetFamily implements ModelFamily {

    /** name, width, depth, default input size, timm weight tag (null: none). */
    private record Variant(String name, double width, double depth, int inputSize, String tag) {
    }

    private static final List<Variant> EFFICIENTNETS = List.of(
            new Variant("efficientnet_b0", 1.0, 1.0, 224, "ra_in1k"),
            new Variant("efficientnet_b1", 1.0, 1.1, 240, "ft_in1k"),
            new Variant("efficientnet_b2", 1.1, 1.2, 256, "ra_in1k"),
            new Variant("efficientnet_b3", 1.2, 1.4, 288, "ra2_in1k"),
            new Variant("efficientnet_b4", 1.4, 1.8, 320, "ra2_in1k"),
            new Variant("efficientnet_b5", 1.6, 2.2, 448, "sw_in12k_ft_in1k"),
            new Variant("efficientnet_b6", 1.8, 2.6, 528, null),
            new Variant("efficientnet_b7", 2.0, 3.1, 600, null));

    @Override
    public List<ModelSpec> models() {
        List<ModelSpec> out = new ArrayList<>();
        MbConvArch mobileNet = MbConvArch.mobileNetV2(1.0, 1.0);
        out.add(new ModelSpec("mobilenetv2_100", "mobilenetv2", 224, "timm/mobilenetv2_100.ra_in1k",
                options -> new EfficientNet(mobileNet, options)));
        for (Variant v : EFFICIENTNETS) {
            MbConvArch arch = MbConvArch.efficientNet(v.width(), v.depth());
            out.add(new ModelSpec(v.name(), "efficientnet", v.inputSize(),
                    v.tag() == null ? null : "timm/" + v.name() + "." + v.tag(), options -> new EfficientNet(arch, options)));
        }
        return out;
    }
}
