package io.gaikan.data;

import io.gaikan.testing.ToyImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15, cases 6, 9 and 10: data that used to be read wrongly or fail with an unclear message. */
class DataInputsTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static Path folder(Path root) {
        Random rng = new Random(2);
        for (String cls : new String[]{"ok", "ng"}) {
            for (int i = 0; i < 4; i++) {
                ToyImages.write(ToyImages.stripes(16, cls.equals("ng"), rng), root.resolve(cls).resolve(cls + i + ".png"));
            }
        }
        return root;
    }

    @Test
    void runAndExperimentDirectoriesInsideTheDataAreNoClasses(@TempDir Path tmp) throws Exception {
        Path data = folder(tmp.resolve("data"));
        Path run = data.resolve("runs");
        ToyImages.write(ToyImages.stripes(16, true, new Random(1)), run.resolve("curves.png"));
        Files.writeString(run.resolve("run.json"), "{}");
        assertEquals(List.of("ng", "ok"), ImageFolder.scan(data).classes());
    }

    @Test
    void filesAndFoldersThatAreNotReadAreCounted(@TempDir Path tmp) throws Exception {
        Path data = folder(tmp.resolve("data"));
        Files.copy(data.resolve("ok/ok0.png"), data.resolve("ok/photo-without-extension"));
        Files.writeString(data.resolve("ng/notes.txt"), "scratch on the left");
        Files.createDirectories(data.resolve(".thumbnails/ok"));
        Files.copy(data.resolve("ok/ok1.png"), data.resolve(".thumbnails/ok/ok1.png"));
        Files.writeString(data.resolve("README"), "casting parts");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PreparedData prepared = PreparedData.prepare(DataOptions.of(data), 2, new PrintStream(log, true, StandardCharsets.UTF_8));
        Path abs = data.toAbsolutePath().normalize();
        assertEquals(List.of(abs.resolve(".thumbnails"), abs.resolve("README"), abs.resolve("ng/notes.txt"),
                abs.resolve("ok/photo-without-extension")), prepared.notRead());
        assertEquals(8, prepared.data().samples().size());
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("data: 4 file(s) or folder(s) under " + data + " not read as images"), text);
    }

    @Test
    void symlinkedClassFoldersAreFollowed(@TempDir Path tmp) throws Exception {
        Path elsewhere = folder(tmp.resolve("elsewhere"));
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.createSymbolicLink(data.resolve("ok"), elsewhere.resolve("ok"));
        Files.createSymbolicLink(data.resolve("ng"), elsewhere.resolve("ng"));
        assertEquals(8, ImageFolder.scan(data).samples().size());
    }

    @Test
    void manifestsInUtf8WithByteOrderMarkLoadAndOtherEncodingsAreNamed(@TempDir Path tmp) throws Exception {
        Path data = folder(tmp.resolve("data"));
        String text = "path,label\nok/ok0.png,良品\nng/ng0.png,不良\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        Files.write(data.resolve("excel.csv"), withBom);
        Dataset d = CsvManifest.read(data.resolve("excel.csv"));
        assertEquals(List.of("不良", "良品"), d.classes());

        Files.write(data.resolve("sjis.csv"), text.getBytes(Charset.forName("Shift_JIS")));
        DataException e = assertThrows(DataException.class, () -> CsvManifest.read(data.resolve("sjis.csv")));
        assertTrue(e.getMessage().contains("is not UTF-8") && e.getMessage().contains("sjis.csv"), e.getMessage());
    }

    @Test
    void aLabelSeenOnceIsNamedAsAProbableTypo(@TempDir Path tmp) throws Exception {
        Path data = folder(tmp.resolve("data"));
        Files.writeString(data.resolve("labels.csv"), "path,label\nok/ok0.png,ok\nok/ok1.png,ok\nok/ok2.png,ok\n"
                + "ng/ng0.png,ng\nng/ng1.png,ng\nng/ng2.png,gn\nng/ng3.png,ng\n");
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        PreparedData.prepare(DataOptions.of(data.resolve("labels.csv")), 2, new PrintStream(log, true, StandardCharsets.UTF_8));
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("class 'gn' has only 1 image(s) (ng/ng2.png): a typo in its label?"), text);
        assertFalse(text.contains("class 'ok'"), text);
    }

    @Test
    void hugeImagesAreRefusedFromTheirHeaderBeforeDecoding(@TempDir Path tmp) throws Exception {
        Path png = tmp.resolve("huge.png");
        Files.write(png, pngHeaderOnly(20000, 20000));
        DataException e = assertThrows(DataException.class, () -> ImageDecoder.read(png));
        assertTrue(e.getMessage().contains("huge.png") && e.getMessage().contains("20000 x 20000"), e.getMessage());
    }

    @Test
    void identicalImagesUnderTwoLabelsAreAnErrorUnlessToldOtherwise(@TempDir Path tmp) throws Exception {
        Path data = folder(tmp.resolve("data"));
        Files.copy(data.resolve("ok/ok0.png"), data.resolve("ng/copy-of-ok0.png"));
        DataException e = assertThrows(DataException.class,
                () -> PreparedData.prepare(DataOptions.of(data), 2, QUIET));
        assertTrue(e.getMessage().contains("ok/ok0.png (ok)") && e.getMessage().contains("ng/copy-of-ok0.png (ng)")
                && e.getMessage().contains("--on-conflict"), e.getMessage());

        DataOptions base = DataOptions.of(data);
        PreparedData dropped = PreparedData.prepare(new DataOptions(data, null, null, base.valFraction(), base.testFraction(),
                0, 42, false, List.of(), DataOptions.LabelConflicts.DROP), 2, QUIET);
        assertEquals(7, dropped.split().train().size() + dropped.split().val().size() + dropped.split().test().size());
        PreparedData kept = PreparedData.prepare(new DataOptions(data, null, null, base.valFraction(), base.testFraction(),
                0, 42, false, List.of(), DataOptions.LabelConflicts.KEEP_FIRST), 2, QUIET);
        assertEquals(8, kept.split().train().size() + kept.split().val().size() + kept.split().test().size());
    }

    /** A valid PNG signature and IHDR claiming {@code w} x {@code h} grey pixels, and one tiny IDAT: no pixels behind. */
    private static byte[] pngHeaderOnly(int w, int h) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[]{8, 0, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[16]);
        deflater.finish();
        byte[] z = new byte[64];
        int n = deflater.deflate(z);
        chunk(out, "IDAT", java.util.Arrays.copyOf(z, n));
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws Exception {
        out.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
