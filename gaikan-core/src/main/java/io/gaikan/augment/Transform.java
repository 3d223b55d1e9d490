package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.random.RandomGenerator;

/**
 * One augmentation step on a planar CHW float image.
 *
 * <p>Implementations are immutable values (records): safe to share between loader threads. All randomness comes from
 * the generator passed in, so an image and a seeded generator always give the same result on any thread. A transform
 * never mutates its input; it returns a new image (or the input itself when it decides to do nothing).
 *
 * <p>{@link #toString()} returns the transform's token in the {@link Pipeline} grammar, so that
 * {@code Pipeline.parse(t.toString())} rebuilds an equal transform.
 */
public interface Transform {

    FloatImage apply(FloatImage image, RandomGenerator rng);
}
