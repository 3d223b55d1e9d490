package io.gaikan.synth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FamilySceneTest {

    private static final int SIZE = 64;

    @Test
    void mixtureWithMasksIsByteIdenticalWithOneOrTwoThreads(@TempDir Path tmp) throws Exception {
        Synthesizer synth = new Synthesizer(SynthConfig.of(SIZE, 7).withScene(Scenes.mixtureName("all")));
        synth.writeDataset(tmp.resolve("one"), 32, 1, 0, tmp.resolve("one-masks"));
        synth.writeDataset(tmp.resolve("two"), 32, 2, 0, tmp.resolve("two-masks"));
        assertEquals(hashes(tmp.resolve("one")), hashes(tmp.resolve("two")));
        assertEquals(hashes(tmp.resolve("one-masks")), hashes(tmp.resolve("two-masks")));
        assertEquals(32, hashes(tmp.resolve("one-masks")).size());
    }

    /**
     * The OK and NG renders of one index differ only by the defect, so the mask must be where they differ: the mean
     * absolute difference inside the mask is many times that outside (outside, only exposure and blur spill change).
     */
    @Test
    void everyFamilyMasksExactlyWhereItsDefectChangedTheImage() {
        for (String family : List.of("cast", "strip", "tile")) {
            Synthesizer synth = new Synthesizer(SynthConfig.of(SIZE, 3).withScene(family).withGrey(true));
            Set<String> kinds = new HashSet<>();
            double inside = 0, outside = 0;
            long nIn = 0, nOut = 0;
            for (int i = 0; i < 40; i++) {
                SynthSample ng = synth.render(i, true);
                SynthSample ok = synth.render(i, false);
                assertEquals(0, ok.scratchPixelCount(), family + " OK image " + i + " has no defect pixels");
                assertEquals("ok", ok.label());
                assertTrue(ng.scratchPixelCount() > 0 || ng.parameters().get("defect_pixels") == 0,
                        family + " NG image " + i + ": the mask counts what the defects drew");
                assertEquals(ng.parameters().get("defect_pixels"), (double) ng.scratchPixelCount());
                kinds.add(ng.label());
                assertEquals(family, ng.family());
                byte[] mask = ng.scratchMask();
                for (int k = 0; k < mask.length; k++) {
                    int d = Math.abs((ng.pixels()[k] & 0xff) - (ok.pixels()[k] & 0xff));
                    if (mask[k] != 0) {
                        inside += d;
                        nIn++;
                    } else {
                        outside += d;
                        nOut++;
                    }
                }
            }
            assertEquals(Set.copyOf(((FamilyScene) Scenes.byName(family)).defectKinds()), kinds,
                    family + ": 40 NG images show every defect kind");
            double in = inside / nIn, out = outside / nOut;
            assertTrue(in > 5 * out && in > 4, family + ": mean |NG - OK| inside mask " + in + ", outside " + out);
        }
    }

    @Test
    void mixtureLabelsNameTheKindAndTheFamily(@TempDir Path tmp) throws IOException {
        Synthesizer synth = new Synthesizer(SynthConfig.of(48, 2).withScene(Scenes.mixtureName("tile,metal")));
        synth.writeDataset(tmp, 40, 2, 0);
        List<String> lines = Files.readAllLines(tmp.resolve("labels.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        assertEquals(List.of("path", "label", "lighting", "region", "family"), header.subList(0, 5));
        Set<String> families = new HashSet<>();
        Set<String> tileKinds = Set.copyOf(new TileScene().defectKinds());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(header.size(), f.length, line);
            assertTrue(f[0].startsWith(f[1] + "/"), f[0]);
            families.add(f[4]);
            if (!f[1].equals("ok")) {
                assertTrue(f[4].equals("metal") ? f[1].equals("scratch") : tileKinds.contains(f[1]), line);
            }
            // the other family's parameter columns stay empty
            assertEquals(f[4].equals("metal"), !f[header.indexOf("grind_marks")].isEmpty(), line);
        }
        assertEquals(Set.of("tile", "metal"), families);
        List<String> kinds = new java.util.ArrayList<>(new TileScene().defectKinds());
        kinds.add("scratch");
        assertEquals(kinds, Scenes.byName(Scenes.mixtureName("tile,metal")).defectKinds());
    }

    @Test
    void unknownFamilyIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenes.mixtureName("cast,wood"));
        assertTrue(e.getMessage().contains("'wood'") && e.getMessage().contains("--families"), e.getMessage());
        assertEquals("families:cast,strip,tile,metal", Scenes.mixtureName("all"));
    }

    private static TreeMap<String, String> hashes(Path dir) throws Exception {
        TreeMap<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                out.put(dir.relativize(f).toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }
}
