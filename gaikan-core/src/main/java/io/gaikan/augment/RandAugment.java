package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * timm's RandAugment, configured by timm's own string ({@code rand-m9-mstd0.5-inc1}). Per image, {@code numOps} ops are
 * drawn with replacement from timm's standard set, or the "increasing" set when {@code inc1}; each is applied with
 * probability {@code prob} at a magnitude drawn from N(magnitude, magnitudeStd^2) (uniform on [0, magnitude] when the
 * std is above 100, timm's "infinite" std) and clipped to [0, magnitudeMax].
 *
 * <p>Sections after {@code rand}, separated by {@code -}, in any order: {@code m} magnitude (int, default 10),
 * {@code n} ops per image (int, default 2), {@code p} probability of each op (default 0.5), {@code mstd} magnitude
 * noise std (default 0), {@code mmax} magnitude clip (int, default 10), {@code inc} 1 = increasing op set (default 0).
 * Unlike timm, {@code inc0} means off (timm's {@code bool("0")} is true). timm's {@code t} (weighted op sets) is not
 * supported.
 *
 * <p>Expects values in [0, 1], so place it before {@code normalize}.
 */
public record RandAugment(int magnitude, int numOps, double prob, double magnitudeStd, int magnitudeMax,
                          boolean increasing) implements Transform {

    public static final int DEFAULT_MAGNITUDE = 10;
    public static final int DEFAULT_NUM_OPS = 2;
    public static final double DEFAULT_PROB = 0.5;
    public static final int DEFAULT_MAGNITUDE_MAX = 10;
    /** timm treats an {@code mstd} above this as infinite: uniform magnitude sampling. */
    public static final double UNIFORM_STD_THRESHOLD = 100;

    public RandAugment {
        if (magnitude < 0) {
            throw new IllegalArgumentException("magnitude m must be >= 0, got " + magnitude);
        }
        if (numOps < 0) {
            throw new IllegalArgumentException("number of ops n must be >= 0, got " + numOps);
        }
        Specs.probability(prob, "op probability p");
        Specs.nonNegative(magnitudeStd, "magnitude std mstd");
        Specs.positive(magnitudeMax, "magnitude max mmax");
    }

    /** Parses a timm RandAugment string such as {@code rand-m9-n2-mstd0.5-inc1}. */
    public static RandAugment parse(String spec) {
        String[] sections = spec.trim().split("-", -1);
        if (!sections[0].equals("rand")) {
            throw new AugmentSpecException(spec, "a RandAugment string starts with 'rand'");
        }
        int m = DEFAULT_MAGNITUDE;
        int n = DEFAULT_NUM_OPS;
        double p = DEFAULT_PROB;
        double mstd = 0;
        int mmax = DEFAULT_MAGNITUDE_MAX;
        boolean inc = false;
        for (int i = 1; i < sections.length; i++) {
            String section = sections[i];
            int split = 0;
            while (split < section.length() && !Character.isDigit(section.charAt(split))) {
                split++;
            }
            String key = section.substring(0, split);
            String value = section.substring(split);
            if (value.isEmpty()) {
                throw new AugmentSpecException(spec, "section '" + section + "' has no number (expected m, n, p, "
                        + "mstd, mmax or inc followed by a number)");
            }
            try {
                switch (key) {
                    case "m" -> m = Integer.parseInt(value);
                    case "n" -> n = Integer.parseInt(value);
                    case "p" -> p = Double.parseDouble(value);
                    case "mstd" -> mstd = Double.parseDouble(value);
                    case "mmax" -> mmax = Integer.parseInt(value);
                    case "inc" -> inc = Integer.parseInt(value) != 0;
                    default -> throw new AugmentSpecException(spec, "unknown section '" + section
                            + "' (expected m, n, p, mstd, mmax or inc followed by a number)");
                }
            } catch (NumberFormatException e) {
                throw new AugmentSpecException(spec, "section '" + section + "' has a bad number '" + value + "'");
            }
        }
        try {
            return new RandAugment(m, n, p, mstd, mmax, inc);
        } catch (AugmentSpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new AugmentSpecException(spec, e.getMessage());
        }
    }

    /** The op set in use, timm's {@code _RAND_TRANSFORMS} or {@code _RAND_INCREASING_TRANSFORMS}. */
    public List<String> opNames() {
        return ops().stream().map(op -> op.timmName).toList();
    }

    List<RandAugmentOp> ops() {
        return increasing ? RandAugmentOp.INCREASING : RandAugmentOp.STANDARD;
    }

    @Override
    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        List<RandAugmentOp> ops = ops();
        FloatImage out = image;
        for (int i = 0; i < numOps; i++) {
            RandAugmentOp op = ops.get(rng.nextInt(ops.size()));
            if (prob < 1.0 && rng.nextDouble() > prob) {
                continue;
            }
            out = op.apply(out, level(rng), rng);
        }
        return out;
    }

    /** The magnitude for one op application: timm's AugmentOp noise and clipping. */
    double level(RandomGenerator rng) {
        double level = magnitude;
        if (magnitudeStd > UNIFORM_STD_THRESHOLD) {
            level = rng.nextDouble() * magnitude;
        } else if (magnitudeStd > 0) {
            level = magnitude + magnitudeStd * rng.nextGaussian();
        }
        return Math.max(0.0, Math.min(level, magnitudeMax));
    }

    /** timm's string, with only the sections that differ from the defaults (m always). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("rand-m").append(magnitude);
        if (numOps != DEFAULT_NUM_OPS) {
            sb.append("-n").append(numOps);
        }
        if (prob != DEFAULT_PROB) {
            sb.append("-p").append(Specs.number(prob));
        }
        if (magnitudeStd != 0) {
            sb.append("-mstd").append(Specs.number(magnitudeStd));
        }
        if (magnitudeMax != DEFAULT_MAGNITUDE_MAX) {
            sb.append("-mmax").append(magnitudeMax);
        }
        if (increasing) {
            sb.append("-inc1");
        }
        return sb.toString();
    }
}
