package io.gaikan.synth;

import io.gaikan.concurrent.ThreadPools;
import io.gaikan.data.FileTrees;
import io.gaikan.text.Csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Renders synthetic defect images: {@link #render} one in memory, {@link #writeDataset} an ImageFolder tree.
 * Image i draws everything from its own generator seeded by (seed, domain, i), so any image can be rendered on
 * its own and a dataset is byte-identical whatever the thread count.
 */
public final class Synthesizer {

    /** OK and NG samples each on the contact sheet. */
    public static final int SHEET_PER_CLASS = 16;
    private static final int SHEET_TILE = 128;

    private final SynthConfig config;
    private final Scene scene;
    /** Scratch arrays per rendering thread (one Synthesizer is shared by the writer's threads). */
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    public Synthesizer(SynthConfig config) {
        this.config = config;
        this.scene = Scenes.byName(config.scene());
    }

    public SynthConfig config() {
        return config;
    }

    /** Renders image {@code index} (its class follows {@link SynthConfig#isNg}). */
    public SynthSample render(int index) {
        return render(index, config.isNg(index));
    }

    /**
     * Renders image {@code index} as the given class. The scene draws the scratches last, so the OK and NG renders
     * of one index share surface, lighting, material and camera and differ only in the scratches (and the sensor
     * noise): matched pairs, e.g. for tests or for judging what a model looks at.
     */
    public SynthSample render(int index, boolean ng) {
        if (index < 0) {
            throw new IllegalArgumentException("image index " + index + " is negative");
        }
        return scene.render(config, index, ng, new SplittableRandom(imageSeed(config.seed(), config.domain(), index)),
                workspaces.get());
    }

    /** The labels.csv header: path, label, lighting, region, family, then the scene's drawn parameters. */
    public List<String> labelColumns() {
        List<String> cols = new ArrayList<>(List.of("path", "label", "lighting", "region", "family"));
        cols.addAll(scene.parameterNames());
        return cols;
    }

    /** What a {@link #forEach} sink does with one sample; may throw IOException. */
    @FunctionalInterface
    public interface SampleSink {
        void accept(SynthSample sample) throws IOException;
    }

    /**
     * Renders images {@code from} (inclusive) to {@code to} (exclusive) on {@code threads} threads and hands each
     * to {@code sink}, concurrently and in no particular order (the sink must be thread-safe). For in-memory use,
     * e.g. CG pretraining without files: keep what you need ({@link SynthSample#toFloatImage()}, the labels) and
     * drop the sample, which also holds its height field.
     */
    public void forEach(int from, int to, int threads, SampleSink sink) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads " + threads + " must be at least 1");
        }
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService pool = ThreadPools.fixed(threads, "render");
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                        sink.accept(render(i));
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("rendering failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Writes {@code count} images to dir/ok and dir/ng (or dir/KIND per defect kind) as PNG, dir/labels.csv (one row per image, in index order),
     * dir/sheet.png (the first {@value #SHEET_PER_CLASS} OK and NG images), dir/synth.properties (the config),
     * and, for the first {@code objCount} images, the surface mesh as dir/obj/NNNNNN.obj.
     */
    public DatasetSummary writeDataset(Path dir, int count, int threads, int objCount) throws IOException {
        return writeDataset(dir, count, threads, objCount, null);
    }

    /**
     * As {@link #writeDataset(Path, int, int, int)}; with {@code masks} not null, also every image's scratch mask as
     * masks/CLASS/NAME.png (8-bit grey, 255 = scratch; all 0 for OK images), named like the image, for measuring
     * where an anomaly map or heat map points.
     */
    public DatasetSummary writeDataset(Path dir, int count, int threads, int objCount, Path masks) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("--count " + count + " must be at least 1");
        }
        long start = System.nanoTime();
        clearPreviousOutput(dir);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "written by gaikan synth\n"); // first: a killed render is still ours
        Files.createDirectories(dir.resolve("ok"));
        if (objCount > 0) {
            Files.createDirectories(dir.resolve("obj"));
        }
        if (masks != null) {
            Files.createDirectories(masks.resolve("ok"));
        }
        List<List<String>> rows = new ArrayList<>(java.util.Collections.nCopies(count, List.of()));
        SynthSample[] sheet = new SynthSample[count];
        boolean[] onSheet = sheetIndices(count);
        AtomicInteger faint = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        int digits = Math.max(6, String.valueOf(count - 1).length());
        ThreadLocal<PngEncoder> encoders = ThreadLocal.withInitial(PngEncoder::new);
        forEach(0, count, threads, s -> {
            int i = s.index();
            String name = String.format("%0" + digits + "d", i);
            String rel = s.label() + "/" + name + ".png";
            // one directory per class: ok, ng, or each defect kind of the scene families
            Files.createDirectories(dir.resolve(s.label()));
            bytes.addAndGet(encoders.get().write(s.pixels(), s.size(), s.size(), s.channels(), dir.resolve(rel)));
            rows.set(i, csvRow(rel, s));
            if (masks != null) {
                Files.createDirectories(masks.resolve(s.label()));
                encoders.get().write(s.scratchMask(), s.size(), s.size(), 1, masks.resolve(rel));
            }
            if (s.ng() && s.parameters().getOrDefault("scratch_visible", 1.0) == 0) {
                faint.incrementAndGet();
            }
            if (onSheet[i]) {
                sheet[i] = s;
            }
            if (i < objCount) {
                ObjWriter.write(s.heightField(), dir.resolve("obj").resolve(name + ".obj"));
            }
        });
        writeLabels(dir.resolve("labels.csv"), rows);
        writeSheet(dir.resolve("sheet.png"), sheet);
        writeProperties(dir.resolve("synth.properties"), count);
        int ng = 0;
        for (int i = 0; i < count; i++) {
            ng += config.isNg(i) ? 1 : 0;
        }
        return new DatasetSummary(dir, count, count - ng, ng, faint.get(), bytes.get(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The first SHEET_PER_CLASS indices of each class. */
    private boolean[] sheetIndices(int count) {
        boolean[] on = new boolean[count];
        int ok = 0;
        int ng = 0;
        for (int i = 0; i < count && (ok < SHEET_PER_CLASS || ng < SHEET_PER_CLASS); i++) {
            if (config.isNg(i) ? ng++ < SHEET_PER_CLASS : ok++ < SHEET_PER_CLASS) {
                on[i] = true;
            }
        }
        return on;
    }

    private List<String> csvRow(String path, SynthSample s) {
        List<String> row = new ArrayList<>(List.of(path, s.label(), s.lighting().label(), s.region().label(), s.family()));
        for (String name : scene.parameterNames()) {
            Double v = s.parameters().get(name);
            row.add(v == null ? "" : Decimals.append(new StringBuilder(12), v, 4).toString());
        }
        return row;
    }

    /** Written before anything else: marks a folder as {@link #writeDataset}'s output, also a half-written one. */
    static final String MARKER = ".gaikan-synth";

    /** What {@link #writeDataset} writes in its folder. */
    private static final List<String> OUTPUTS = List.of(MARKER, "ok", "ng", "obj", "labels.csv", "sheet.png",
            "synth.properties");

    /**
     * An --out that holds something must be an earlier synth output, which is then removed whole, so a smaller
     * --count leaves no stale images beside a shorter labels.csv; any other folder is refused untouched.
     */
    private static void clearPreviousOutput(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) {
            throw new IllegalArgumentException("synth --out " + dir + " is a file, not a folder");
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> all = entries.toList();
            if (all.isEmpty()) {
                return;
            }
            boolean ours = Files.exists(dir.resolve(MARKER)) || Files.exists(dir.resolve("synth.properties"));
            if (!ours
                    || all.stream().anyMatch(p -> !OUTPUTS.contains(p.getFileName().toString()))) {
                throw new IllegalArgumentException("synth --out " + dir + " is not empty and is not an earlier "
                        + "'gaikan synth' output: choose a new or empty folder");
            }
            for (Path p : all) {
                FileTrees.delete(p);
            }
        }
    }

    private void writeLabels(Path file, List<List<String>> rows) throws IOException {
        Csv.write(file, labelColumns(), rows);
    }

    private void writeSheet(Path file, SynthSample[] samples) throws IOException {
        List<SynthSample> ok = new ArrayList<>();
        List<SynthSample> ng = new ArrayList<>();
        for (SynthSample s : samples) {
            if (s != null) {
                (s.ng() ? ng : ok).add(s);
            }
        }
        java.awt.image.BufferedImage img = ContactSheet.render(ok, ng, SHEET_TILE);
        Files.write(file, new PngEncoder().encode(ContactSheet.rgb(img), img.getWidth(), img.getHeight(), 3));
    }

    private void writeProperties(Path file, int count) throws IOException {
        String text = "# gaikan synth: rerun with the same values to get the same bytes\n"
                + "scene=" + config.scene() + "\n"
                + "size=" + config.size() + "\n"
                + "seed=" + config.seed() + "\n"
                + "domain=" + config.domain().label() + "\n"
                + "ng_fraction=" + config.ngFraction() + "\n"
                + "grey=" + config.grey() + "\n"
                + "count=" + count + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static long imageSeed(long seed, Domain domain, int index) {
        return mix64(mix64(seed ^ (0x9E3779B97F4A7C15L * (domain.ordinal() + 1))) + index);
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: neighbouring inputs give unrelated outputs. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
