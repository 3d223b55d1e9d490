package io.gaikan.experiment;

import io.gaikan.train.Init;
import io.gaikan.train.InvalidSettingException;
import io.gaikan.train.Setting;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainMode;
import io.gaikan.train.TrainSettings;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Training settings by name ({@code model: resnet18, epochs: 5, ...}), each remembering where in the config it was
 * written so a bad value is reported at its key. Layers merge base, method preset and axis values; {@link #toConfig}
 * turns the result into a {@link TrainConfig} (plus {@code shots}, which belongs to the data, not the trainer).
 */
final class Settings {

    /** The keys a config may name: every training setting's, plus {@code shots} and {@code schedule}. */
    static final Set<String> KEYS = Stream.concat(TrainSettings.ALL.stream().map(Setting::key),
            Stream.of("shots", "schedule")).collect(Collectors.toUnmodifiableSet());

    private final Map<String, Node> values;

    private Settings(Map<String, Node> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    static Settings empty() {
        return new Settings(new LinkedHashMap<>());
    }

    /** The keys of a map node, checked against {@link #KEYS}, minus {@code ignored} (e.g. a preset's label). */
    static Settings read(Node map, Set<String> ignored) {
        Map<String, Node> out = new LinkedHashMap<>();
        map.entries().forEach((key, node) -> {
            if (ignored.contains(key)) {
                return;
            }
            requireKnown(key, node);
            out.put(key, node);
        });
        return new Settings(out);
    }

    static void requireKnown(String key, Node where) {
        if (!KEYS.contains(key)) {
            throw where.error("unknown setting '" + key + "'; known: " + String.join(", ", new TreeSet<>(KEYS)));
        }
    }

    Settings with(String key, Node value) {
        requireKnown(key, value);
        Map<String, Node> out = new LinkedHashMap<>(values);
        out.put(key, value);
        return new Settings(out);
    }

    /** This overlaid with {@code top} (top wins). */
    Settings with(Settings top) {
        Map<String, Node> out = new LinkedHashMap<>(values);
        out.putAll(top.values);
        return new Settings(out);
    }

    /** Training images per class; 0 = all. */
    int shots() {
        Node n = values.get("shots");
        if (n == null) {
            return 0;
        }
        int shots = n.asInt();
        if (shots < 0) {
            throw n.error("shots must be >= 1 (or 0 for all images), got " + shots);
        }
        return shots;
    }

    /** The name of the pretrain step {@code init} refers to, or null. */
    String pretrainStep() {
        Node n = values.get("init");
        if (n == null) {
            return null;
        }
        return TrainSettings.INIT.type().parse(n.asString()) instanceof Init.PretrainStep step ? step.name() : null;
    }

    Node node(String key) {
        return values.get(key);
    }

    /**
     * The trainer's config, each key read by its {@link Setting} declaration (so the rules and messages are the
     * command line's). Relative paths are resolved against {@code workDir}; {@code init: pretrain:NAME} is kept for
     * the runner to replace. {@code context} names the run in errors that concern several settings.
     */
    TrainConfig toConfig(Path workDir, String context) {
        TrainConfig.Builder b = TrainConfig.builder();
        for (Setting<?> setting : TrainSettings.ALL) {
            Node node = values.get(setting.key());
            if (node != null) {
                set(b, setting, node, workDir);
            }
        }
        if (values.containsKey("schedule")) {
            applySchedule(b, values.get("schedule"), context);
        }
        return build(b, context);
    }

    private static <T> void set(TrainConfig.Builder b, Setting<T> setting, Node node, Path workDir) {
        try {
            T value = node.isNull() ? setting.check(null) : setting.type().isList()
                    ? setting.parse(String.join("\n", node.asStrings())) : setting.parse(node.asString());
            b.set(setting, setting.type().resolve(value, workDir));
        } catch (InvalidSettingException e) {
            throw node.error(setting.key() + " " + e.problem());
        }
    }

    private static TrainConfig build(TrainConfig.Builder b, String context) {
        try {
            return b.build();
        } catch (InvalidSettingException e) {
            throw new ConfigException(context + ": " + e.setting().key() + " " + e.problem(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(context + ": " + e.getMessage().replace("--", ""), e);
        }
    }

    /**
     * {@code N/M}: N transfer epochs (backbone frozen) then M fine-tune epochs in one run (seed 003). {@code 0/M} is a
     * plain fine-tune run at the fine-tune learning rate, and {@code N/0} a plain transfer run, so the ends of a sweep
     * train exactly like its middle.
     */
    private void applySchedule(TrainConfig.Builder b, Node node, String context) {
        String[] parts = node.asString().split("/");
        int[] nm = new int[2];
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            nm[0] = Integer.parseInt(parts[0].trim());
            nm[1] = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw node.error("schedule must be N/M (transfer/fine-tune epochs), got " + node.describe());
        }
        if (nm[0] < 0 || nm[1] < 0 || nm[0] + nm[1] == 0) {
            throw node.error("schedule N/M needs N, M >= 0 and N + M > 0, got " + node.describe());
        }
        b.schedule(0, 0);
        if (nm[0] > 0 && nm[1] > 0) {
            b.mode(TrainMode.TRANSFER).schedule(nm[0], nm[1]);
        } else if (nm[0] > 0) {
            b.mode(TrainMode.TRANSFER).epochs(nm[0]);
        } else {
            b.mode(TrainMode.FINETUNE).epochs(nm[1]).lr(build(b, context).effectiveFinetuneLr());
        }
    }
}
