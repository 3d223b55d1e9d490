package io.gaikan.data;


import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * A task resolved against a dataset: its classes and how to read a sample's label ({@code -1} = unlabelled, which
 * that task's loss ignores).
 */
public record Task(String name, List<String> classes, float weight, ToIntFunction<Sample> labeler) {

    public static final List<String> GROUP_CLASSES = List.of("defect", "normal");

    public static List<Task> resolve(List<TaskSpec> specs, Dataset data, Set<String> normalClasses) {
        List<Task> tasks = new ArrayList<>();
        for (TaskSpec spec : specs) {
            tasks.add(resolve(spec, data, normalClasses));
        }
        return tasks;
    }

    /** Classes of a task as stored in run.json, for rebuilding a task without the training data. */
    public static Task of(String name, List<String> classes, float weight) {
        return new Task(name, List.copyOf(classes), weight, s -> -1);
    }

    private static Task resolve(TaskSpec spec, Dataset data, Set<String> normalClasses) {
        if (spec.source().equals("label")) {
            return new Task(spec.name(), data.classes(), spec.weight(), Sample::label);
        }
        if (spec.source().equals("derived:groups")) {
            if (normalClasses.isEmpty()) {
                throw new IllegalArgumentException("task " + spec.name() + " = derived:groups needs --normal-classes");
            }
            List<String> classes = data.classes();
            return new Task(spec.name(), GROUP_CLASSES, spec.weight(),
                    s -> normalClasses.contains(classes.get(s.label())) ? 1 : 0);
        }
        String column = spec.source().substring("column:".length());
        TreeSet<String> values = new TreeSet<>();
        for (Sample s : data.samples()) {
            if (!s.attributes().containsKey(column)) {
                throw new DataException("task " + spec.name() + ": the data has no column '" + column + "'");
            }
            String v = s.attributes().get(column);
            if (!v.isEmpty()) {
                values.add(v);
            }
        }
        List<String> classes = List.copyOf(values);
        return new Task(spec.name(), classes, spec.weight(), s -> {
            String v = s.attributes().getOrDefault(column, "");
            return v.isEmpty() ? -1 : classes.indexOf(v);
        });
    }
}
