package io.gaikan.train;

/**
 * A stretch of epochs with one freezing state and one learning-rate curve.
 *
 * @param firstTrainable index into the model's backbone layers of the first trainable one (layers before it frozen)
 */
public record Phase(String name, int epochs, float lr, int firstTrainable) {
}
