package io.gaikan.augment;

import io.gaikan.data.FloatImage;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An ordered list of {@link Transform}s, written as one line so it fits in a flag or config and is recorded in a run.
 * {@code Pipeline.parse(p.toString())} equals {@code p}.
 *
 * <h2>Grammar</h2>
 * <pre>
 * pipeline := "none" | step (";" step)*          blanks around tokens are ignored
 * step     := name | name "(" [arg ("," arg)*] ")" | randaug
 * arg      := number | range | word
 * range    := number "-" number                   e.g. 0.08-1, -10-10, 4-8 (a leading minus is a sign)
 * randaug  := "rand" ("-" key number)*            timm's string, keys m n p mstd mmax inc, e.g. rand-m9-mstd0.5-inc1
 * </pre>
 * Steps ([optional] arguments, defaults in the op's class javadoc):
 * <ul>
 *   <li>{@code resize(S)} shorter side to S; {@code resize(H,W)} exact size ({@link Resize})</li>
 *   <li>{@code ccrop(S)} / {@code ccrop(H,W)} centre crop ({@link CenterCrop})</li>
 *   <li>{@code normalize(imagenet)} or {@code normalize(m0,m1,m2,s0,s1,s2)} ({@link Normalize})</li>
 *   <li>{@code hflip(p)}, {@code vflip(p)}, p defaults to 0.5 ({@link Flip})</li>
 *   <li>{@code rot(D[,fill])} angle uniform in [-D, D]; {@code rot(lo-hi[,fill])} ({@link RandomRotation})</li>
 *   <li>{@code rrc(S[,scale[,ratio]])} RandomResizedCrop, defaults 0.08-1 and 0.75-1.333.. ({@link RandomResizedCrop})</li>
 *   <li>{@code jitter(b[,c[,s[,h]]])} colour jitter ({@link ColorJitter})</li>
 *   <li>{@code cutout(holes,h[,w[,fill[,p]]])}, holes/h/w a number or lo-hi range ({@link Cutout})</li>
 *   <li>{@code gridshuffle(rows[,cols[,p]])} ({@link GridShuffle})</li>
 *   <li>{@code rand-m9-n2-p0.5-mstd0.5-mmax10-inc1} timm RandAugment ({@link RandAugment})</li>
 * </ul>
 * Example: {@code rrc(224,0.08-1,0.75-1.333);hflip(0.5);vflip(0.5);rot(30,0);jitter(0.4,0.4,0.4,0.1);
 * cutout(4-8,16,16,0);gridshuffle(3,3);rand-m9-mstd0.5-inc1;normalize(imagenet)}.
 * Colour, RandAugment and fill values assume pixels in [0, 1], so {@code normalize} normally comes last.
 * A malformed step throws {@link AugmentSpecException} naming that step.
 *
 * <h2>Determinism</h2>
 * The only randomness is the generator passed to {@link #apply(FloatImage, RandomGenerator)}; the same image and seed
 * give the same output on any thread. A loader seeds each sample with {@link #sampleSeed(long, long, long)}.
 */
public record Pipeline(List<Transform> transforms) {

    /** The token for a pipeline without steps. */
    public static final String EMPTY = "none";

    public Pipeline {
        transforms = List.copyOf(transforms);
    }

    public static Pipeline of(Transform... transforms) {
        return new Pipeline(List.of(transforms));
    }

    /** Parses the one-line grammar above. */
    public static Pipeline parse(String spec) {
        return new Pipeline(PipelineParser.parse(spec));
    }

    public FloatImage apply(FloatImage image, RandomGenerator rng) {
        FloatImage out = image;
        for (Transform t : transforms) {
            out = t.apply(out, rng);
        }
        return out;
    }

    /** Applies with a fresh generator seeded by {@code seed}: same image and seed, same output. */
    public FloatImage apply(FloatImage image, long seed) {
        return apply(image, new SplittableRandom(seed));
    }

    /** This pipeline followed by {@code more}. */
    public Pipeline then(Transform... more) {
        return new Pipeline(Stream.concat(transforms.stream(), Arrays.stream(more)).toList());
    }

    /** The last normalisation, which a viewer inverts to show the pixels. */
    public Optional<Normalize> normalization() {
        for (int i = transforms.size() - 1; i >= 0; i--) {
            if (transforms.get(i) instanceof Normalize n) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /**
     * A well-mixed seed for one sample of one epoch, so that every (run seed, epoch, index) gets its own stream
     * independent of which thread handles it or in what order.
     */
    public static long sampleSeed(long runSeed, long epoch, long index) {
        long z = mix(runSeed + 0x9E3779B97F4A7C15L);
        z = mix(z ^ (epoch * 0xC2B2AE3D27D4EB4FL));
        return mix(z ^ (index * 0x165667B19E3779F9L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return transforms.isEmpty() ? EMPTY : transforms.stream().map(Transform::toString).collect(Collectors.joining(";"));
    }
}
