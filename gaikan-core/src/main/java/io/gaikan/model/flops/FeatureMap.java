package io.gaikan.model.flops;

/** The shape of one image's activation map, channels x height x width; what a cost count propagates. */
public record FeatureMap(int channels, int height, int width) {

    public static FeatureMap image(int size) {
        return new FeatureMap(3, size, size);
    }

    public FeatureMap withChannels(int c) {
        return new FeatureMap(c, height, width);
    }
}
