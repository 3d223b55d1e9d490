package io.gaikan.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaikan.data.TaskSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values of every {@link TrainSettings training setting} for one run. Immutable and valid: each value passed
 * its setting's rule, and the settings agree with each other (the rules at the end of {@link Builder#build}).
 * Written to {@code run.json} (machine settings left out) so a run can be repeated or resumed; a run.json of an
 * earlier version, which lacks newer settings, reads with their defaults.
 *
 * <p>A setting is read with {@link #get}; the settings the pipeline reads everywhere also have a named accessor.
 */
public final class TrainConfig {

    /** The method of gradient training of a network, the one that uses every training setting. */
    public static final String NETWORK = "network";

    /** The few-shot method that picks its head by images per class (io.gaikan.fewshot). */
    public static final String AUTO = "auto";

    private final Map<Setting<?>, Object> values;

    private TrainConfig(Map<Setting<?>, Object> values) {
        this.values = values;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    public static Builder builder() {
        return new Builder(null);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    // ---- derived values: the rules that used to be repeated by each caller ----

    /** The effective base learning rate: explicit, or scaled linearly with the batch size (seed 001). */
    public float baseLr() {
        return lr() != null ? lr() : lrBase() * batchSize() / lrBaseBatch();
    }

    /** The fine-tune phase's learning rate after a transfer phase: explicit, or a tenth of the base rate. */
    public float effectiveFinetuneLr() {
        return finetuneLr() != null ? finetuneLr() : baseLr() / 10;
    }

    /** A transfer phase then a fine-tune phase in one run (seed 003). */
    public boolean isSchedule() {
        return transferEpochs() > 0 && finetuneEpochs() > 0;
    }

    public boolean isNetwork() {
        return NETWORK.equals(method());
    }

    public int totalEpochs() {
        return isSchedule() ? transferEpochs() + finetuneEpochs() : epochs();
    }

    /** The settings that make a run what it is: machine settings (threads, console output) at their defaults. */
    public TrainConfig identity() {
        Builder b = toBuilder();
        TrainSettings.ALL.stream().filter(s -> !s.identity()).forEach(b::reset);
        return b.build();
    }

    /**
     * The identity as JSON, only the settings that differ from their defaults: what an experiment's run id is a hash
     * of, so that a setting added later (at its default) leaves earlier ids unchanged.
     */
    public ObjectNode identityJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Setting<?> s : TrainSettings.ALL) {
            // the method's default depends on other settings: left out where it is what an unset one becomes
            boolean isDefault = s == TrainSettings.METHOD ? method().equals(Builder.defaultMethod(this))
                    : Objects.equals(values.get(s), s.defaultValue());
            if (s.identity() && !isDefault) {
                node.set(s.name(), json(s));
            }
        }
        return node;
    }

    /** run.json's {@code config}: every setting but the machine settings, in declaration order. */
    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        TrainSettings.ALL.stream().filter(Setting::identity).forEach(s -> node.set(s.name(), json(s)));
        return node;
    }

    /** Reads run.json's {@code config}; missing settings take their defaults, unknown keys are ignored. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TrainConfig fromJson(JsonNode node) {
        Builder b = builder().method(NETWORK); // runs older than --method were networks
        for (Setting<?> s : TrainSettings.ALL) {
            JsonNode v = node.get(s.name());
            if (s.identity() && v != null) {
                b.setJson(s, v);
            }
        }
        TrainConfig read = b.build();
        // a method that is what the other settings imply reads back as unset, so the config equals the one written
        return read.method().equals(Builder.defaultMethod(read)) ? read.toBuilder().reset(TrainSettings.METHOD).build() : read;
    }

    private <T> JsonNode json(Setting<T> s) {
        Object value = s == TrainSettings.METHOD ? method() : get(s);
        return value == null ? JsonNodeFactory.instance.nullNode() : s.type().toJson(s.type().javaType().cast(value));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainConfig c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }

    // ---- named accessors (the record components of earlier versions) ----

    public String model() { return get(TrainSettings.MODEL); }
    public int inputSize() { return get(TrainSettings.INPUT_SIZE); }
    public Init init() { return get(TrainSettings.INIT); }
    public String weightsFile() { return get(TrainSettings.WEIGHTS_FILE); }
    public boolean allowDownload() { return get(TrainSettings.ALLOW_DOWNLOAD); }
    public TrainMode mode() { return get(TrainSettings.MODE); }
    public String unfreezeFrom() { return get(TrainSettings.UNFREEZE_FROM); }
    public int epochs() { return get(TrainSettings.EPOCHS); }
    public int transferEpochs() { return get(TrainSettings.TRANSFER_EPOCHS); }
    public int finetuneEpochs() { return get(TrainSettings.FINETUNE_EPOCHS); }
    public int batchSize() { return get(TrainSettings.BATCH_SIZE); }
    public OptimizerKind optimizer() { return get(TrainSettings.OPTIMIZER); }
    public Float lr() { return get(TrainSettings.LR); }
    public float lrBase() { return get(TrainSettings.LR_BASE); }
    public int lrBaseBatch() { return get(TrainSettings.LR_BASE_BATCH); }
    public Float finetuneLr() { return get(TrainSettings.FINETUNE_LR); }
    public float momentum() { return get(TrainSettings.MOMENTUM); }
    public boolean nesterov() { return get(TrainSettings.NESTEROV); }
    public float weightDecay() { return get(TrainSettings.WEIGHT_DECAY); }
    public LrScheduleKind lrSchedule() { return get(TrainSettings.LR_SCHEDULE); }
    public float warmupEpochs() { return get(TrainSettings.WARMUP_EPOCHS); }
    public int stepEpochs() { return get(TrainSettings.STEP_EPOCHS); }
    public float stepGamma() { return get(TrainSettings.STEP_GAMMA); }
    public float labelSmoothing() { return get(TrainSettings.LABEL_SMOOTHING); }
    public float gradClip() { return get(TrainSettings.GRAD_CLIP); }
    public float dropRate() { return get(TrainSettings.DROP_RATE); }
    public float dropPathRate() { return get(TrainSettings.DROP_PATH_RATE); }
    public boolean freezeBn() { return get(TrainSettings.FREEZE_BN); }
    public boolean balanceClasses() { return get(TrainSettings.BALANCE_CLASSES); }
    public int earlyStopPatience() { return get(TrainSettings.EARLY_STOP_PATIENCE); }
    public float earlyStopMinDelta() { return get(TrainSettings.EARLY_STOP_MIN_DELTA); }
    public Monitor monitor() { return get(TrainSettings.MONITOR); }
    public long seed() { return get(TrainSettings.SEED); }
    public int threads() { return get(TrainSettings.THREADS); }
    public String augment() { return get(TrainSettings.AUGMENT); }
    public Integer cacheViews() { return get(TrainSettings.CACHE_VIEWS); }
    public List<TaskSpec> tasks() { return get(TrainSettings.TASKS); }
    public boolean quiet() { return get(TrainSettings.QUIET); }
    /** The method asked for, or when none was, the one the other settings imply ({@code Builder#defaultMethod}). */
    public String method() {
        String asked = get(TrainSettings.METHOD);
        return asked != null ? asked : Builder.defaultMethod(this);
    }
    public String featureStages() { return get(TrainSettings.FEATURE_STAGES); }
    public float coresetRatio() { return get(TrainSettings.CORESET_RATIO); }
    public String masks() { return get(TrainSettings.MASKS); }

    /** Mutable builder, starting from every setting's default (or a config's values). */
    public static final class Builder {
        private final Map<Setting<?>, Object> values = new LinkedHashMap<>();

        Builder(TrainConfig from) {
            TrainSettings.ALL.forEach(s -> values.put(s, from == null ? s.defaultValue() : from.values.get(s)));
        }

        /** Any setting, e.g. {@code set(TrainSettings.EPOCHS, 5)}; checked when the config is built. */
        public <T> Builder set(Setting<T> setting, T value) {
            if (!values.containsKey(setting)) {
                throw new IllegalArgumentException(setting + " is not a training setting");
            }
            values.put(setting, value);
            return this;
        }

        /** {@code setting} given as text, as on the command line or in YAML: parsed and checked now. */
        public <T> Builder parse(Setting<T> setting, String text) {
            return set(setting, setting.parse(text));
        }

        public <T> Builder reset(Setting<T> setting) {
            return set(setting, setting.defaultValue());
        }

        <T> Builder setJson(Setting<T> setting, JsonNode node) {
            return set(setting, node.isNull() ? null : setting.type().fromJson(node));
        }

        public <T> T get(Setting<T> setting) {
            @SuppressWarnings("unchecked") T value = (T) values.get(setting);
            return value;
        }

        public Builder model(String v) { return set(TrainSettings.MODEL, v); }
        public Builder inputSize(int v) { return set(TrainSettings.INPUT_SIZE, v); }
        public Builder init(Init v) { return set(TrainSettings.INIT, v); }
        /** {@code none}, {@code imagenet} or a weights file, as {@code --init} takes it. */
        public Builder init(String v) { return parse(TrainSettings.INIT, v); }
        public Builder weightsFile(String v) { return set(TrainSettings.WEIGHTS_FILE, v); }
        public Builder allowDownload(boolean v) { return set(TrainSettings.ALLOW_DOWNLOAD, v); }
        public Builder mode(TrainMode v) { return set(TrainSettings.MODE, v); }
        public Builder unfreezeFrom(String v) { return set(TrainSettings.UNFREEZE_FROM, v); }
        public Builder epochs(int v) { return set(TrainSettings.EPOCHS, v); }
        public Builder schedule(int transfer, int finetune) {
            return set(TrainSettings.TRANSFER_EPOCHS, transfer).set(TrainSettings.FINETUNE_EPOCHS, finetune);
        }
        public Builder batchSize(int v) { return set(TrainSettings.BATCH_SIZE, v); }
        public Builder optimizer(OptimizerKind v) { return set(TrainSettings.OPTIMIZER, v); }
        public Builder lr(Float v) { return set(TrainSettings.LR, v); }
        public Builder lrBase(float base, int baseBatch) {
            return set(TrainSettings.LR_BASE, base).set(TrainSettings.LR_BASE_BATCH, baseBatch);
        }
        public Builder finetuneLr(Float v) { return set(TrainSettings.FINETUNE_LR, v); }
        public Builder momentum(float v) { return set(TrainSettings.MOMENTUM, v); }
        public Builder nesterov(boolean v) { return set(TrainSettings.NESTEROV, v); }
        public Builder weightDecay(float v) { return set(TrainSettings.WEIGHT_DECAY, v); }
        public Builder lrSchedule(LrScheduleKind v) { return set(TrainSettings.LR_SCHEDULE, v); }
        public Builder lrSchedule(String v) { return parse(TrainSettings.LR_SCHEDULE, v); }
        public Builder warmupEpochs(float v) { return set(TrainSettings.WARMUP_EPOCHS, v); }
        public Builder step(int epochs, float gamma) {
            return set(TrainSettings.STEP_EPOCHS, epochs).set(TrainSettings.STEP_GAMMA, gamma);
        }
        public Builder labelSmoothing(float v) { return set(TrainSettings.LABEL_SMOOTHING, v); }
        public Builder gradClip(float v) { return set(TrainSettings.GRAD_CLIP, v); }
        public Builder dropRate(float v) { return set(TrainSettings.DROP_RATE, v); }
        public Builder dropPathRate(float v) { return set(TrainSettings.DROP_PATH_RATE, v); }
        public Builder freezeBn(boolean v) { return set(TrainSettings.FREEZE_BN, v); }
        public Builder balanceClasses(boolean v) { return set(TrainSettings.BALANCE_CLASSES, v); }
        public Builder earlyStop(int patience, float minDelta, Monitor monitor) {
            return set(TrainSettings.EARLY_STOP_PATIENCE, patience).set(TrainSettings.EARLY_STOP_MIN_DELTA, minDelta)
                    .set(TrainSettings.MONITOR, monitor);
        }
        public Builder earlyStop(int patience, float minDelta, String monitor) {
            return earlyStop(patience, minDelta, TrainSettings.MONITOR.parse(monitor));
        }
        public Builder seed(long v) { return set(TrainSettings.SEED, v); }
        public Builder threads(int v) { return set(TrainSettings.THREADS, v); }
        public Builder augment(String v) { return set(TrainSettings.AUGMENT, v); }
        public Builder cacheViews(Integer v) { return set(TrainSettings.CACHE_VIEWS, v); }
        public Builder tasks(List<TaskSpec> v) { return set(TrainSettings.TASKS, List.copyOf(v)); }
        public Builder quiet(boolean v) { return set(TrainSettings.QUIET, v); }
        public Builder method(String v) { return set(TrainSettings.METHOD, v); }
        public Builder featureStages(String v) { return set(TrainSettings.FEATURE_STAGES, v); }
        public Builder coresetRatio(float v) { return set(TrainSettings.CORESET_RATIO, v); }
        public Builder masks(String v) { return set(TrainSettings.MASKS, v); }

        /** Checks every value against its setting, then the rules between settings. */
        public TrainConfig build() {
            Map<Setting<?>, Object> checked = new LinkedHashMap<>();
            for (Map.Entry<Setting<?>, Object> e : values.entrySet()) {
                checked.put(e.getKey(), check(e.getKey(), e.getValue()));
            }
            TrainConfig c = new TrainConfig(java.util.Collections.unmodifiableMap(checked));
            if (c.isSchedule() && c.mode() != TrainMode.TRANSFER) { // a schedule starts in transfer mode
                return toBuilderOf(c).mode(TrainMode.TRANSFER).build();
            }
            requireAgreement(c);
            return c;
        }

        /**
         * ImageNet weights with nothing said about how to train them: a few-shot head ({@code auto}), which needs no
         * recipe and is the better model up to tens of images per class (README, "Few images per class"); any
         * training setting of the network's (a mode, a schedule, tasks) asks for the network.
         */
        static String defaultMethod(TrainConfig c) {
            boolean headOnImageNet = c.init() instanceof Init.ImageNet && c.mode() == TrainMode.SCRATCH
                    && !c.isSchedule() && c.tasks().size() == 1;
            return headOnImageNet ? AUTO : NETWORK;
        }

        private static Builder toBuilderOf(TrainConfig c) {
            return new Builder(c);
        }

        @SuppressWarnings("unchecked")
        private static <T> T check(Setting<T> setting, Object value) {
            return setting.check((T) value);
        }

        private static void requireAgreement(TrainConfig c) {
            if ((c.transferEpochs() > 0) != (c.finetuneEpochs() > 0)) {
                throw new IllegalArgumentException("--transfer-epochs and --finetune-epochs form a schedule: give both "
                        + "(> 0), or --epochs alone; got " + c.transferEpochs() + " and " + c.finetuneEpochs());
            }
            if (c.cacheViews() != null && c.mode() != TrainMode.TRANSFER) {
                throw new IllegalArgumentException("--cache-views caches a frozen backbone: it needs --mode transfer "
                        + "(or --transfer-epochs/--finetune-epochs), not " + c.mode().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (c.isNetwork() && c.mode() == TrainMode.TRANSFER && c.init() instanceof Init.None) {
                throw new IllegalArgumentException("--mode transfer trains only a new head on a frozen backbone: with "
                        + "--init none that backbone is random; give --init imagenet or a checkpoint, or use --mode scratch");
            }
        }
    }
}
