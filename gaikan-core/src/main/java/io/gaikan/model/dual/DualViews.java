package io.gaikan.model.dual;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import io.gaikan.model.blocks.Sequence;

/**
 * The two views of the dual-input model (seed 000): the whole image downscaled to {@code resize} x {@code resize}
 * and the {@code crop} x {@code crop} window at its centre. A size of 0 means 160/256 of the input side, the seed's
 * ratio (a 256 px input gives 160 and 160; a 96 px input 60 and 60).
 */
public record DualViews(int resize, int crop) {

    /** The seed's view side over its input side: 160 / 256. */
    public static final double DEFAULT_RATIO = 160.0 / 256.0;
    public static final DualViews DEFAULT = new DualViews(0, 0);

    public DualViews {
        if (resize < 0 || crop < 0) {
            throw new IllegalArgumentException("dual view sizes must be >= 0 (0 = 160/256 of the input), got resize="
                    + resize + " crop=" + crop);
        }
    }

    public int resizeFor(int inputSide) {
        return resize > 0 ? resize : scaled(inputSide);
    }

    public int cropFor(int inputSide) {
        int c = crop > 0 ? crop : scaled(inputSide);
        if (c > inputSide) {
            throw new IllegalArgumentException("dual model: centre crop " + c + " is larger than the " + inputSide
                    + " px input (use a larger --size or a smaller crop=)");
        }
        return c;
    }

    private static int scaled(int side) {
        return Math.max(1, (int) Math.round(side * DEFAULT_RATIO));
    }

    /**
     * View A: the whole NCHW batch downscaled with area interpolation (PyTorch's {@code interpolate(mode="area")},
     * an average over each output pixel's footprint, so a downscale does not alias).
     */
    public NDArray resized(NDArray x) {
        int side = resizeFor((int) x.getShape().get(2));
        return area(x, side, side);
    }

    /** View B: the centre {@code crop} x {@code crop} window of the NCHW batch (offset rounded down). */
    public NDArray cropped(NDArray x) {
        int h = (int) x.getShape().get(2);
        int w = (int) x.getShape().get(3);
        int c = cropFor(Math.min(h, w));
        int top = (h - c) / 2;
        int left = (w - c) / 2;
        return x.get(new NDIndex(":, :, {}:{}, {}:{}", top, top + c, left, left + c));
    }

    /** Area-interpolated resize of an NCHW array (DJL's image resize works on NHWC). */
    static NDArray area(NDArray nchw, int height, int width) {
        NDArray nhwc = nchw.transpose(0, 2, 3, 1);
        NDArray resized = Sequence.release(nhwc, NDImageUtils.resize(nhwc, width, height, Image.Interpolation.AREA));
        return Sequence.release(resized, resized.transpose(0, 3, 1, 2));
    }
}
