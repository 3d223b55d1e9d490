package io.gaikan.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code run.json}: what a run was asked to do and what eval/predict need to use its model later.
 *
 * @param tasks   per task name, its classes (the main task first)
 * @param data    the training data path as given
 * @param fitted  what a fitted method chose while fitting (e.g. {@code --method auto}'s head and why), empty for a
 *                network run
 */
public record RunInfo(TrainConfig config, String data, int inputSize, List<String> normalClasses,
                      Map<String, List<String>> tasks, Map<String, String> versions, String created,
                      Map<String, String> fitted) {

    public RunInfo {
        fitted = fitted == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fitted));
    }

    public RunInfo(TrainConfig config, String data, int inputSize, List<String> normalClasses,
                   Map<String, List<String>> tasks, Map<String, String> versions, String created) {
        this(config, data, inputSize, normalClasses, tasks, versions, created, Map.of());
    }

    /** This run.json with the fitted method's choices added. */
    public RunInfo withFitted(Map<String, String> choices) {
        return new RunInfo(config, data, inputSize, normalClasses, tasks, versions, created, choices);
    }

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public List<String> classes() {
        return tasks.values().iterator().next();
    }

    public void write(Path runDir) throws IOException {
        JSON.writeValue(runDir.resolve(RunLayout.RUN_INFO).toFile(), this);
    }

    public static RunInfo read(Path runDir) {
        Path file = runDir.resolve(RunLayout.RUN_INFO);
        try {
            return JSON.readValue(file.toFile(), RunInfo.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Gaikan run directory (cannot read " + file + "): " + e.getMessage(), e);
        }
    }
}
