package org.icpengine.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/** The entry point of the {@code icp} command. */
public final class Icp {

    private Icp() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs {@code icp} with the given arguments and writers; returns the exit code. Used by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    /** The configured command line: root command, subcommands, writers and exit-code mapping. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new IcpCommand());
        cl.setOut(out);
        cl.setErr(err);
        ExitCodes.install(cl);
        return cl;
    }
}
