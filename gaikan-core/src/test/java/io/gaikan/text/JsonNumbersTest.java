package io.gaikan.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonNumbersTest {

    record Figures(double accuracy, Double auroc, float lr, double best) {
    }

    @Test
    void undefinedFiguresAreNullAndReadBackAsNaN() throws Exception {
        ObjectMapper json = JsonNumbers.mapper().build();
        String text = json.writeValueAsString(new Figures(Double.NaN, Double.POSITIVE_INFINITY, 1e-4f, 0.5));
        assertEquals("{\"accuracy\":null,\"auroc\":null,\"lr\":1.0E-4,\"best\":0.5}", text.replaceAll("\\s", ""));
        Figures back = json.readValue(text, Figures.class);
        assertTrue(Double.isNaN(back.accuracy()) && Double.isNaN(back.auroc()));
        assertEquals(1e-4f, back.lr());
        assertEquals(0.5, back.best());
        // what earlier versions wrote for a fresh checkpoint state
        Figures old = json.readValue("{\"accuracy\":NaN,\"auroc\":1,\"lr\":0.1,\"best\":-Infinity}", Figures.class);
        assertTrue(Double.isNaN(old.accuracy()));
        assertEquals(Double.NEGATIVE_INFINITY, old.best());

        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        JsonNumbers.put(tree, "miss_rate", Double.NaN);
        JsonNumbers.put(tree, "accuracy", 0.25);
        assertEquals("{\"miss_rate\":null,\"accuracy\":0.25}", tree.toString());
        assertTrue(Double.isNaN(JsonNumbers.get(tree.get("miss_rate"))) && Double.isNaN(JsonNumbers.get(tree.get("absent"))));
    }

    @Test
    void htmlEscapesTextAndAttributes() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;", Html.escape("<a href=\"x\">Tom & Jerry's</a>"));
    }
}
