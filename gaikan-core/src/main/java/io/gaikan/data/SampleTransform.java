package io.gaikan.data;

/** Turns a decoded image into a network input; {@code seed} fixes every random choice for this sample and epoch. */
@FunctionalInterface
public interface SampleTransform {
    FloatImage apply(FloatImage image, long seed);
}
