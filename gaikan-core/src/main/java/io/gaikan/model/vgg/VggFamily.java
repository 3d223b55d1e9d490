package io.gaikan.model.vgg;

import io.gaikan.model.ModelFamily;
import io.gaikan.model.ModelSpec;

import java.util.List;

import static io.gaikan.model.vgg.Vgg.POOL;

/** vgg16, vgg19 and their BatchNorm variants, with timm's torchvision-derived ImageNet weights. */
public final class VggFamily implements ModelFamily {

    private static final int[] VGG16 = {64, 64, POOL, 128, 128, POOL, 256, 256, 256, POOL, 512, 512, 512, POOL,
            512, 512, 512, POOL};
    private static final int[] VGG19 = {64, 64, POOL, 128, 128, POOL, 256, 256, 256, 256, POOL, 512, 512, 512, 512,
            POOL, 512, 512, 512, 512, POOL};

    @Override
    public List<ModelSpec> models() {
        return List.of(spec("vgg16", false, VGG16), spec("vgg19", false, VGG19),
                spec("vgg16_bn", true, VGG16), spec("vgg19_bn", true, VGG19));
    }

    private static ModelSpec spec(String name, boolean batchNorm, int[] layers) {
        Vgg.Arch arch = new Vgg.Arch(batchNorm, 4096, layers);
        return new ModelSpec(name, "vgg", 224, "timm/" + name + ".tv_in1k", options -> new Vgg(arch, options));
    }
}
