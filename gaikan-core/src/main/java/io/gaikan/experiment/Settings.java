package io.gaikan.experiment;

import io.gaikan.data.TaskSpec;
import io.gaikan.train.OptimizerKind;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Training settings by name ({@code model: resnet18, epochs: 5, ...}), each remembering where in the config it was
 * written so a bad value is reported at its key. Layers merge base, method preset and axis values; {@link #toConfig}
 * turns the result into a {@link TrainConfig} (plus {@code shots}, which belongs to the data, not the trainer).
 */
final class Settings {

    /** The settings a config may name; all but {@code shots} and {@code schedule} are {@link TrainConfig} fields. */
    static final Set<String> KEYS = Set.of("model", "size", "init", "weights", "download", "mode", "unfreeze_from",
            "epochs", "transfer_epochs", "finetune_epochs", "schedule", "batch_size", "optimizer", "lr", "lr_base",
            "lr_base_batch", "finetune_lr", "momentum", "nesterov", "weight_decay", "lr_schedule", "warmup_epochs",
            "step_epochs", "step_gamma", "label_smoothing", "grad_clip", "drop_rate", "drop_path_rate", "freeze_bn", "balance_classes",
            "early_stop", "min_delta", "monitor", "seed", "threads", "augment", "tasks", "shots", "quiet", "method",
            "feature_stages", "coreset_ratio", "masks");

    /** {@code init: pretrain:NAME} starts from the model a {@code pretrain:} step produced. */
    static final String PRETRAIN_PREFIX = "pretrain:";

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
        String init = n.asString();
        return init.startsWith(PRETRAIN_PREFIX) ? init.substring(PRETRAIN_PREFIX.length()) : null;
    }

    Node node(String key) {
        return values.get(key);
    }

    /**
     * The trainer's config. Relative weight/init files are resolved against {@code workDir}; {@code init:
     * pretrain:NAME} is kept as written for the runner to replace. {@code context} names the run in errors.
     */
    TrainConfig toConfig(Path workDir, String context) {
        TrainConfig defaults = TrainConfig.builder().build();
        TrainConfig.Builder b = defaults.toBuilder();
        str("model").ifPresent(b::model);
        integer("size", 0).ifPresent(b::inputSize);
        str("init").ifPresent(init -> b.init(init.equals("none") || init.equals("imagenet") || init.startsWith(PRETRAIN_PREFIX)
                ? init : workDir.resolve(init).normalize().toString()));
        str("weights").ifPresent(w -> b.weightsFile(workDir.resolve(w).normalize().toString()));
        bool("download").ifPresent(b::allowDownload);
        if (values.containsKey("mode")) {
            b.mode(enumValue(TrainMode.class, "mode"));
        }
        if (values.containsKey("unfreeze_from")) {
            b.unfreezeFrom(values.get("unfreeze_from").asString());
        }
        integer("epochs", 1).ifPresent(b::epochs);
        int transfer = integer("transfer_epochs", 0).orElse(0);
        int finetune = integer("finetune_epochs", 0).orElse(0);
        b.schedule(transfer, finetune);
        if (values.containsKey("batch_size")) {
            b.batchSize(integer("batch_size", 1).orElseThrow());
        }
        if (values.containsKey("optimizer")) {
            b.optimizer(enumValue(OptimizerKind.class, "optimizer"));
        }
        number("lr").ifPresent(v -> b.lr((float) v));
        b.lrBase((float) number("lr_base").orElse(defaults.lrBase()),
                integer("lr_base_batch", 1).orElse(defaults.lrBaseBatch()));
        number("finetune_lr").ifPresent(v -> b.finetuneLr((float) v));
        number("momentum").ifPresent(v -> b.momentum((float) v));
        bool("nesterov").ifPresent(b::nesterov);
        number("weight_decay").ifPresent(v -> b.weightDecay((float) v));
        str("lr_schedule").ifPresent(b::lrSchedule);
        number("warmup_epochs").ifPresent(v -> b.warmupEpochs((float) v));
        b.step(integer("step_epochs", 1).orElse(defaults.stepEpochs()),
                (float) number("step_gamma").orElse(defaults.stepGamma()));
        number("label_smoothing").ifPresent(v -> b.labelSmoothing((float) v));
        number("grad_clip").ifPresent(v -> b.gradClip((float) v));
        number("drop_rate").ifPresent(v -> b.dropRate((float) v));
        number("drop_path_rate").ifPresent(v -> b.dropPathRate((float) v));
        bool("freeze_bn").ifPresent(b::freezeBn);
        bool("balance_classes").ifPresent(b::balanceClasses);
        b.earlyStop(integer("early_stop", 0).orElse(0), (float) number("min_delta").orElse(0),
                str("monitor").orElse(defaults.monitor()));
        if (values.containsKey("seed")) {
            b.seed(values.get("seed").asLong());
        }
        integer("threads", 1).ifPresent(b::threads);
        str("augment").ifPresent(b::augment);
        str("method").ifPresent(b::method);
        str("feature_stages").ifPresent(b::featureStages);
        number("coreset_ratio").ifPresent(v -> b.coresetRatio((float) v));
        str("masks").ifPresent(m -> b.masks(workDir.resolve(m).normalize().toString()));
        if (values.containsKey("tasks")) {
            b.tasks(tasks(values.get("tasks")));
        }
        bool("quiet").ifPresent(b::quiet);
        if (values.containsKey("schedule")) {
            applySchedule(b, values.get("schedule"), defaults);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(context + ": " + e.getMessage().replace("--", ""), e);
        }
    }

    /**
     * {@code N/M}: N transfer epochs (backbone frozen) then M fine-tune epochs in one run (seed 003). {@code 0/M} is a
     * plain fine-tune run at the fine-tune learning rate, and {@code N/0} a plain transfer run, so the ends of a sweep
     * train exactly like its middle.
     */
    private void applySchedule(TrainConfig.Builder b, Node node, TrainConfig defaults) {
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
            TrainConfig c = b.build();
            float ftLr = c.finetuneLr() != null ? c.finetuneLr() : c.baseLr() / 10;
            b.mode(TrainMode.FINETUNE).epochs(nm[1]).lr(ftLr);
        }
    }

    private static List<TaskSpec> tasks(Node node) {
        List<TaskSpec> specs = new ArrayList<>();
        specs.add(TaskSpec.MAIN);
        for (String t : node.asStrings()) {
            if (t.equals("none") || t.equals("main")) {
                continue;
            }
            try {
                specs.add(TaskSpec.parse(t));
            } catch (IllegalArgumentException e) {
                throw node.error(e.getMessage().replace("--task ", "task "));
            }
        }
        return specs;
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String key) {
        Node n = values.get(key);
        try {
            return Enum.valueOf(type, n.asString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw n.error("must be " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" | ")) + ", got " + n.describe());
        }
    }

    private Optional<String> str(String key) {
        return values.containsKey(key) ? Optional.of(values.get(key).asString()) : Optional.empty();
    }

    private Optional<Boolean> bool(String key) {
        return values.containsKey(key) ? Optional.of(values.get(key).asBoolean()) : Optional.empty();
    }

    private OptionalDouble number(String key) {
        return values.containsKey(key) ? OptionalDouble.of(values.get(key).asDouble()) : OptionalDouble.empty();
    }

    private OptionalInt integer(String key, int min) {
        if (!values.containsKey(key)) {
            return OptionalInt.empty();
        }
        Node n = values.get(key);
        int v = n.asInt();
        if (v < min) {
            throw n.error(key + " must be >= " + min + ", got " + v);
        }
        return OptionalInt.of(v);
    }
}
