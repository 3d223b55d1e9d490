package io.gaikan.train;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The one declaration of a training setting: its name, type, default, valid range, help, and whether it is part of
 * what a run <em>is</em> (its identity) or only of how this machine runs it. The command-line option, the experiment
 * YAML key, the Java builder's {@link TrainConfig.Builder#set} and run.json all come from it, and so does validation:
 * a value outside the range gives the same one-line message on every surface.
 *
 * <p>Immutable: each {@code with}-style method returns a changed copy, so a declaration reads as one expression.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

    private final String name;
    private final String option;
    private final String key;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String defaultText;
    private final T unset;
    private final boolean optional;
    private final Predicate<T> valid;
    private final String rule;
    private final String help;
    private final boolean identity;

    private Setting(String name, String option, String key, ValueType<T> type, T defaultValue, String defaultText,
                    T unset, boolean optional, Predicate<T> valid, String rule, String help, boolean identity) {
        this.name = name;
        this.option = option;
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.unset = unset;
        this.optional = optional;
        this.valid = valid;
        this.rule = rule;
        this.help = help;
        this.identity = identity;
    }

    /**
     * A setting called {@code name} in Java and run.json ({@code earlyStopPatience}); its option and YAML key default
     * to the kebab- and snake-case forms ({@code --early-stop-patience}, {@code early_stop_patience}).
     */
    public static <T> Setting<T> of(String name, ValueType<T> type, T defaultValue) {
        String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return new Setting<>(name, "--" + kebab, kebab.replace('-', '_'), type, defaultValue, null, null,
                defaultValue == null, v -> true, null, "", true);
    }

    /** Spelled {@code --NAME} on the command line and {@code NAME} (dashes as underscores) in YAML. */
    public Setting<T> spelled(String optionName) {
        return new Setting<>(name, "--" + optionName, optionName.replace('-', '_'), type, defaultValue, defaultText,
                unset, optional, valid, rule, help, identity);
    }

    /** Named {@code yamlKey} in experiment YAML (a list setting's plural, {@code tasks} for {@code --task}). */
    public Setting<T> inYaml(String yamlKey) {
        return new Setting<>(name, option, yamlKey, type, defaultValue, defaultText, unset, optional, valid, rule, help,
                identity);
    }

    public Setting<T> help(String text) {
        return new Setting<>(name, option, key, type, defaultValue, defaultText, unset, optional, valid, rule, text,
                identity);
    }

    /** Values must pass {@code rule}. */
    public Setting<T> valid(Rule<T> rule) {
        return new Setting<>(name, option, key, type, defaultValue, defaultText, unset, optional, rule.test(),
                rule.text(), help, identity);
    }

    /**
     * {@code value} stands for "not given" (e.g. input size 0 = the model's); accepted from Java and run.json but
     * not given explicitly, where the rule applies. {@code meaning} is shown as the default in help.
     */
    public Setting<T> unsetAs(T value, String meaning) {
        return new Setting<>(name, option, key, type, defaultValue, meaning, value, optional, valid, rule, help,
                identity);
    }

    /** Null is a valid value (e.g. {@code --lr} unset: derived from the batch size); {@code meaning} shown in help. */
    public Setting<T> optional(String meaning) {
        return new Setting<>(name, option, key, type, defaultValue, meaning, unset, true, valid, rule, help, identity);
    }

    /** Shows {@code text} as the default in help (a default that depends on the machine). */
    public Setting<T> defaultShownAs(String text) {
        return new Setting<>(name, option, key, type, defaultValue, text, unset, optional, valid, rule, help, identity);
    }

    /**
     * How this machine runs the run (threads, console output), not what the run is: left out of the run's identity
     * and of run.json, and taken from the current command on {@code --resume}.
     */
    public Setting<T> machine() {
        return new Setting<>(name, option, key, type, defaultValue, defaultText, unset, optional, valid, rule, help,
                false);
    }

    public String name() {
        return name;
    }

    /** The command-line option, e.g. {@code --size}. */
    public String option() {
        return option;
    }

    /** The experiment YAML key, e.g. {@code size}. */
    public String key() {
        return key;
    }

    public ValueType<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String help() {
        return help;
    }

    /** False for machine settings, which do not change what a run computes. */
    public boolean identity() {
        return identity;
    }

    /** Help text with the valid values and the default, e.g. {@code epochs, >= 1 (default 10)}. */
    public String describe(T shownDefault) {
        StringBuilder s = new StringBuilder(help);
        if (type.choices() != null && type.javaType() != Boolean.class) {
            s.append(s.length() > 0 ? ": " : "").append(type.choices());
        } else if (rule != null && rule.startsWith("must be ")) {
            s.append(s.length() > 0 ? "; " : "").append(rule.replaceFirst("^must be ", ""));
        }
        boolean described = shownDefault == null || shownDefault.equals(unset)
                || defaultText != null && shownDefault.equals(defaultValue);
        String shown = described ? defaultText : type.print(shownDefault);
        if (shown != null && type.javaType() != Boolean.class) {
            s.append(" (default ").append(shown).append(")");
        }
        return s.toString();
    }

    /** {@code value} if valid here; else an {@link InvalidSettingException} with the rule. */
    public T check(T value) {
        if (value == null) {
            if (!optional) {
                throw new InvalidSettingException(this, "must be given");
            }
            return null;
        }
        if (value.equals(unset) || passes(value)) {
            return value;
        }
        throw new InvalidSettingException(this, rule + ", got " + type.print(value));
    }

    /** A rule may explain itself by throwing (an augmentation pipeline names its bad token). */
    private boolean passes(T value) {
        try {
            return valid.test(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(this, e.getMessage());
        }
    }

    /** A value given as text (command line, YAML): parsed, then checked; the "not given" value is refused here. */
    public T parse(String text) {
        T value;
        try {
            value = type.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(this, e.getMessage().startsWith("must") ? e.getMessage()
                    : "'" + text + "': " + e.getMessage().replaceFirst("^--task ", ""));
        }
        return checkGiven(value);
    }

    /**
     * As {@link #check}, for a value someone gave (an option, a YAML key, another command's flag of the same meaning):
     * the "not given" value is refused unless the rule allows it, e.g. {@code --threads 0}.
     */
    public T checkGiven(T value) {
        if (value != null && value.equals(unset) && !passes(value)) {
            throw new InvalidSettingException(this, rule + ", got " + type.print(value));
        }
        return check(value);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Which values are valid, and the rule in words ({@code must be >= 1}) for the one-line error. */
    public record Rule<T>(Predicate<T> test, String text) {

        public static Rule<Integer> atLeast(int low) {
            return new Rule<>(v -> v >= low, "must be >= " + low);
        }

        public static Rule<Float> finiteAtLeast(float low) {
            return new Rule<>(v -> Float.isFinite(v) && v >= low, "must be >= " + low);
        }

        /** In [low, high), finite. */
        public static Rule<Float> fraction(float low, float high) {
            return new Rule<>(v -> Float.isFinite(v) && v >= low && v < high, "must be in [" + low + ", " + high + ")");
        }

        public static Rule<Float> positive() {
            return new Rule<>(v -> Float.isFinite(v) && v > 0, "must be a finite number > 0");
        }
    }
}
