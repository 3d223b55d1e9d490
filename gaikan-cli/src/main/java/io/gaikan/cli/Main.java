package io.gaikan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gaikan} command line: a thin layer over the gaikan-core API. */
@Command(name = "gaikan", mixinStandardHelpOptions = true, version = "gaikan 0.1.0",
        description = "Defect-image classifiers from few images: transfer learning, fine-tuning, CG pretraining.",
        subcommands = {
                TrainCommand.class,
                EvalCommand.class,
                PredictCommand.class,
                BaselineCommand.class,
                SynthCommand.class,
                DemoCommand.class,
                PretrainCgCommand.class,
                ModelsCommand.class,
                ExperimentCommand.class,
                ReportCommand.class,
                ServeCommand.class,
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also what tests drive). */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler(Main::oneLineError);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Bad input is reported as one line naming the problem, not a stack trace (GAIKAN_DEBUG=1 shows it). */
    private static int oneLineError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (System.getenv("GAIKAN_DEBUG") != null) {
            e.printStackTrace();
        }
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        cmd.getErr().println("gaikan " + cmd.getCommandName() + ": error: " + message);
        return 2;
    }
}
