package io.gaikan.experiment;

import io.gaikan.augment.Pipelines;
import io.gaikan.model.ImageClassifier;
import io.gaikan.model.ModelOptions;
import io.gaikan.model.ModelRegistry;
import io.gaikan.model.TaskHead;
import io.gaikan.train.TrainConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The configs shipped in experiments/ parse, expand, name known models and valid augmentation pipelines. */
class ReadyMadeConfigsTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyShippedConfigExpandsIntoValidRuns() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(REPO.resolve("experiments"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(List.of("augment-ablation.yaml", "backbones-xsdd.yaml", "cg-real-heads.yaml", "cg-real.yaml", "fewshot-casting.yaml", "fewshot-real.yaml",
                "multitask-magnetic.yaml", "schedule-ratio.yaml"), files.stream().map(p -> p.getFileName().toString()).toList());
        ModelRegistry registry = ModelRegistry.defaults();
        for (Path file : files) {
            ExperimentConfig config = ExperimentConfig.parse(Files.readString(file, StandardCharsets.UTF_8),
                    file.getFileName().toString(), REPO, Map.of());
            Grid grid = Grid.expand(config);
            assertFalse(grid.runs().isEmpty(), file.toString());
            assertTrue(config.data().path().startsWith(REPO.getParent().resolve("shared/datasets")), file.toString());
            for (RunSpec run : Stream.concat(grid.runs().stream(), grid.pretrainSteps().stream()).toList()) {
                TrainConfig c = run.config();
                Pipelines.train(c.augment(), c.inputSize());
                ImageClassifier model = registry.get(c.model())
                        .build(new ModelOptions(List.of(new TaskHead("main", 2)), 0f, 0f));
                if (c.unfreezeFrom() != null) {
                    assertTrue(model.layerIndex(c.unfreezeFrom()) > 0, file + ": " + c.unfreezeFrom());
                }
            }
        }
    }
}
