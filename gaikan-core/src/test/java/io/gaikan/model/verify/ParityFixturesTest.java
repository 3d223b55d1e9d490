package io.gaikan.model.verify;

import io.gaikan.testing.Shared;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract that Gaikan's models ARE timm's: for the fixtures in ../shared/fixtures/parity, weights regenerated
 * from the recipe go through the production loader by name and the eval-mode logits match timm's within the
 * fixture's suggested tolerance. One model at a time; the manager is closed after each.
 *
 * <p>By default one fixture per family and block type runs (the suite's time budget); {@code -Dgaikan.parity=all}
 * runs all 16, or a regex selects fixture files ({@code -Dgaikan.parity='efficientnet_b[5-7].*'}). {@code gaikan
 * models verify} checks all of them through the same API.
 */
class ParityFixturesTest {

    /** ResNet basic + bottleneck, VGG with BN and ConvMlp, MobileNetV2 (ReLU6, no SE), EfficientNet (SiLU + SE). */
    private static final String DEFAULT = "(resnet18|resnet50|vgg16_bn|mobilenetv2_100|efficientnet_b0)\\.json";

    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesTimm() throws IOException {
        Path dir = Shared.require("fixtures/parity");
        String selected = System.getProperty("gaikan.parity", DEFAULT);
        String only = selected.equals("all") ? ".*" : selected;
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(dir)) {
            fixtures = files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> p.getFileName().toString().matches(only))
                    .sorted().toList();
        }
        assertTrue(!fixtures.isEmpty(), "no fixtures in " + dir);
        return fixtures.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path fixtureFile) throws IOException {
        ParityFixture fixture = ParityFixture.read(fixtureFile);
        ParityResult result = ParityCheck.run(fixtureFile);

        Set<String> fixtureNames = new HashSet<>();
        fixture.params().forEach(p -> fixtureNames.add(p.name()));
        Set<String> accounted = new HashSet<>(result.load().consumed());
        accounted.addAll(result.load().ignored());
        assertEquals(fixtureNames, accounted, "every fixture tensor is consumed (num_batches_tracked ignored)");
        assertTrue(result.load().ignored().stream().allMatch(n -> n.endsWith("num_batches_tracked")));
        assertTrue(result.load().reinitialised().isEmpty(), "no parameter left unset: " + result.load().reinitialised());
        assertTrue(result.inputChecksumMatches(), "input regenerated bit-exactly");

        double maxAbs = 0;
        double dev = 0;
        for (int i = 0; i < fixture.expectedLogits().length; i++) {
            for (int j = 0; j < fixture.expectedLogits()[i].length; j++) {
                float e = fixture.expectedLogits()[i][j];
                maxAbs = Math.max(maxAbs, Math.abs(e));
                dev = Math.max(dev, Math.abs(result.logits()[i][j] - e));
            }
        }
        System.out.printf("%s: max|y-e| = %.3g (relative %.3g, tol %.0e), features %.3g%n",
                fixture.model(), dev, dev / maxAbs, fixture.tolerance(), result.featureDeviation());
        assertTrue(dev <= fixture.tolerance() * maxAbs,
                fixture.model() + ": max|y-e| " + dev + " > " + fixture.tolerance() + " * " + maxAbs);
        assertTrue(result.featureDeviation() <= 1e-4, "pooled features first16 deviate by " + result.featureDeviation());
        assertTrue(result.pass());
    }
}
