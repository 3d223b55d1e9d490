package io.gaikan.baseline;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.binary.ThresholdImageOps;
import boofcv.io.image.ConvertBufferedImage;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.GrayU8;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionExtractorTest {

    /** A filled rectangle drawn at {@code degrees} counter-clockwise (on screen) about (60, 60) of a 120 image. */
    private static List<Region> measureRectangle(double length, double width, double degrees, float response) {
        BufferedImage img = new BufferedImage(120, 120, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        // screen y points down, so a counter-clockwise turn on screen is a negative Java2D rotation
        g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(-degrees), 60, 60));
        g.fill(new Rectangle2D.Double(60 - length / 2, 60 - width / 2, length, width));
        g.dispose();
        GrayU8 binary = ThresholdImageOps.threshold(ConvertBufferedImage.convertFrom(img, (GrayF32) null), null, 128, false);
        GrayS32 labels = new GrayS32(120, 120);
        int count = BinaryImageOps.contour(binary, ConnectRule.EIGHT, labels).size();
        GrayF32 constant = new GrayF32(120, 120);
        constant.data = new float[120 * 120];
        java.util.Arrays.fill(constant.data, response);
        return RegionMeasurement.measure(labels, count, constant, 1);
    }

    @Test
    void axisAlignedBarMeasuresExactly() {
        List<Region> regions = measureRectangle(40, 4, 0, 7f);
        assertEquals(1, regions.size());
        Region r = regions.get(0);
        assertEquals(160, r.area());
        assertEquals(40, r.length(), 1e-9);
        assertEquals(4, r.width(), 1e-9);
        assertEquals(10, r.elongation(), 1e-9);
        assertEquals(0, Math.min(r.orientationDegrees(), 180 - r.orientationDegrees()), 1e-9);
        assertEquals(7, r.meanContrast(), 1e-6);
        assertEquals(59.5, r.centroidX(), 1e-9);
        assertEquals(39, r.maxX() - r.minX());
    }

    @Test
    void rotatedBarKeepsItsShapeAndReportsItsAngle() {
        for (double degrees : new double[]{30, 90, 135}) {
            Region r = measureRectangle(60, 6, degrees, 1f).get(0);
            assertEquals(degrees, r.orientationDegrees(), 2.0, "orientation of a bar drawn at " + degrees);
            assertEquals(360, r.area(), 25, "area at " + degrees);
            assertEquals(60, r.length(), 2.5, "length at " + degrees);
            assertEquals(10, r.elongation(), 1.0, "elongation at " + degrees);
        }
        Region square = measureRectangle(20, 20, 0, 1f).get(0);
        assertEquals(1, square.elongation(), 1e-9);
    }

    @Test
    void everyBinarisationKeepsTheSpotAndDropsTheFlatResponse() {
        GrayF32 response = new GrayF32(64, 64);
        java.util.Arrays.fill(response.data, 1f);
        for (int y = 30; y < 35; y++) {
            for (int x = 20; x < 25; x++) {
                response.set(x, y, 20f);
            }
        }
        for (Binarisation b : List.of(Binarisation.fixed(5), Binarisation.otsu(), Binarisation.adaptive(15, 2))) {
            List<Region> regions = RegionExtractor.regions(response, b, Cleanup.NONE);
            assertEquals(1, regions.size(), "regions under " + b);
            assertEquals(25, regions.get(0).area(), "spot area under " + b);
            assertEquals(20, regions.get(0).meanContrast(), 1e-6);
        }
    }

    @Test
    void dogPipelineFindsADrawnScratchAlongItsDirection() {
        Random rnd = new Random(3);
        BufferedImage img = SyntheticImages.texture(128, rnd);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(60, 60, 60));
        g.drawLine(20, 100, 100, 20); // rising to the right: 45 degrees on screen
        g.dispose();
        GrayF32 grey = ConvertBufferedImage.convertFrom(img, (GrayF32) null);
        Preprocessing p = new Preprocessing(new DogSigmas(1, 2), Binarisation.fixed(6), Cleanup.CLOSE);
        List<Region> regions = RegionExtractor.extract(grey, p).regions();
        Region longest = regions.stream().max(Comparator.comparingDouble(Region::length)).orElseThrow();
        assertEquals(45, longest.orientationDegrees(), 5);
        assertTrue(longest.length() > 90, "scratch length " + longest.length());
        assertTrue(longest.elongation() > 8, "scratch elongation " + longest.elongation());

        GrayF32 plain = ConvertBufferedImage.convertFrom(SyntheticImages.texture(128, rnd), (GrayF32) null);
        assertFalse(RegionExtractor.extract(plain, p).regions().stream().anyMatch(r -> r.length() > 30),
                "no long region on plain texture");
    }

    @Test
    void workingSizeShrinksLongestSideAndKeepsSmallImages() {
        GrayF32 big = new GrayF32(300, 150);
        GrayF32 small = GreyImages.toWorkingSize(big, 100);
        assertEquals(100, small.width);
        assertEquals(50, small.height);
        assertTrue(GreyImages.toWorkingSize(small, 256) == small);
    }
}
