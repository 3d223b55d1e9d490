package io.gaikan.cli;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the configured command line in-process and captures its exit code, standard output and error stream. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true));
        try {
            CommandLine cmd = Main.commandLine();
            cmd.setErr(new PrintWriter(err, true));
            return new CliRun(cmd.execute(args), out.toString(), err.toString());
        } finally {
            System.setOut(stdout);
        }
    }
}
