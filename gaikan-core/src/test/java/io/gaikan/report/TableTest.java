package io.gaikan.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableTest {

    /** 2 rows (images per class) x 3 methods, the shape of seed 001's table. */
    private static Table fewShot() {
        return Table.builder("Accuracy (%)").rowHeader("images per class")
                .columns("Scratch", "ImageNet", "CG")
                .row("1", Table.Cell.of(54.0, 57.42), Table.Cell.of(68.46, 68.46, 68.46), Table.Cell.of(99.0, 99.46))
                .row("2", Table.Cell.of(54.3), Table.Cell.of(89.5, 89.5), Table.Cell.of(88.0, 91.0))
                .build();
    }

    @Test
    void cellStatisticsAreMeanAndSampleStd() {
        Table.Cell c = Table.Cell.of(1.0, 2.0, 3.0);
        assertEquals(2.0, c.mean(), 1e-12);
        assertEquals(1.0, c.std(), 1e-12);
        assertEquals(3, c.n());
        assertTrue(Double.isNaN(Table.Cell.of(5.0).std()));
    }

    @Test
    void markdownShowsMeanPlusMinusStdWithTheBestOfEachRowInBold() {
        String md = fewShot().toMarkdown();
        assertTrue(md.contains("| images per class | Scratch | ImageNet | CG |"), md);
        assertTrue(md.contains("| 55.71 \u00b1 2.42 | 68.46 \u00b1 0.00 | **99.23 \u00b1 0.33** |"), md);
        // row 2: ImageNet and CG both show 89.50, a tie as displayed -> both bold; a single run shows no std
        assertTrue(md.contains("| 2 | 54.30 | **89.50 \u00b1 0.00** | **89.50 \u00b1 2.12** |"), md);
        assertTrue(md.contains("n = 1\u20133"), md);
    }

    @Test
    void csvCarriesTheFormattedCellsAndNamesTheBest() {
        List<String> lines = fewShot().toCsv().lines().toList();
        assertEquals("images per class,Scratch,ImageNet,CG,best", lines.get(0));
        assertEquals("1,55.71 \u00b1 2.42,68.46 \u00b1 0.00,99.23 \u00b1 0.33,CG", lines.get(1));
        assertEquals("2,54.30,89.50 \u00b1 0.00,89.50 \u00b1 2.12,ImageNet/CG", lines.get(2));
        List<String> tidy = fewShot().toTidyCsv().lines().toList();
        assertEquals("images per class,column,mean,std,n,best", tidy.get(0));
        assertEquals("2,Scratch,54.3,,1,false", tidy.get(4), "full precision, no std for a single run");
        assertEquals("2,ImageNet,89.5,0.0,2,true", tidy.get(5));
    }

    @Test
    void htmlMarksBestCellsStrongAndEscapesLabels() {
        String html = fewShot().toHtml();
        assertTrue(html.contains("<td title=\"n = 2\" class=\"best\"><strong>99.23 \u00b1 0.33</strong></td>"), html);
        assertTrue(html.contains("<td title=\"n = 2\">55.71 \u00b1 2.42</td>"), html);
        String escaped = Table.builder("a<b").columns("x&y").row("r", Table.Cell.of(1)).build().toHtml();
        assertTrue(escaped.contains("a&lt;b") && escaped.contains("x&amp;y"), escaped);
    }

    @Test
    void lowerIsBetterForErrorRatesAndMissingCellsAreNeverBest() {
        Table t = Table.builder("Miss rate (%)").rowHeader("model").columns("scratch", "transfer", "finetune")
                .higherIsBetter(false).decimals(1)
                .put("resnet18", "scratch", Table.Cell.of(12.0))
                .put("resnet18", "finetune", Table.Cell.of(3.0))
                .put("vgg16", "transfer", Table.Cell.of(7.0))
                .build();
        assertTrue(t.isBest(0, 2));
        assertFalse(t.isBest(0, 0));
        assertFalse(t.isBest(0, 1), "missing cell");
        assertFalse(t.isBest(1, 1), "alone in its row: nothing to compare");
        String md = t.toMarkdown();
        assertTrue(md.contains("| resnet18 | 12.0 | \u2013 | **3.0** |"), md);
        assertTrue(md.contains("lower is better"), md);
    }
}
