package io.gaikan.synth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthesizerTest {

    private static final int SIZE = 48;

    @Test
    void datasetIsByteIdenticalWithOneOrTwoThreads(@TempDir Path tmp) throws Exception {
        Synthesizer synth = new Synthesizer(SynthConfig.of(SIZE, 42));
        synth.writeDataset(tmp.resolve("one"), 24, 1, 2);
        synth.writeDataset(tmp.resolve("two"), 24, 2, 2);
        TreeMap<String, String> one = hashes(tmp.resolve("one"));
        TreeMap<String, String> two = hashes(tmp.resolve("two"));
        assertEquals(24 + 2 + 4, one.size(), "24 PNGs, 2 OBJ, labels.csv, sheet.png, synth.properties, the marker");
        assertEquals(one, two);
    }

    @Test
    void renderDoesNotDependOnWhatTheThreadRenderedBefore() {
        SynthConfig config = SynthConfig.of(SIZE, 3);
        Synthesizer warm = new Synthesizer(config);
        for (int i = 0; i < 6; i++) {
            warm.render(i);
        }
        byte[] afterOthers = warm.render(4).pixels();
        byte[] alone = new Synthesizer(config).render(4).pixels();
        assertArrayEquals(alone, afterOthers);
        assertNotEquals(HexFormat.of().formatHex(alone), HexFormat.of().formatHex(warm.render(5).pixels()));
    }

    @Test
    void forEachRendersEveryIndexOnceInMemory() throws IOException {
        Synthesizer synth = new Synthesizer(SynthConfig.of(SIZE, 6).withGrey(true));
        java.util.concurrent.ConcurrentHashMap<Integer, byte[]> seen = new java.util.concurrent.ConcurrentHashMap<>();
        synth.forEach(3, 11, 2, s -> assertEquals(null, seen.put(s.index(), s.pixels())));
        assertEquals(Set.of(3, 4, 5, 6, 7, 8, 9, 10), seen.keySet());
        assertArrayEquals(new Synthesizer(SynthConfig.of(SIZE, 6).withGrey(true)).render(7).pixels(), seen.get(7));
    }

    @Test
    void okImagesHaveNoScratchPixelsAndNgImagesDo() {
        Synthesizer synth = new Synthesizer(SynthConfig.of(SIZE, 11));
        int visible = 0;
        for (int i = 0; i < 20; i++) {
            SynthSample s = synth.render(i);
            assertEquals(i % 2 == 1, s.ng(), "with ng-fraction 0.5 every second image is NG");
            if (s.ng()) {
                assertTrue(s.scratchPixelCount() > 0, "NG image " + i + " has scratch pixels");
                assertTrue(s.parameters().get("scratches") >= 1);
                visible += s.parameters().get("scratch_visible") == 1.0 ? 1 : 0;
            } else {
                assertEquals(0, s.scratchPixelCount(), "OK image " + i + " has no scratch pixels");
                assertEquals(0.0, s.parameters().get("scratches"));
            }
        }
        assertTrue(visible >= 8, "most NG scratches pass the visibility check, got " + visible + " of 10");
    }

    @Test
    void labelsCsvHasOneRowPerImageWithTheAuxiliaryLabels(@TempDir Path tmp) throws IOException {
        Synthesizer synth = new Synthesizer(SynthConfig.of(SIZE, 5).withNgFraction(0.25));
        DatasetSummary summary = synth.writeDataset(tmp, 20, 2, 0);
        assertEquals(15, summary.okCount());
        assertEquals(5, summary.ngCount());
        List<String> lines = Files.readAllLines(tmp.resolve("labels.csv"), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        assertEquals(List.of("path", "label", "lighting", "region"), List.of(header).subList(0, 4));
        assertEquals(synth.labelColumns(), List.of(header));
        assertEquals(21, lines.size());
        Set<String> lightings = Set.of("coaxial", "ring", "low-angle-left", "dome");
        int ng = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(header.length, f.length, line);
            assertTrue(Files.isRegularFile(tmp.resolve(f[0])), f[0]);
            assertTrue(f[0].startsWith(f[1] + "/"), "file lies in its class folder: " + f[0]);
            assertTrue(lightings.contains(f[2]), f[2]);
            assertTrue(f[3].equals("body") || f[3].equals("edge"), f[3]);
            ng += f[1].equals("ng") ? 1 : 0;
        }
        assertEquals(5, ng);
        try (Stream<Path> ok = Files.list(tmp.resolve("ok")); Stream<Path> bad = Files.list(tmp.resolve("ng"))) {
            assertEquals(15, ok.count());
            assertEquals(5, bad.count());
        }
        BufferedImage sheet = ImageIO.read(tmp.resolve("sheet.png").toFile());
        assertTrue(sheet.getWidth() > ContactSheet.COLUMNS * SIZE);
    }

    @Test
    void writtenPngDecodesToTheRenderedPixels(@TempDir Path tmp) throws IOException {
        for (boolean grey : new boolean[] {false, true}) {
            Synthesizer synth = new Synthesizer(SynthConfig.of(SIZE, 9).withGrey(grey));
            Path dir = tmp.resolve(grey ? "grey" : "rgb");
            synth.writeDataset(dir, 2, 1, 0);
            SynthSample s = synth.render(1);
            assertEquals(grey ? 1 : 3, s.channels());
            BufferedImage decoded = ImageIO.read(dir.resolve("ng/000001.png").toFile());
            BufferedImage expected = s.toBufferedImage();
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    assertEquals(expected.getRGB(x, y), decoded.getRGB(x, y), "pixel " + x + "," + y);
                }
            }
            assertEquals(s.pixels()[0] & 0xff, Math.round(s.toFloatImage().get(0, 0, 0) * 255));
        }
    }

    @Test
    void targetDomainIsWarmerAndNoisierThanPretrain() {
        double[] pretrain = colourAndNoise(Domain.PRETRAIN);
        double[] target = colourAndNoise(Domain.TARGET);
        // target metal is tinted towards yellow-orange: red minus blue is clearly higher on average
        assertTrue(target[0] > pretrain[0] + 3, "mean R-B pretrain " + pretrain[0] + " target " + target[0]);
        // target sensor noise is higher: mean absolute difference of horizontal neighbours grows
        assertTrue(target[1] > pretrain[1], "neighbour difference pretrain " + pretrain[1] + " target " + target[1]);
    }

    @Test
    void badSettingsAreRejectedWithTheFlagName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SynthConfig.of(8, 1)).getMessage()
                .contains("--size"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SynthConfig.of(64, 1).withScene("nope"))
                .getMessage().contains("--scene"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Domain.parse("real")).getMessage()
                .contains("pretrain or target"));
    }

    /** Mean (R - B) in grey levels and mean |I(x+1) - I(x)| of the green channel over 24 images. */
    private static double[] colourAndNoise(Domain domain) {
        Synthesizer synth = new Synthesizer(SynthConfig.of(SIZE, 1).withDomain(domain));
        double redMinusBlue = 0;
        double neighbour = 0;
        int n = 24;
        for (int i = 0; i < n; i++) {
            byte[] p = synth.render(i).pixels();
            for (int k = 0; k < p.length; k += 3) {
                redMinusBlue += (p[k] & 0xff) - (p[k + 2] & 0xff);
                if ((k / 3) % SIZE != SIZE - 1) {
                    neighbour += Math.abs((p[k + 1] & 0xff) - (p[k + 4] & 0xff));
                }
            }
        }
        int pixels = n * SIZE * SIZE;
        return new double[] {redMinusBlue / pixels, neighbour / pixels};
    }

    private static TreeMap<String, String> hashes(Path dir) throws IOException, NoSuchAlgorithmException {
        TreeMap<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                out.put(dir.relativize(f).toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }

    /** Issue 15, case 9: a smaller --count over an earlier output leaves no stale image; other folders are refused. */
    @Test
    void anEarlierOutputIsReplacedWholeAndAnyOtherFolderRefused(@TempDir Path tmp) throws Exception {
        Synthesizer synth = new Synthesizer(SynthConfig.of(SIZE, 42));
        Path out = tmp.resolve("cg");
        synth.writeDataset(out, 10, 1, 0);
        synth.writeDataset(out, 4, 1, 0);
        try (var ok = Files.list(out.resolve("ok")); var ng = Files.list(out.resolve("ng"))) {
            assertEquals(4, ok.count() + ng.count(), "no stale images of the first run");
        }
        assertEquals(5, Files.readAllLines(out.resolve("labels.csv")).size());

        Path mine = Files.createDirectories(tmp.resolve("my-data").resolve("ok"));
        Files.writeString(mine.resolve("part.txt"), "mine");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> synth.writeDataset(tmp.resolve("my-data"), 4, 1, 0));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("not an earlier 'gaikan synth' output"), e.getMessage());
        assertEquals("mine", Files.readString(mine.resolve("part.txt")));
    }
}
