package io.gaikan.model.weights;

import java.util.List;

/** A checkpoint that does not fit the model: every missing, unexpected and mismatched name, in one message. */
public final class WeightMismatchException extends IllegalArgumentException {

    private static final int SHOWN = 8;

    private final List<String> missing;
    private final List<String> unexpected;
    private final List<String> mismatched;

    WeightMismatchException(String source, String model, List<String> missing, List<String> unexpected,
                            List<String> mismatched) {
        super(message(source, model, missing, unexpected, mismatched));
        this.missing = List.copyOf(missing);
        this.unexpected = List.copyOf(unexpected);
        this.mismatched = List.copyOf(mismatched);
    }

    public List<String> missing() {
        return missing;
    }

    public List<String> unexpected() {
        return unexpected;
    }

    /** Entries "name: checkpoint [..] vs model [..]". */
    public List<String> mismatched() {
        return mismatched;
    }

    private static String message(String source, String model, List<String> missing, List<String> unexpected,
                                  List<String> mismatched) {
        StringBuilder sb = new StringBuilder("weights ").append(source).append(" do not fit ").append(model).append(':');
        append(sb, "missing", missing);
        append(sb, "unexpected", unexpected);
        append(sb, "shape mismatch", mismatched);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String what, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        sb.append(' ').append(names.size()).append(' ').append(what).append(" (");
        sb.append(String.join(", ", names.subList(0, Math.min(SHOWN, names.size()))));
        if (names.size() > SHOWN) {
            sb.append(", ... ").append(names.size() - SHOWN).append(" more");
        }
        sb.append(");");
    }
}
