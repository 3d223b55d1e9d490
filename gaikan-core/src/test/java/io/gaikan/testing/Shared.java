package io.gaikan.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The read-only ../shared folder (datasets, weights, parity fixtures). Tests that need it call {@link #require},
 * which skips the test with a reason on a clone that has no ../shared.
 */
public final class Shared {

    private Shared() {
    }

    public static Path root() {
        String prop = System.getProperty("gaikan.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "shared");
        return p.toAbsolutePath().normalize();
    }

    /** Resolves a path under ../shared, skipping the calling test when it is absent. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), "skipped: " + p + " not present (tests on real data need ../shared beside the repo)");
        return p;
    }
}
