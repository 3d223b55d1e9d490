package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.random.RandomGenerator;

/**
 * Rotates by an angle drawn uniformly from {@code degrees} (counter-clockwise positive, about the centre, same canvas,
 * bilinear), filling uncovered corners with {@code fill} (torchvision's RandomRotation with bilinear interpolation).
 * Token {@code rot(D[,fill])} draws from [-D, D]; {@code rot(lo-hi[,fill])} from [lo, hi].
 */
public record RandomRotation(Range degrees, double fill) implements Transform {

    public RandomRotation {
        if (!Double.isFinite(fill)) {
            throw new IllegalArgumentException("rotation fill must be finite");
        }
    }

    public static RandomRotation symmetric(double maxDegrees, double fill) {
        double d = Math.abs(maxDegrees);
        return new RandomRotation(new Range(-d, d), fill);
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        double angle = degrees.sample(rng);
        if (angle == 0) {
            return image;
        }
        return AffineWarp.rotate(image, angle, AffineWarp.fill(image.channels(), fill));
    }

    @Override
    public String toString() {
        // One number means [-D, D], so any other range, even a single angle, is printed as lo-hi.
        String range = degrees.lo() == -degrees.hi() && degrees.hi() > 0 ? Specs.number(degrees.hi())
                : Specs.number(degrees.lo()) + "-" + Specs.number(degrees.hi());
        return "rot(" + range + "," + Specs.number(fill) + ")";
    }
}
