package io.gaikan.data;

import io.gaikan.testing.ToyImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataTest {

    @Test
    void imageFolderScansSortedClassesAndRejectsEmptyClass(@TempDir Path dir) throws Exception {
        ToyImages.folder(dir, 3, 16, 1);
        Dataset data = Dataset.open(dir);
        assertEquals(List.of("stripes_h", "stripes_v"), data.classes());
        assertEquals(6, data.samples().size());
        Files.createDirectories(dir.resolve("zzz_empty"));
        DataException e = assertThrows(DataException.class, () -> ImageFolder.scan(dir));
        assertTrue(e.getMessage().contains("zzz_empty"), e.getMessage());
    }

    @Test
    void truncatedJpegIsNamedAndSkippable(@TempDir Path dir) throws Exception {
        ToyImages.folder(dir, 4, 32, 2);
        Path good = dir.resolve("stripes_h/extra.jpg");
        ToyImages.write(ToyImages.stripes(64, false, new Random(3)), good);
        byte[] bytes = Files.readAllBytes(good);
        Path bad = dir.resolve("stripes_h/broken.jpg");
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Dataset data = Dataset.open(dir);
        DataCheck check = DataCheck.run(data, 2);
        assertEquals(Set.of(bad), check.bad().keySet());
        DataException e = assertThrows(DataException.class, () -> check.apply(data, false));
        assertTrue(e.getMessage().contains("broken.jpg") && !e.getMessage().contains("\n"), e.getMessage());
        assertEquals(data.samples().size() - 1, check.apply(data, true).samples().size());
    }

    @Test
    void greyImagesBecomeThreeEqualChannels(@TempDir Path dir) throws Exception {
        java.awt.image.BufferedImage grey = new java.awt.image.BufferedImage(5, 4, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(2, 1, 0, 255);
        Path f = dir.resolve("g.png");
        ToyImages.write(grey, f);
        FloatImage img = ImageDecoder.readFloat(f);
        assertEquals(3, img.channels());
        assertEquals(4, img.height());
        assertEquals(1f, img.get(0, 1, 2));
        assertEquals(1f, img.get(2, 1, 2));
        assertEquals(0f, img.get(1, 0, 0));
    }

    @Test
    void splitIsDisjointStratifiedAndKeepsDuplicatesOnOneSide(@TempDir Path dir) throws Exception {
        ToyImages.folder(dir, 20, 16, 4);
        // three byte-identical copies of one image
        Path original = dir.resolve("stripes_v/img_000.png");
        Files.copy(original, dir.resolve("stripes_v/copy_a.png"));
        Files.copy(original, dir.resolve("stripes_v/copy_b.png"));
        Dataset data = Dataset.open(dir);
        DataCheck check = DataCheck.run(data, 2);
        Split split = Split.stratified(data, check.hashes(), 0.2, 0.3, 7);
        assertEquals(2, split.duplicates().size());
        Set<Path> all = new HashSet<>();
        for (List<Path> part : List.of(split.train(), split.val(), split.test())) {
            for (Path p : part) {
                assertTrue(all.add(p), "image in two subsets: " + p);
            }
        }
        assertEquals(40, all.size());
        Set<String> trainHashes = new HashSet<>();
        split.train().forEach(p -> trainHashes.add(check.hashes().get(p)));
        for (Path p : split.test()) {
            assertTrue(!trainHashes.contains(check.hashes().get(p)), "test image duplicates a training image: " + p);
        }
        long testV = split.test().stream().filter(p -> p.toString().contains("stripes_v")).count();
        assertEquals(6, testV);

        Path file = dir.resolve("split.csv");
        split.save(file, data.root());
        assertEquals(split, Split.load(file, data.root()));
    }

    @Test
    void shotSubsetsNestAndKeepTheTestSetFixed(@TempDir Path dir) {
        ToyImages.folder(dir, 30, 16, 5);
        Dataset data = Dataset.open(dir);
        Split split = Split.stratified(data, DataCheck.run(data, 2).hashes(), 0.1, 0.3, 11);
        Split one = split.withShots(data, 1, 3);
        Split four = split.withShots(data, 4, 3);
        Split eight = split.withShots(data, 8, 3);
        assertEquals(2, one.train().size());
        assertEquals(16, eight.train().size());
        assertTrue(four.train().containsAll(one.train()));
        assertTrue(eight.train().containsAll(four.train()));
        assertEquals(split.test(), eight.test());
        assertEquals(split.val(), one.val());
        DataException e = assertThrows(DataException.class, () -> split.withShots(data, 100, 3));
        assertTrue(e.getMessage().contains("--shots 100"));
    }

    @Test
    void manifestReadsAttributesAndNamesMissingFiles(@TempDir Path dir) throws Exception {
        ToyImages.folder(dir, 2, 16, 6);
        Files.writeString(dir.resolve("m.csv"), "path,label,light\nstripes_h/img_000.png,h,ring\nstripes_v/img_001.png,v,\n");
        Dataset data = Dataset.open(dir.resolve("m.csv"));
        assertEquals(List.of("h", "v"), data.classes());
        assertEquals("ring", data.samples().get(0).attributes().get("light"));
        assertEquals("", data.samples().get(1).attributes().get("light"));
        Files.writeString(dir.resolve("bad.csv"), "path,label\nnowhere.png,h\n");
        DataException e = assertThrows(DataException.class, () -> Dataset.open(dir.resolve("bad.csv")));
        assertTrue(e.getMessage().contains("nowhere.png"), e.getMessage());
    }
}
