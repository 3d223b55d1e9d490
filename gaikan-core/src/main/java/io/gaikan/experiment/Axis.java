package io.gaikan.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One dimension of the grid: a setting and the values it takes, each with the label tables show. Written as a list
 * ({@code shots: [1, 2, 4]}, labels are the values) or as a map of label to value
 * ({@code augment: {none: none, flips: "hflip(0.5);vflip(0.5)"}}); in the map form a value may itself be a map, a
 * bundle of settings that change together ({@code shots: {"1": {shots: 1, epochs: 40}}}). The {@code method} axis
 * names presets of the {@code methods:} section, each a bundle of settings.
 */
record Axis(String name, List<Value> values) {

    static final String METHOD = "method";
    static final String SHOTS = "shots";
    static final String SEED = "seed";
    static final String SCHEDULE = "schedule";
    static final String TASKS = "tasks";

    /** A value of the axis: its label and the settings it sets. */
    record Value(String label, Settings settings) {
    }

    Axis {
        values = List.copyOf(values);
    }

    List<String> labels() {
        return values.stream().map(Value::label).toList();
    }

    static Axis read(String name, Node node, Map<String, Preset> methods) {
        if (!name.equals(METHOD)) {
            Settings.requireKnown(name, node);
        }
        List<Value> values = new ArrayList<>();
        if (node.isMap()) {
            node.entries().forEach((label, value) -> values.add(value(name, label, value, methods)));
        } else if (node.isList()) {
            for (Node item : node.items()) {
                values.add(value(name, label(name, item), item, methods));
            }
        } else {
            throw node.error("an axis is a list of values or a map of label: value, got " + node.describe());
        }
        if (values.isEmpty()) {
            throw node.error("axis '" + name + "' has no values");
        }
        Set<String> seen = new HashSet<>();
        for (Value v : values) {
            if (!seen.add(v.label())) {
                throw node.error("axis '" + name + "' has the label '" + v.label() + "' twice");
            }
        }
        return new Axis(name, values);
    }

    private static Value value(String axis, String label, Node node, Map<String, Preset> methods) {
        if (!axis.equals(METHOD)) {
            // A map value is a bundle of settings, e.g. shots: {"1": {shots: 1, epochs: 40}, "8": {shots: 8, epochs: 10}}.
            return new Value(label, node.isMap() ? Settings.read(node, Set.of()) : Settings.empty().with(axis, node));
        }
        String presetName = node.asString();
        Preset preset = methods.get(presetName);
        if (preset == null) {
            throw node.error("no method preset named '" + presetName + "' under methods: (have " + methods.keySet() + ")");
        }
        return new Value(node.isScalar() && label.equals(presetName) ? preset.label() : label, preset.settings());
    }

    private static String label(String axis, Node item) {
        if (axis.equals(TASKS)) {
            StringBuilder label = new StringBuilder("main");
            for (String task : item.asStrings()) {
                if (!task.equals("none") && !task.equals("main")) {
                    label.append('+').append(task.contains("=") ? task.substring(0, task.indexOf('=')) : task);
                }
            }
            return label.toString();
        }
        if (!item.isScalar()) {
            throw item.error("a list axis takes plain values; give non-scalar values as a map of label: value");
        }
        return item.asString();
    }

    /** A {@code methods:} entry: the settings of one way to train, shown under {@code label}. */
    record Preset(String name, String label, Settings settings) {

        static Preset read(String name, Node node) {
            String label = node.has("label") ? node.get("label").asString() : name;
            return new Preset(name, label, Settings.read(node, Set.of("label")));
        }
    }
}
