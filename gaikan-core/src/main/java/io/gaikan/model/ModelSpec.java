package io.gaikan.model;

import java.util.function.Function;

/**
 * A registry entry, like timm's pretrained config: the name, the family, the default input size and how to build it.
 *
 * @param hubId Hugging Face repository of timm's ImageNet weights ({@code timm/resnet50.a1_in1k}), or null if none
 */
public record ModelSpec(String name, String family, int defaultInputSize, String hubId,
                        Function<ModelOptions, ImageClassifier> builder) {

    public ImageClassifier build(ModelOptions options) {
        return builder.apply(options);
    }
}
