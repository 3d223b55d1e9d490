package io.gaikan.cli;

import io.gaikan.data.DataOptions;
import io.gaikan.data.PreparedData;
import io.gaikan.model.ModelRegistry;
import io.gaikan.train.RunDirectory;
import io.gaikan.train.RunInfo;
import io.gaikan.train.RunLayout;
import io.gaikan.train.TrainConfig;
import io.gaikan.train.TrainResult;
import io.gaikan.train.TrainSettings;
import io.gaikan.train.Trainer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code gaikan train}: trains and tests one model; writes a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = TrainCommand.Options.class,
        description = "Train a classifier (scratch, transfer, fine-tune or a transfer->fine-tune schedule) and test it.")
public final class TrainCommand implements Callable<Integer> {

    @ArgGroup(exclusive = false, heading = "Data%n")
    DataArgs dataArgs;

    @Option(names = "--out", description = "run directory (default runs/<model>-<mode>-<time>)")
    Path out;

    @Option(names = "--resume", description = "continue the run in --out from its last checkpoint (settings from its run.json)")
    boolean resume;

    @Option(names = "--overwrite", description = "start again in an --out that holds a run (its files are deleted); "
            + "a folder of other files is never touched")
    boolean overwrite;
    @Option(names = "--checkpoint-every", paramLabel = "SECONDS", description = "write a checkpoint at the end of an "
            + "epoch once this many seconds passed since the last, and at the end of every phase (default 60; 0 = "
            + "every epoch)")
    long checkpointEvery = Trainer.CHECKPOINT_EVERY.toSeconds();

    @Spec
    CommandSpec spec;

    /** Every training setting as an option, from its declaration ({@link TrainSettings}). */
    static final SettingOptions SETTINGS = new SettingOptions(TrainSettings.ALL, TrainConfig.builder().build());

    /** Adds {@link #SETTINGS} to the command's options (picocli calls it when building the command). */
    public static final class Options implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec commandSpec) {
            return SETTINGS.add(commandSpec);
        }
    }

    @Override
    public Integer call() throws Exception {
        TrainConfig config;
        DataOptions dataOptions;
        ParseResult parsed = spec.commandLine().getParseResult();
        if (resume) {
            if (out == null) {
                throw new IllegalArgumentException("--resume needs --out RUN_DIR");
            }
            parsed.matchedOptions().stream().filter(o -> TrainSettings.ALL.stream()
                    .anyMatch(s -> s.identity() && s.option().equals(o.longestName()))).findFirst().ifPresent(o -> {
                        throw new IllegalArgumentException("--resume continues a run with the settings of its run.json; "
                                + "leave out " + o.longestName() + " (or start a new run)");
                    });
            RunInfo info = new RunLayout(out).readInfo();
            // the run's settings from its run.json; how this machine runs it from this command line
            config = SettingOptions.readInto(info.config().toBuilder(), parsed,
                    TrainSettings.ALL.stream().filter(s -> !s.identity()).toList()).build();
            dataOptions = new DataOptions(Path.of(info.data()), null, new RunLayout(out).split(), 0, 0, 0, config.seed(),
                    true, info.normalClasses());
        } else {
            if (dataArgs == null) {
                throw new IllegalArgumentException("--data is required");
            }
            config = SETTINGS.read(parsed).build();
            dataOptions = dataArgs.toOptions(config.seed());
            if (out == null) {
                out = Path.of("runs", config.model() + "-" + config.mode().name().toLowerCase(java.util.Locale.ROOT)
                        + "-" + java.time.LocalDateTime.now().format(
                        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            }
        }
        PreparedData prepared = PreparedData.prepare(dataOptions, config.threads(), System.out);
        if (dataArgs != null) {
            dataArgs.listNotRead(prepared, System.out);
        }
        if (!resume) { // after the data is checked: a refused command must not have deleted anything
            RunDirectory.prepareFresh(out, config, overwrite);
        }
        System.out.printf("data: %d classes, train %d / val %d / test %d images%s%n", prepared.data().numClasses(),
                prepared.split().train().size(), prepared.split().val().size(), prepared.split().test().size(),
                prepared.split().duplicates().isEmpty() ? "" : " (" + prepared.split().duplicates().size() + " duplicate(s) left out)");
        TrainResult result = new Trainer(ModelRegistry.defaults(), System.out)
                .checkpointEvery(Duration.ofSeconds(checkpointEvery))
                .train(config, prepared.data(), prepared.split(), prepared.normalClasses(), out, resume);
        Reports.printSummary(result, System.out);
        return 0;
    }
}
