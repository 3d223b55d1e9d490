package io.gaikan.data;

/**
 * A batch of network inputs as one NCHW float buffer, with one label row per task ({@code -1} = no label).
 *
 * @param indices positions of the batch's samples in the loader's sample list
 */
public record Batch(float[] pixels, int size, int channels, int height, int width, int[][] labels, int[] indices) {
}
