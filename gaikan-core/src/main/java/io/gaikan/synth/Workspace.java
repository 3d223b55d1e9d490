package io.gaikan.synth;

import java.util.Arrays;

/**
 * Image-sized scratch arrays that one thread reuses from image to image, so rendering does not allocate and zero
 * some 4 MB per image. Contents are left over from the previous image: every user either overwrites its array
 * completely or asks for {@link #zeros}. Not thread-safe; {@link Synthesizer} keeps one per thread.
 */
public final class Workspace {

    /** One scratch array per role, so arrays used at the same time never coincide. */
    enum Slot {
        MARKS, TEXTURE, HEIGHT, LOCAL_MEAN, TMP, NORMAL_X, NORMAL_Y, NORMAL_INV, FACTOR, BEYOND, DIFFUSE, SPECULAR,
        RED, GREEN, BLUE, GREY, BLUR
    }

    private final float[][] arrays = new float[Slot.values().length][];

    /** An array of exactly n floats with unspecified contents. */
    float[] floats(Slot slot, int n) {
        float[] a = arrays[slot.ordinal()];
        if (a == null || a.length != n) {
            a = new float[n];
            arrays[slot.ordinal()] = a;
        }
        return a;
    }

    /** An array of exactly n zeros. */
    float[] zeros(Slot slot, int n) {
        float[] a = floats(slot, n);
        Arrays.fill(a, 0f);
        return a;
    }
}
