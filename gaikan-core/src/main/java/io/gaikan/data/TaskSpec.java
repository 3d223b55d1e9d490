package io.gaikan.data;

/**
 * A task the network learns: {@code main} (the class label), {@code derived:groups} (defect vs normal from
 * --normal-classes) or {@code column:NAME} (a manifest column), with its loss weight.
 */
public record TaskSpec(String name, String source, float weight) {

    public static final TaskSpec MAIN = new TaskSpec("main", "label", 1f);

    /** Parses {@code name=source[*weight]}, e.g. {@code lighting=column:light*0.5}. */
    public static TaskSpec parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--task must look like name=source[*weight], got '" + text + "'");
        }
        String name = text.substring(0, eq);
        String rest = text.substring(eq + 1);
        float weight = 1f;
        int star = rest.lastIndexOf('*');
        if (star > 0) {
            weight = Float.parseFloat(rest.substring(star + 1));
            rest = rest.substring(0, star);
        }
        if (!rest.equals("label") && !rest.equals("derived:groups") && !rest.startsWith("column:")) {
            throw new IllegalArgumentException("--task " + name + ": source must be label, derived:groups or column:NAME, got '" + rest + "'");
        }
        return new TaskSpec(name, rest, weight);
    }
}
