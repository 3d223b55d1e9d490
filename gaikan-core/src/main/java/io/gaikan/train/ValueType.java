package io.gaikan.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gaikan.data.TaskSpec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The type of a {@link Setting}: how it is read from text (command line, experiment YAML), written to and read from
 * {@code run.json}, and shown in help. Text parsing says only what kind of value was expected; the valid range is the
 * setting's.
 *
 * @param label    the value's placeholder in help, e.g. {@code N}
 * @param choices  the accepted words for a closed set of values, else null
 */
public record ValueType<T>(String label, String choices, Class<T> javaType, Function<String, T> parser,
                           Function<T, JsonNode> writer, Function<JsonNode, T> reader, Function<T, String> printer) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final ValueType<Integer> INT = new ValueType<>("N", null, Integer.class,
            s -> number(s, Integer::valueOf, "an integer"), IntNode::valueOf, JsonNode::intValue, String::valueOf);
    public static final ValueType<Long> LONG = new ValueType<>("N", null, Long.class,
            s -> number(s, Long::valueOf, "an integer"), LongNode::valueOf, JsonNode::longValue, String::valueOf);
    public static final ValueType<Float> FLOAT = new ValueType<>("X", null, Float.class,
            s -> number(s, Float::valueOf, "a number"), FloatNode::valueOf, JsonNode::floatValue, ValueType::decimal);
    public static final ValueType<Boolean> BOOLEAN = new ValueType<>("BOOL", "true | false", Boolean.class,
            ValueType::bool, BooleanNode::valueOf, JsonNode::booleanValue, String::valueOf);
    public static final ValueType<String> TEXT = new ValueType<>("TEXT", null, String.class, s -> s, TextNode::valueOf,
            JsonNode::textValue, s -> s);
    /** A file or folder, kept as written; {@link #resolve} makes a relative one absolute against a base folder. */
    public static final ValueType<String> PATH = new ValueType<>("PATH", null, String.class, s -> s, TextNode::valueOf,
            JsonNode::textValue, s -> s);
    public static final ValueType<Init> INIT = new ValueType<>("INIT", null, Init.class, Init::parse,
            i -> TextNode.valueOf(i.text()), n -> Init.parse(n.textValue()), Init::text);
    /** The task list: each {@code name=source[*weight]}; the main task is put first when not given. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final ValueType<List<TaskSpec>> TASKS = new ValueType<>("TASK", null, (Class) List.class,
            s -> TaskSpec.withMain(Arrays.stream(s.split("\n")).map(String::trim)
                    .filter(t -> !t.isEmpty() && !t.equals("none") && !t.equals("main")).map(TaskSpec::parse).toList()),
            JSON::valueToTree, n -> List.of(JSON.convertValue(n, TaskSpec[].class)),
            l -> l.stream().map(t -> t.name() + "=" + t.source() + (t.weight() == 1f ? "" : "*" + t.weight()))
                    .collect(Collectors.joining(" ")));

    /**
     * An enum read case-insensitively from its lower-case name; {@code upperInJson} keeps the constant's name in
     * run.json (as records wrote {@code mode} and {@code optimizer}), else the lower-case word is written.
     */
    public static <E extends Enum<E>> ValueType<E> of(Class<E> type, boolean upperInJson) {
        String words = Arrays.stream(type.getEnumConstants()).map(ValueType::word).collect(Collectors.joining(" | "));
        Function<String, E> parse = s -> {
            try {
                return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be " + words + ", got '" + s + "'");
            }
        };
        return new ValueType<>(words.replace(" ", ""), words, type, parse,
                e -> TextNode.valueOf(upperInJson ? e.name() : word(e)), n -> parse.apply(n.textValue()), ValueType::word);
    }

    /** Lists are given one item a line to {@link #parser} (a command line's repeated option, a YAML list). */
    public boolean isList() {
        return List.class.equals(javaType);
    }

    public T parse(String text) {
        return parser.apply(text);
    }

    public JsonNode toJson(T value) {
        return writer.apply(value);
    }

    public T fromJson(JsonNode node) {
        return reader.apply(node);
    }

    public String print(T value) {
        return printer.apply(value);
    }

    /** A relative path made absolute against {@code base}; other values as they are. */
    @SuppressWarnings("unchecked")
    public T resolve(T value, Path base) {
        if (value != null && this == PATH) {
            return (T) base.resolve((String) value).normalize().toString();
        }
        if (value instanceof Init.WeightsFile f) {
            return (T) new Init.WeightsFile(base.resolve(f.file()).normalize());
        }
        return value;
    }

    private static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static <N> N number(String s, Function<String, N> parse, String what) {
        try {
            return parse.apply(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be " + what + ", got '" + s + "'");
        }
    }

    private static Boolean bool(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false, got '" + s + "'");
        };
    }

    /** 0.001 rather than 1.0E-3 in help and messages. */
    private static String decimal(Float f) {
        return Float.isFinite(f) ? new java.math.BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString()
                : String.valueOf(f);
    }
}
