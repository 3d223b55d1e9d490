package io.gaikan.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/**
 * The one rule for numbers in the JSON files Gaikan writes: JSON has no NaN or infinity, so an undefined figure (NaN,
 * or an infinite one) is written as {@code null}, and {@code null} reads back as NaN, into a record's {@code double}
 * as into a tree. Files of earlier versions that wrote {@code NaN} literally still read.
 */
public final class JsonNumbers {

    private JsonNumbers() {
    }

    /** A mapper builder with the rule, pretty-printed. */
    public static JsonMapper.Builder mapper() {
        SimpleModule module = new SimpleModule("gaikan-json-numbers");
        FiniteOrNull writer = new FiniteOrNull();
        module.addSerializer(Double.class, writer).addSerializer(double.class, writer)
                .addSerializer(Float.class, writer).addSerializer(float.class, writer);
        module.addDeserializer(Double.class, new NullAsNaN()).addDeserializer(double.class, new NullAsNaN());
        return JsonMapper.builder().addModule(module).enable(SerializationFeature.INDENT_OUTPUT)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    }

    /** Puts {@code value} into a tree by the rule. */
    public static void put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    /** A number of a tree by the rule: absent or null is NaN. */
    public static double get(JsonNode value) {
        return value == null || value.isNull() ? Double.NaN : value.asDouble();
    }

    private static final class FiniteOrNull extends StdSerializer<Number> {
        FiniteOrNull() {
            super(Number.class);
        }

        @Override
        public void serialize(Number value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            double v = value.doubleValue();
            if (!Double.isFinite(v)) {
                gen.writeNull();
            } else if (value instanceof Float f) {
                gen.writeNumber(f);
            } else {
                gen.writeNumber(v);
            }
        }
    }

    private static final class NullAsNaN extends StdDeserializer<Double> {
        NullAsNaN() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return Double.valueOf(p.getText().trim());
            }
            return p.getDoubleValue();
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }
}
