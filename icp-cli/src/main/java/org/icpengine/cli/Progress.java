package org.icpengine.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Progress of long steps, on standard error and only when it is a terminal (DESIGN.md "Interfaces"). */
final class Progress {

    private Progress() {
    }

    /** A sink that prints {@code icp: message} to {@code err} when the console is a terminal, else nothing. */
    static Consumer<String> toTerminal(PrintWriter err) {
        if (System.console() == null) {
            return message -> { };
        }
        return message -> {
            err.println("icp: " + message + " ...");
            err.flush();
        };
    }
}
