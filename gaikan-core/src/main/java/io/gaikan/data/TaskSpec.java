package io.gaikan.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A task the network learns: {@code label} (the class label, the main task), {@code derived:groups} (defect vs
 * normal from --normal-classes) or {@code column:NAME} (a manifest column), with its loss weight.
 */
public record TaskSpec(String name, String source, float weight) {

    /** Task names become file columns ({@code <task>_acc}), JSON keys and head names ({@code aux.<task>}). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    public static final TaskSpec MAIN = new TaskSpec("main", "label", 1f);

    public TaskSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--task: the name must be letters, digits, '_' or '-', got '" + name + "'");
        }
        if (!source.equals("label") && !source.equals("derived:groups")
                && !(source.startsWith("column:") && source.length() > "column:".length())) {
            throw new IllegalArgumentException("--task " + name + ": source must be label, derived:groups or column:NAME, got '" + source + "'");
        }
        if (!(weight >= 0) || Float.isInfinite(weight)) {
            throw new IllegalArgumentException("--task " + name + ": the loss weight must be a number >= 0, got " + weight);
        }
    }

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
            try {
                weight = Float.parseFloat(rest.substring(star + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--task " + name + ": weight after '*' is not a number: '" + text + "'");
            }
            rest = rest.substring(0, star);
        }
        return new TaskSpec(name, rest, weight);
    }

    /**
     * The task list of a run: the main task first, then the others in the given order. A {@code label} task among
     * {@code given} is the main task (so {@code --task main=label*2} sets its name and weight); without one,
     * {@link #MAIN} is put first. Names must be unique and only one task may use the class label.
     */
    public static List<TaskSpec> withMain(List<TaskSpec> given) {
        List<TaskSpec> labelTasks = given.stream().filter(t -> t.source().equals("label")).toList();
        if (labelTasks.size() > 1) {
            throw new IllegalArgumentException("--task: only one task can use the class label, got " + labelTasks);
        }
        List<TaskSpec> out = new ArrayList<>();
        out.add(labelTasks.isEmpty() ? MAIN : labelTasks.get(0));
        given.stream().filter(t -> !t.source().equals("label")).forEach(out::add);
        Set<String> names = new HashSet<>();
        for (TaskSpec t : out) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("--task: two tasks are named '" + t.name() + "'");
            }
        }
        return List.copyOf(out);
    }
}
