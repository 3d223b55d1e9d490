package io.gaikan.augment;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The comma-separated arguments of one pipeline token, with typed accessors whose errors name the token, the
 * argument and the op's usage line.
 */
final class SpecArgs {

    private final String token;
    private final String usage;
    private final List<String> args;

    SpecArgs(String token, String usage, List<String> args) {
        this.token = token;
        this.usage = usage;
        this.args = args;
    }

    int count() {
        return args.size();
    }

    boolean has(int i) {
        return i < args.size();
    }

    String text(int i) {
        return args.get(i);
    }

    void requireCount(int min, int max) {
        if (args.size() < min || args.size() > max) {
            String expected = min == max ? Integer.toString(min) : min + " to " + max;
            throw error("expected " + expected + " argument(s), got " + args.size());
        }
    }

    double number(int i, String what) {
        if (!has(i)) {
            throw error("missing " + what);
        }
        return parseNumber(args.get(i), what);
    }

    double number(int i, String what, double fallback) {
        return has(i) ? number(i, what) : fallback;
    }

    int integer(int i, String what) {
        if (!has(i)) {
            throw error("missing " + what);
        }
        return parseInteger(args.get(i), what);
    }

    int integer(int i, String what, int fallback) {
        return has(i) ? integer(i, what) : fallback;
    }

    Range range(int i, String what, Range fallback) {
        return range(i, what, fallback, text -> Range.of(parseNumber(text, what)),
                (lo, hi) -> new Range(parseNumber(lo, what), parseNumber(hi, what)));
    }

    IntRange intRange(int i, String what, IntRange fallback) {
        return range(i, what, fallback, text -> IntRange.of(parseInteger(text, what)),
                (lo, hi) -> new IntRange(parseInteger(lo, what), parseInteger(hi, what)));
    }

    /** A value {@code v} or a range {@code lo-hi} (a leading minus is a sign, not the dash). */
    private <R> R range(int i, String what, R fallback, Function<String, R> single, BiFunction<String, String, R> pair) {
        if (!has(i)) {
            if (fallback == null) {
                throw error("missing " + what);
            }
            return fallback;
        }
        String text = args.get(i);
        int dash = rangeDash(text);
        if (dash < 0) {
            return single.apply(text);
        }
        return checked(() -> pair.apply(text.substring(0, dash), text.substring(dash + 1)), what);
    }

    AugmentSpecException error(String problem) {
        return new AugmentSpecException(token, problem + " (usage: " + usage + ")");
    }

    /** Runs a constructor, turning its validation error into a token error. */
    <T> T checked(Supplier<T> build, String what) {
        try {
            return build.get();
        } catch (AugmentSpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw error(what.isEmpty() ? e.getMessage() : what + ": " + e.getMessage());
        }
    }

    /**
     * Index of the dash that separates a range's bounds, or -1. A leading minus and the minus of an exponent
     * (1e-3) are signs, not separators, so "-10-10" and "1e-3-1" split where one expects.
     */
    static int rangeDash(String text) {
        for (int i = 1; i < text.length(); i++) {
            char prev = text.charAt(i - 1);
            if (text.charAt(i) == '-' && (Character.isDigit(prev) || prev == '.')) {
                return i;
            }
        }
        return -1;
    }

    private double parseNumber(String text, String what) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the token
        }
        throw error(what + " '" + text + "' is not a finite number");
    }

    private int parseInteger(String text, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw error(what + " '" + text + "' is not an integer");
        }
    }
}
