package io.gaikan.augment;

import io.gaikan.data.FloatImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineTest {

    private static final String EXAMPLE = "rrc(64,0.08-1,0.75-1.333);hflip(0.5);vflip(0.5);rot(30,0);"
            + "jitter(0.4,0.4,0.4,0.1);cutout(4-8,16,16,0);gridshuffle(3,3);rand-m9-mstd0.5-inc1;normalize(imagenet)";

    @Test
    void parsesTheExampleIntoTheExpectedTransforms() {
        Pipeline p = Pipeline.parse(EXAMPLE);
        assertEquals(List.of(
                new RandomResizedCrop(64, new Range(0.08, 1), new Range(0.75, 1.333)),
                Flip.horizontal(0.5),
                Flip.vertical(0.5),
                new RandomRotation(new Range(-30, 30), 0),
                new ColorJitter(0.4, 0.4, 0.4, 0.1),
                new Cutout(new IntRange(4, 8), IntRange.of(16), IntRange.of(16), 0, 1),
                new GridShuffle(3, 3, 1),
                new RandAugment(9, 2, 0.5, 0.5, 10, true),
                Normalize.IMAGENET), p.transforms());
        assertEquals(EXAMPLE, p.toString(), "the example is already in canonical form");
    }

    @Test
    void printAndParseRoundTrip() {
        List<String> specs = List.of(EXAMPLE, "none", "resize(256);ccrop(224);normalize(imagenet)",
                "resize(224,200);ccrop(20,30);normalize(0.5,0.25)", "normalize(0.1,0.2,0.3,0.4,0.5,0.6)",
                "rot(-10-20,0.5);rot(5-5);rot(0)", "rrc(32)", "hflip;vflip(1)", "jitter(0.2)",
                "cutout(1,2-5,3,0.5,0.25)", "gridshuffle(2,4,0.5)", "rand", "rand-m15-n3-p0.7-mstd101-mmax20-inc1",
                " rrc( 32 , 0.5-1 ) ; hflip( 0.25 ) ; ");
        for (String spec : specs) {
            Pipeline p = Pipeline.parse(spec);
            assertEquals(p, Pipeline.parse(p.toString()), spec + " -> " + p);
        }
        for (String preset : Pipelines.presetNames()) {
            Pipeline p = Pipelines.train(preset, 224);
            assertEquals(p, Pipeline.parse(p.toString()), preset + " -> " + p);
        }
        Pipeline built = Pipeline.of(new RandomResizedCrop(48, new Range(1e-4, 0.3), new Range(1.0 / 3, 3)),
                new ColorJitter(0.1 + 0.2, 0, 1e-7, 0.5));
        assertEquals(built, Pipeline.parse(built.toString()), built.toString());
    }

    @Test
    void badTokensAreNamedInTheError() {
        assertError("rrc(64);hflip(2);normalize", "'hflip(2)'", "probability");
        assertError("rot(abc,0)", "'rot(abc,0)'", "'abc' is not a finite number");
        assertError("hflip(0.5);blur(3)", "'blur(3)'", "unknown transform 'blur'");
        assertError("rrc()", "'rrc()'", "expected 1 to 3 argument(s)");
        assertError("resize(1,2,3)", "'resize(1,2,3)'", "usage: resize(");
        assertError("cutout(4-8)", "'cutout(4-8)'", "expected 2 to 5");
        assertError("cutout(8-4,3)", "'cutout(8-4,3)'", "holes");
        assertError("rrc(64,0.5-2)", "'rrc(64,0.5-2)'", "scale must lie in (0, 1]");
        assertError("gridshuffle(3,,1)", "'gridshuffle(3,,1)'", "empty argument");
        assertError("hflip(0.5", "'hflip(0.5'", "expected name or name(arg,...)");
        assertError("rand-m9-q1", "'rand-m9-q1'", "unknown section 'q1'");
        assertError("normalize(0.5,0.5,0.5)", "'normalize(0.5,0.5,0.5)'", "as many std");
    }

    @Test
    void sameSeedSameOutputOnAnyThreadAndDifferentSeedsDiffer() {
        Pipeline p = Pipeline.parse(EXAMPLE.replace("rrc(64", "rrc(24"));
        FloatImage img = SampleImages.random(3, 40, 50, 1);
        assertArrayEquals(p.apply(img, 42L).data(), p.apply(img, 42L).data());
        assertFalse(java.util.Arrays.equals(p.apply(img, 42L).data(), p.apply(img, 43L).data()));
        List<float[]> serial = LongStream.range(0, 48).mapToObj(s -> p.apply(img, s).data()).toList();
        List<float[]> parallel = LongStream.range(0, 48).parallel().mapToObj(s -> p.apply(img, s).data()).toList();
        for (int i = 0; i < serial.size(); i++) {
            assertArrayEquals(serial.get(i), parallel.get(i), "seed " + i);
        }
    }

    @Test
    void sampleSeedsDifferAcrossEpochsAndIndices() {
        Set<Long> seeds = IntStream.range(0, 50).boxed()
                .flatMap(e -> IntStream.range(0, 50).mapToObj(i -> Pipeline.sampleSeed(7, e, i)))
                .collect(Collectors.toSet());
        assertEquals(2500, seeds.size());
        assertEquals(Pipeline.sampleSeed(7, 3, 4), Pipeline.sampleSeed(7, 3, 4));
    }

    @Test
    void evalPipelineResizesTheWholeImageAndNormalises() {
        Pipeline eval = Pipelines.eval(224);
        assertEquals("resize(224,224);normalize(imagenet)", eval.toString());
        FloatImage out = eval.apply(SampleImages.random(3, 300, 400, 2), 0L);
        assertEquals(List.of(3, 224, 224), List.of(out.channels(), out.height(), out.width()));
        // a flat 0.485/0.456/0.406 image normalises to 0
        float[] d = new float[3 * 40 * 30];
        for (int i = 0; i < d.length; i++) {
            d[i] = new float[]{0.485f, 0.456f, 0.406f}[i / 1200];
        }
        for (float v : Pipelines.eval(16).apply(new FloatImage(3, 40, 30, d), 0L).data()) {
            assertEquals(0f, v, 1e-5f);
        }
    }

    @Test
    void trainPresetsAndCustomSpecsGiveTheRequestedSize() {
        FloatImage img = SampleImages.random(3, 50, 70, 3);
        for (String spec : List.of("", "default", "randaug", "defect", "none", "rrc(32);hflip(0.5);normalize")) {
            FloatImage out = Pipelines.train(spec, 32).apply(img, 5L);
            assertEquals(List.of(3, 32, 32), List.of(out.channels(), out.height(), out.width()), spec);
        }
        assertEquals("resize(32,32);hflip(0.5);vflip(0.5);normalize(imagenet)",
                Pipelines.train("default", 32).toString());
        assertThrows(AugmentSpecException.class, () -> Pipelines.train("defualt", 32));
    }

    @Test
    void previewWritesADenormalisedGrid(@TempDir Path dir) throws Exception {
        Pipeline p = Pipelines.train("randaug", 20);
        FloatImage src = SampleImages.random(3, 30, 30, 4);
        List<FloatImage> samples = AugmentPreview.samples(src, p, 5, 1);
        Path png = dir.resolve("sub/preview.png");
        AugmentPreview.write(samples, p, png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(3 * 24 + 4, read.getWidth()); // 3 columns of 20 px with 4 px gaps
        assertEquals(2 * 24 + 4, read.getHeight());
        // denormalising restores the pixel: a mid-grey normalised image shows as grey 128
        FloatImage grey = Normalize.IMAGENET.apply(new FloatImage(3, 1, 1, new float[]{0.5f, 0.5f, 0.5f}), null);
        int rgb = AugmentPreview.toImage(grey, p.normalization()).getRGB(0, 0) & 0xffffff;
        assertEquals(0x808080, rgb);
    }

    private static void assertError(String spec, String... fragments) {
        AugmentSpecException e = assertThrows(AugmentSpecException.class, () -> Pipeline.parse(spec), spec);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' lacks " + fragment);
        }
    }
}
