package io.gaikan.cli;

import io.gaikan.model.ModelRegistry;
import io.gaikan.model.ModelSpec;
import io.gaikan.model.summary.ModelSummary;
import io.gaikan.model.verify.ParityCheck;
import io.gaikan.model.verify.ParityResult;
import io.gaikan.model.weights.PretrainedResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code gaikan models}: the model zoo; {@code gaikan models verify}: parity with timm on the golden fixtures. */
@Command(name = "models", mixinStandardHelpOptions = true, subcommands = ModelsCommand.Verify.class,
        description = {"Lists the model zoo: parameters (ImageNet head), default input size, GFLOPs per image at that",
                "size (multiply-adds, as papers count them) and whether ImageNet weights are found locally",
                "($GAIKAN_WEIGHTS/<model>[.<tag>].safetensors or ~/.cache/gaikan/weights/<model>.safetensors)."})
public final class ModelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PretrainedResolver resolver = PretrainedResolver.fromEnvironment(false);
        out.printf(Locale.ROOT, "%-16s %-12s %10s %6s %8s  %s%n", "MODEL", "FAMILY", "PARAMS", "INPUT", "GFLOPS", "IMAGENET WEIGHTS");
        for (ModelSpec model : ModelRegistry.defaults().all()) {
            ModelSummary s = ModelSummary.of(model, resolver);
            String weights = s.localWeights().map(p -> "local " + p)
                    .orElse(s.hubId() == null ? "none published" : "not local (hub: " + s.hubId() + ")");
            out.printf(Locale.ROOT, "%-16s %-12s %9.1fM %6d %8.2f  %s%n", s.name(), s.family(), s.parameters() / 1e6,
                    s.inputSize(), s.multiplyAdds() / 1e9, weights);
        }
        return 0;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks every parity fixture (<model>.json) in a folder: builds the model, loads the",
                    "fixture's recipe weights by timm name, runs eval-mode forward and compares with timm's logits.",
                    "Exit code 0 only if all pass."})
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--fixtures", required = true, paramLabel = "DIR",
                description = "folder of parity fixtures, e.g. ../shared/fixtures/parity")
        Path fixtures;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(fixtures)) {
                throw new IllegalArgumentException("--fixtures " + fixtures + ": not a folder");
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(fixtures)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("--fixtures " + fixtures + ": no *.json fixtures");
            }
            PrintWriter out = spec.commandLine().getOut();
            int failed = 0;
            for (Path file : files) {
                long start = System.nanoTime();
                try {
                    ParityResult r = ParityCheck.run(file);
                    failed += r.pass() ? 0 : 1;
                    out.printf(Locale.ROOT, "%-16s max|dlogit| %.2e  (%.2e of max|logit|, tol %.0e)  features %.1e  %5.1fs  %s%n",
                            r.model(), r.logitDeviation(), r.relativeLogitDeviation(), r.tolerance(),
                            r.featureDeviation(), (System.nanoTime() - start) / 1e9, r.pass() ? "PASS" : "FAIL");
                } catch (RuntimeException | IOException e) {
                    failed++;
                    out.printf(Locale.ROOT, "%-16s FAIL: %s%n", file.getFileName(), e.getMessage());
                }
                out.flush();
            }
            out.printf(Locale.ROOT, "%d of %d fixtures pass%n", files.size() - failed, files.size());
            return failed == 0 ? 0 : 1;
        }
    }
}
