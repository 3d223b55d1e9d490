package io.gaikan.cli;

import io.gaikan.data.DataOptions;
import io.gaikan.data.PreparedData;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The data and split options shared by train, baseline and experiment commands. */
public final class DataArgs {

    @Option(names = "--data", required = true, description = "ImageFolder directory (root/<class>/<image>) or CSV manifest (path,label[,columns...])")
    Path data;

    @Option(names = "--test-dir", description = "a separate ImageFolder used as the test set")
    Path testDir;

    @Option(names = "--split", description = "reuse a saved split.csv (path,subset) so runs compare on the same test images")
    Path splitFile;

    @Option(names = "--val", defaultValue = "0.15", description = "validation fraction per class (default ${DEFAULT-VALUE})")
    double valFraction;

    @Option(names = "--test", defaultValue = "0.2", description = "test fraction per class (default ${DEFAULT-VALUE})")
    double testFraction;

    @Option(names = "--shots", defaultValue = "0", description = "training images per class (k-shot; nested subsets, fixed val/test); 0 = all")
    int shots;

    @Option(names = "--split-seed", description = "seed of the split and the k-shot draw (default: --seed)")
    Long splitSeed;

    @Option(names = "--normal-classes", split = ",", description = "the normal (OK) classes; the rest are defects (NG)")
    List<String> normalClasses = new ArrayList<>();

    @Option(names = "--skip-bad", description = "skip unreadable images and list them instead of stopping")
    boolean skipBad;

    @Option(names = "--on-conflict", defaultValue = "error", description = "identical images under different labels: "
            + "error (default, lists them), drop (leave every copy out) or keep-first")
    String onConflict;

    @Option(names = "--verbose", description = "list the files and folders under --data that are not read as images")
    boolean verbose;

    /** The count of what was not read is always printed; the list only when asked. */
    void listNotRead(PreparedData prepared, PrintStream out) {
        if (verbose) {
            prepared.notRead().forEach(p -> out.println("  not read: " + p));
        }
    }

    DataOptions toOptions(long seed) {
        return new DataOptions(data, testDir, splitFile, valFraction, testFraction, shots,
                splitSeed != null ? splitSeed : seed, skipBad, normalClasses,
                Enums.parse(DataOptions.LabelConflicts.class, onConflict, "--on-conflict"));
    }
}
