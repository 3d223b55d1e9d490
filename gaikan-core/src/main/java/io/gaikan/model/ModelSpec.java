package io.gaikan.model;

import java.util.function.Function;

/**
 * A registry entry, like timm's pretrained config: the name, the family, the default input size and how to build it.
 *
 * @param hubId       Hugging Face repository of timm's ImageNet weights ({@code timm/resnet50.a1_in1k}), or null if none
 * @param weightsName the model whose ImageNet weights file ({@code <weightsName>.safetensors}) this one loads: its own
 *                    name, or for a composite model its backbone's ({@code dual:resnet18} loads {@code resnet18}'s)
 */
public record ModelSpec(String name, String family, int defaultInputSize, String hubId, String weightsName,
                        Function<ModelOptions, ImageClassifier> builder) {

    /** A model that loads ImageNet weights of its own name. */
    public ModelSpec(String name, String family, int defaultInputSize, String hubId,
                     Function<ModelOptions, ImageClassifier> builder) {
        this(name, family, defaultInputSize, hubId, name, builder);
    }

    public ImageClassifier build(ModelOptions options) {
        return builder.apply(options);
    }
}
