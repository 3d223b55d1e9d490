package io.gaikan.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The font family of every chart and caption: IPAex Gothic, bundled (fonts/ipaexg.ttf, unmodified, IPA Font License
 * v1.0 beside it), because class names are often Japanese and a Linux server without CJK fonts draws them as boxes
 * with Java's SansSerif. It has Latin glyphs too. If the font cannot be read, SansSerif.
 */
final class ChartFonts {

    static final String FAMILY = load();

    private ChartFonts() {
    }

    static Font of(int style, int size) {
        return new Font(FAMILY, style, size);
    }

    private static String load() {
        ChartStyle.headless();
        try (InputStream in = ChartFonts.class.getResourceAsStream("fonts/ipaexg.ttf")) {
            if (in == null) {
                return Font.SANS_SERIF;
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font.getFamily(Locale.ROOT);
        } catch (IOException | FontFormatException e) {
            return Font.SANS_SERIF;
        }
    }
}
