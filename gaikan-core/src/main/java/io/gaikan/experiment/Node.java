package io.gaikan.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value of the parsed YAML tree with its key path ({@code axes.shots[2]}), so every type error names the file and
 * the key. String scalars get {@code ${VAR}} / {@code ${VAR:-default}} replaced from the environment.
 */
final class Node {

    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final String source;
    private final String path;
    private final Object value;
    private final Map<String, String> env;

    private Node(String source, String path, Object value, Map<String, String> env) {
        this.source = source;
        this.path = path;
        this.value = value;
        this.env = env;
    }

    static Node root(String source, Object value, Map<String, String> env) {
        return new Node(source, "", value, env);
    }

    String path() {
        return path.isEmpty() ? "(top level)" : path;
    }

    boolean isNull() {
        return value == null;
    }

    boolean isMap() {
        return value instanceof Map;
    }

    boolean isList() {
        return value instanceof List;
    }

    boolean isScalar() {
        return value != null && !isMap() && !isList();
    }

    /** The raw value with environment references expanded in every string, for settings handed on as-is. */
    Object plain() {
        if (value instanceof String s) {
            return expand(s);
        }
        if (isMap()) {
            Map<String, Object> out = new LinkedHashMap<>();
            entries().forEach((k, v) -> out.put(k, v.plain()));
            return out;
        }
        if (isList()) {
            return items().stream().map(Node::plain).toList();
        }
        return value;
    }

    ConfigException error(String message) {
        return new ConfigException(source + ": " + path() + ": " + message);
    }

    /** The child under {@code key}; a null node when absent (also under an absent node, for optional sections). */
    Node get(String key) {
        Object child = value == null ? null : requireMap().get(key);
        return new Node(source, path.isEmpty() ? key : path + "." + key, child, env);
    }

    Node require(String key) {
        Node child = get(key);
        if (child.isNull()) {
            throw error("missing required key '" + key + "'");
        }
        return child;
    }

    boolean has(String key) {
        return !isNull() && requireMap().get(key) != null;
    }

    /** Children in file order. */
    Map<String, Node> entries() {
        Map<String, Node> out = new LinkedHashMap<>();
        for (Object key : requireMap().keySet()) {
            out.put(String.valueOf(key), get(String.valueOf(key)));
        }
        return out;
    }

    List<Node> items() {
        if (!(value instanceof List<?> list)) {
            throw error("expected a list, got " + describe());
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(new Node(source, path + "[" + i + "]", list.get(i), env));
        }
        return out;
    }

    /** Fails naming the first key that is not allowed here (typos must not be silently ignored). */
    Node allowOnly(Set<String> allowed) {
        for (Object key : requireMap().keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw get(String.valueOf(key)).error("unknown key; allowed here: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return this;
    }

    String asString() {
        if (!isScalar()) {
            throw error("expected a text value, got " + describe());
        }
        return value instanceof String s ? expand(s) : String.valueOf(value);
    }

    int asInt() {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l && l == (int) (long) l) {
            return (int) (long) l;
        }
        throw error("expected an integer, got " + describe());
    }

    long asLong() {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw error("expected an integer, got " + describe());
    }

    double asDouble() {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(expand(s).trim());
            } catch (NumberFormatException e) {
                // fall through to the error naming the key
            }
        }
        throw error("expected a number, got " + describe());
    }

    boolean asBoolean() {
        if (value instanceof Boolean b) {
            return b;
        }
        throw error("expected true or false, got " + describe());
    }

    /** A list of text values, or a single text value as a one-element list. */
    List<String> asStrings() {
        if (isNull()) {
            return List.of();
        }
        if (isScalar()) {
            return List.of(asString());
        }
        return items().stream().map(Node::asString).toList();
    }

    String describe() {
        if (value == null) {
            return "nothing";
        }
        if (isMap()) {
            return "a map";
        }
        if (isList()) {
            return "a list";
        }
        return "'" + value + "'";
    }

    private Map<?, ?> requireMap() {
        if (!(value instanceof Map<?, ?> map)) {
            throw error("expected a map of key: value, got " + describe());
        }
        return map;
    }

    private String expand(String s) {
        Matcher m = ENV.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            if (v == null || v.isEmpty()) {
                v = m.group(2);
            }
            if (v == null) {
                throw error("environment variable " + m.group(1) + " is not set (write ${" + m.group(1) + ":-default})");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        return m.appendTail(out).toString();
    }
}
