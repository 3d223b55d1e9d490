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

    /** run.json of a new run: its settings, data, input size, classes per task and the versions that made it. */
    static RunInfo create(TrainConfig config, io.gaikan.data.Dataset data, int size, java.util.Set<String> normalClasses,
                          List<io.gaikan.data.Task> tasks) {
        Map<String, List<String>> taskClasses = new java.util.LinkedHashMap<>();
        tasks.forEach(t -> taskClasses.put(t.name(), t.classes()));
        Map<String, String> versions = new java.util.LinkedHashMap<>();
        versions.put("gaikan", "0.1.0");
        versions.put("java", System.getProperty("java.version"));
        versions.put("djl", ai.djl.engine.Engine.getDjlVersion());
        versions.put("engine", ai.djl.engine.Engine.getInstance().getEngineName() + " "
                + ai.djl.engine.Engine.getInstance().getVersion());
        return new RunInfo(config, data.source().toString(), size,
                data.classes().stream().filter(normalClasses::contains).toList(), taskClasses, versions,
                java.time.OffsetDateTime.now().toString());
    }

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
