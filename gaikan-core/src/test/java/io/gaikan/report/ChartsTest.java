package io.gaikan.report;

import io.gaikan.eval.ClassificationMetrics;
import io.gaikan.eval.EpochRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {

    /** A plausible transfer -> fine-tune history; no validation when {@code withVal} is false. */
    static List<EpochRecord> history(int transfer, int finetune, boolean withVal) {
        List<EpochRecord> h = new ArrayList<>();
        for (int e = 1; e <= transfer + finetune; e++) {
            double t = e / (double) (transfer + finetune);
            double lift = 0.01 * transfer; // schedules must not draw on top of each other in the overlay
            h.add(new EpochRecord(e, e <= transfer ? "transfer" : "finetune", Math.exp(-3 * t) + lift, 0.6 + 0.35 * t - lift,
                    withVal ? Math.exp(-2 * t) + 0.1 + lift : Double.NaN, withVal ? 0.55 + 0.3 * t - lift : Double.NaN, 1e-3, 2.0));
        }
        return h;
    }

    private static BufferedImage decode(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " is not a decodable image");
        return img;
    }

    /** Many distinct colours and a real share of ink: axes, text, lines, not a blank canvas. */
    private static void assertNonTrivial(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) {
                    ink++;
                }
            }
        }
        assertTrue(colours.size() > 50, "only " + colours.size() + " colours");
        assertTrue(ink > img.getWidth() * img.getHeight() / 50, "almost blank: " + ink + " non-white pixels");
    }

    private static long pixelsOf(BufferedImage img, int rgb) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void curvesAreTwoPanelsSideBySideWithTheCurveColours(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("run/curves.png");
        TrainingCurves.curves(history(5, 10, true), "resnet18", png);
        BufferedImage img = decode(png);
        assertEquals(2 * Charts.PANEL_WIDTH, img.getWidth());
        assertEquals(Charts.PANEL_HEIGHT, img.getHeight());
        assertNonTrivial(img);
        // train (palette 0) and validation (palette 1) lines are both drawn, in both panels
        for (int panel = 0; panel < 2; panel++) {
            BufferedImage half = img.getSubimage(panel * Charts.PANEL_WIDTH, 0, Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT);
            assertTrue(pixelsOf(half, ChartStyle.color(0).getRGB() & 0xffffff) > 100, "train curve missing in panel " + panel);
            assertTrue(pixelsOf(half, ChartStyle.color(1).getRGB() & 0xffffff) > 100, "val curve missing in panel " + panel);
        }
    }

    @Test
    void curvesWithoutValidationOrPhaseChangeStillRender(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("curves.png");
        TrainingCurves.curves(history(0, 1, false), "", png);
        BufferedImage img = decode(png);
        assertNonTrivial(img);
        assertEquals(0, pixelsOf(img, ChartStyle.color(1).getRGB() & 0xffffff), "no validation data, no validation line");
        assertThrows(IllegalArgumentException.class, () -> TrainingCurves.curves(List.of(), "x", png));
    }

    private static ClassificationMetrics metrics(int k, long seed) {
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            classes.add(c == k - 1 ? "ok" : "defect-" + c);
        }
        Random r = new Random(seed);
        int n = 30 * k;
        int[] truth = new int[n];
        int[] pred = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % k;
            pred[i] = r.nextDouble() < 0.8 ? truth[i] : r.nextInt(k);
        }
        return ClassificationMetrics.compute(classes, Set.of("ok"), truth, pred);
    }

    @Test
    void japaneseClassNamesAreDrawnAsTheirOwnGlyphs(@TempDir Path dir) throws IOException {
        assertEquals(-1, ChartFonts.of(java.awt.Font.PLAIN, 13).canDisplayUpTo("良品・不良・キズ・打痕・ワレ"));
        // a font without the glyphs draws every one as the same box: two names of two characters would then look alike
        BufferedImage[] drawn = new BufferedImage[2];
        String[] defect = {"キズ", "打痕"};
        for (int i = 0; i < 2; i++) {
            ClassificationMetrics m = ClassificationMetrics.compute(List.of(defect[i], "良品"), Set.of("良品"),
                    new int[]{0, 0, 1, 1}, new int[]{0, 1, 1, 1});
            Path png = dir.resolve("confusion-" + i + ".png");
            Charts.confusion(m, "テスト", png);
            drawn[i] = decode(png);
        }
        int differing = 0;
        for (int y = 0; y < drawn[0].getHeight(); y++) {
            for (int x = 0; x < drawn[0].getWidth(); x++) {
                differing += drawn[0].getRGB(x, y) != drawn[1].getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differing > 20, "the two class names were drawn alike (" + differing + " pixels differ)");
    }

    @Test
    void confusionHeatmapScalesWithTheNumberOfClasses(@TempDir Path dir) throws IOException {
        int previousHeight = 0;
        for (int k : new int[]{2, 5, 20}) {
            Path png = dir.resolve("confusion-" + k + ".png");
            Charts.confusion(metrics(k, k), "test", png);
            BufferedImage img = decode(png);
            assertNonTrivial(img);
            assertTrue(img.getHeight() >= previousHeight && img.getHeight() >= 44 * k, k + " classes: " + img.getHeight() + " px");
            previousHeight = img.getHeight();
            // the cell with the largest count is filled with the top colour of the scale
            assertTrue(pixelsOf(img, 0x6baed6) > 200, k + " classes: no fully shaded cell");
        }
    }

    @Test
    void accuracyVsShotsOnALog2AxisWithErrorBars(@TempDir Path dir) throws IOException {
        Map<String, List<Charts.ShotPoint>> methods = new LinkedHashMap<>();
        methods.put("Scratch", List.of(new Charts.ShotPoint(1, 55.7, 3.0), new Charts.ShotPoint(4, 57.6, 2.0),
                new Charts.ShotPoint(2, 54.3, 2.5), new Charts.ShotPoint(8, 57.6, Double.NaN)));
        methods.put("CG Pretrain", List.of(new Charts.ShotPoint(1, 99.2, 0), new Charts.ShotPoint(2, 99.2, 0),
                new Charts.ShotPoint(4, 99.2, 0), new Charts.ShotPoint(8, 99.4, 0)));
        Path png = dir.resolve("shots.png");
        Charts.accuracyVsShots(methods, "Few-shot", "accuracy (%)", png);
        BufferedImage img = decode(png);
        assertEquals(Charts.PANEL_WIDTH + 160, img.getWidth());
        assertEquals(Charts.PANEL_HEIGHT + 40, img.getHeight());
        assertNonTrivial(img);
        assertTrue(pixelsOf(img, ChartStyle.color(1).getRGB() & 0xffffff) > 100, "second method not drawn");
        // sizes that are not powers of two fall between the ticks instead of failing
        Charts.accuracyVsShots(Map.of("m", List.of(new Charts.ShotPoint(3, 70, 1), new Charts.ShotPoint(10, 80, 1))),
                "", "acc", dir.resolve("odd.png"));
        assertNonTrivial(decode(dir.resolve("odd.png")));
    }

    @Test
    void overlaidCurvesDrawOneColourPerRun(@TempDir Path dir) throws IOException {
        Map<String, List<EpochRecord>> runs = new LinkedHashMap<>();
        runs.put("10/1", history(10, 1, true));
        runs.put("5/6", history(5, 6, true));
        runs.put("0/11", history(0, 11, false));
        Path png = dir.resolve("schedule.png");
        TrainingCurves.overlaidCurves(runs, "Schedule", png);
        BufferedImage img = decode(png);
        assertEquals(2 * Charts.PANEL_WIDTH, img.getWidth());
        assertNonTrivial(img);
        for (int run = 0; run < 3; run++) {
            assertTrue(pixelsOf(img, ChartStyle.color(run).getRGB() & 0xffffff) > 100, "run " + run + " not drawn");
        }
    }
}
