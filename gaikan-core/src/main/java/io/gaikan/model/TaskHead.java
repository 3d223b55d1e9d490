package io.gaikan.model;

/** One classification head: a task name and its number of classes. The first head of a model is the main task. */
public record TaskHead(String task, int numClasses) {
    public TaskHead {
        if (numClasses < 1) {
            throw new IllegalArgumentException("task " + task + " needs at least one class, got " + numClasses);
        }
    }
}
