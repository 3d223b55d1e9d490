package io.gaikan.model.resnet;

import io.gaikan.model.ModelFamily;
import io.gaikan.model.ModelSpec;

import java.util.List;

/** resnet18/34/50/101/152 with timm's default ImageNet weights (the "a1"/"a1h" recipes, 224 px). */
public final class ResNetFamily implements ModelFamily {

    @Override
    public List<ModelSpec> models() {
        return List.of(
                spec("resnet18", "a1_in1k", new ResNet.Arch(false, 2, 2, 2, 2)),
                spec("resnet34", "a1_in1k", new ResNet.Arch(false, 3, 4, 6, 3)),
                spec("resnet50", "a1_in1k", new ResNet.Arch(true, 3, 4, 6, 3)),
                spec("resnet101", "a1h_in1k", new ResNet.Arch(true, 3, 4, 23, 3)),
                spec("resnet152", "a1h_in1k", new ResNet.Arch(true, 3, 8, 36, 3)));
    }

    private static ModelSpec spec(String name, String tag, ResNet.Arch arch) {
        return new ModelSpec(name, "resnet", 224, "timm/" + name + "." + tag, options -> new ResNet(arch, options));
    }
}
