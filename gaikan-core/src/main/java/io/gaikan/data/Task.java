package io.gaikan.data;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * A task resolved against a dataset: its classes and how to read a sample's label ({@code -1} = unlabelled, which
 * that task's loss ignores).
 */
public record Task(String name, List<String> classes, float weight, ToIntFunction<Sample> labeler) {

    public static final List<String> GROUP_CLASSES = List.of("defect", "normal");

    /** Tasks for training: a column task's classes are the distinct non-empty values of its column. */
    public static List<Task> resolve(List<TaskSpec> specs, Dataset data, Set<String> normalClasses) {
        return resolve(specs, data, normalClasses, Map.of());
    }

    /**
     * Tasks with the classes a trained model was built with ({@code trainedClasses}, per task name), for evaluating
     * it on other data: the label indices must be those of its heads. A column the data lacks leaves that task
     * unlabelled; a value the model never saw is an error.
     */
    public static List<Task> resolve(List<TaskSpec> specs, Dataset data, Set<String> normalClasses,
                                     Map<String, List<String>> trainedClasses) {
        List<Task> tasks = new ArrayList<>();
        for (TaskSpec spec : specs) {
            tasks.add(resolve(spec, data, normalClasses, trainedClasses.get(spec.name())));
        }
        return tasks;
    }

    /** Classes of a task as stored in run.json, for rebuilding a task without the training data. */
    public static Task of(String name, List<String> classes, float weight) {
        return new Task(name, List.copyOf(classes), weight, s -> -1);
    }

    private static Task resolve(TaskSpec spec, Dataset data, Set<String> normalClasses, List<String> trained) {
        if (spec.source().equals("label")) {
            return new Task(spec.name(), data.classes(), spec.weight(), Sample::label);
        }
        if (spec.source().equals("derived:groups")) {
            if (normalClasses.isEmpty()) {
                throw new IllegalArgumentException("task " + spec.name() + " = derived:groups needs --normal-classes");
            }
            List<String> classes = data.classes();
            return new Task(spec.name(), GROUP_CLASSES, spec.weight(),
                    s -> s.label() < 0 ? -1 : normalClasses.contains(classes.get(s.label())) ? 1 : 0);
        }
        String column = spec.source().substring("column:".length());
        boolean hasColumn = data.samples().stream().allMatch(s -> s.attributes().containsKey(column));
        if (!hasColumn && trained == null) {
            throw new DataException("task " + spec.name() + ": the data " + data.root() + " has no column '" + column + "'");
        }
        List<String> classes = trained != null ? List.copyOf(trained) : columnValues(data, column);
        for (Sample s : data.samples()) {
            String v = s.attributes().getOrDefault(column, "");
            if (!v.isEmpty() && !classes.contains(v)) {
                throw new DataException("task " + spec.name() + ": " + s.path() + " has " + column + " = '" + v
                        + "', which the model was not trained on " + classes);
            }
        }
        return new Task(spec.name(), classes, spec.weight(), s -> {
            String v = s.attributes().getOrDefault(column, "");
            return v.isEmpty() ? -1 : classes.indexOf(v);
        });
    }

    private static List<String> columnValues(Dataset data, String column) {
        TreeSet<String> values = new TreeSet<>();
        for (Sample s : data.samples()) {
            String v = s.attributes().get(column);
            if (!v.isEmpty()) {
                values.add(v);
            }
        }
        if (values.isEmpty()) {
            throw new DataException("column '" + column + "' of " + data.root() + " is empty: no labels for that task");
        }
        return List.copyOf(values);
    }
}
