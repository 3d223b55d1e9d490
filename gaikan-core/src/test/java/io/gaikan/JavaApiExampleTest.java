package io.gaikan;

import io.gaikan.data.DataOptions;
import io.gaikan.data.ImageFolder;
import io.gaikan.data.PreparedData;
import io.gaikan.eval.Classification;
import io.gaikan.model.ModelRegistry;
import io.gaikan.testing.ToyImages;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainResult;
import io.gaikan.train.TrainedModel;
import io.gaikan.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calls of the README's "From Java" section, in the same order, on generated images. */
class JavaApiExampleTest {

    @Test
    void trainOnAFolderThenClassifyImages(@TempDir Path dir) throws Exception {
        Path parts = ToyImages.folder(dir.resolve("parts"), 30, 32, 5);
        Path runDir = dir.resolve("run");

        PreparedData data = PreparedData.prepare(DataOptions.of(parts).withNormalClasses("stripes_h"), 2, System.out);
        TrainConfig config = TrainConfig.builder().model("resnet18").inputSize(32).batchSize(8).epochs(4).lr(2e-3f)
                .augment("none").quiet(true).build();
        TrainResult result = new Trainer(ModelRegistry.defaults(), System.out)
                .train(config, data.data(), data.split(), data.normalClasses(), runDir, false);
        assertTrue(result.mainMetrics().accuracy() > 0.8, "test accuracy " + result.mainMetrics().accuracy());

        List<Path> horizontal = ImageFolder.images(parts.resolve("stripes_h"));
        List<Path> vertical = ImageFolder.images(parts.resolve("stripes_v"));
        try (TrainedModel model = TrainedModel.load(runDir, ModelRegistry.defaults())) {
            List<Classification> ok = model.classify(horizontal, 2);
            List<Classification> ng = model.classify(vertical, 2);
            assertEquals(horizontal.get(3), ok.get(3).image());
            long right = ok.stream().filter(c -> c.defect().equals(Optional.of(false))).count()
                    + ng.stream().filter(c -> c.defect().equals(Optional.of(true))).count();
            assertTrue(right >= 0.8 * (ok.size() + ng.size()), right + " of " + (ok.size() + ng.size()) + " right");
            Classification c = ng.get(0);
            assertEquals(c.defect().get(), c.label().equals("stripes_v"));
            assertTrue(c.probability() >= 0.5f && c.probability() <= 1f, "probability " + c.probability());
        }
    }
}
