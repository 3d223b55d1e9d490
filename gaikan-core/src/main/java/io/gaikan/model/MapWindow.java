package io.gaikan.model;

/**
 * The part of a model's input that one of its last feature maps sees, as fractions of the input's height and width:
 * the whole image for a plain model, the centre crop for the two-input model's crop branch. Heat maps computed on a
 * feature map are drawn over this window.
 */
public record MapWindow(double top, double left, double height, double width) {

    public static final MapWindow WHOLE = new MapWindow(0, 0, 1, 1);

    public MapWindow {
        if (!(top >= 0 && left >= 0 && height > 0 && width > 0 && top + height <= 1 + 1e-9 && left + width <= 1 + 1e-9)) {
            throw new IllegalArgumentException("a map window lies inside the image, got top=" + top + " left=" + left
                    + " height=" + height + " width=" + width);
        }
    }
}
