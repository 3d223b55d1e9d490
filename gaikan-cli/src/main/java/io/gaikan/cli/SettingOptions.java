package io.gaikan.cli;

import io.gaikan.train.Setting;
import io.gaikan.train.TrainConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options made from {@link Setting} declarations, so a command never declares a training option by
 * hand: a command's model transformer {@link #add}s them, and {@link #read} puts the given ones into a config
 * builder through the declarations' parsers (the same rules and messages as YAML and Java).
 *
 * @param settings the settings the command offers
 * @param defaults the command's defaults (a command may differ from the declarations', e.g. pretrain-cg's size)
 */
record SettingOptions(List<Setting<?>> settings, TrainConfig defaults) {

    /** Adds one option per setting to {@code spec}, with help from the declaration. */
    CommandSpec add(CommandSpec spec) {
        for (Setting<?> s : settings) {
            spec.addOption(option(s));
        }
        return spec;
    }

    private <T> OptionSpec option(Setting<T> s) {
        OptionSpec.Builder b = OptionSpec.builder(s.option()).description(s.describe(defaults.get(s)).replace("%", "%%"));
        if (s.type().javaType() == Boolean.class) {
            // 0..1: a flag that is on by default (--tta) is turned off as --tta=false
            return b.arity("0..1").type(boolean.class).build();
        }
        if (s.type().isList()) {
            return b.arity("1").type(List.class).auxiliaryTypes(String.class).paramLabel(s.type().label()).build();
        }
        return b.arity("1").type(String.class).paramLabel(s.type().label()).build();
    }

    /** A builder with the command's defaults and the options given on this command line. */
    TrainConfig.Builder read(ParseResult parsed) {
        return readInto(defaults.toBuilder(), parsed, settings);
    }

    /** Only the given options among {@code only} (e.g. the machine settings on {@code --resume}). */
    static TrainConfig.Builder readInto(TrainConfig.Builder b, ParseResult parsed, List<Setting<?>> only) {
        Path here = Path.of("").toAbsolutePath();
        for (Setting<?> s : only) {
            OptionSpec given = parsed.matchedOption(s.option());
            if (given != null) {
                set(b, s, given, here);
            }
        }
        return b;
    }

    private static <T> void set(TrainConfig.Builder b, Setting<T> s, OptionSpec given, Path here) {
        T value;
        if (s.type().javaType() == Boolean.class) {
            value = s.parse(String.valueOf((Object) given.getValue()));
        } else if (s.type().isList()) {
            List<String> items = given.getValue();
            value = s.parse(String.join("\n", items));
        } else {
            value = s.parse(given.getValue());
        }
        b.set(s, s.type().resolve(value, here));
    }
}
