package org.icpengine.cli;

import java.io.PrintWriter;

import org.icpengine.errors.IcpException;
import org.icpengine.errors.InputException;

import picocli.CommandLine;

/**
 * The one place where failures become exit codes (DESIGN.md "Interfaces"): 0 ok, 1 internal error,
 * 2 bad input or usage. User mistakes print one clear message, never a stack trace; anything else is
 * a bug and prints its stack trace.
 */
final class ExitCodes {

    static final int OK = 0;
    static final int INTERNAL = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }

    static void install(CommandLine cl) {
        cl.setExitCodeExceptionMapper(ExitCodes::forException);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            int code = forException(e);
            if (code == BAD_INPUT) {
                err.println("icp: " + e.getMessage());
            } else if (e instanceof IcpException) {
                err.println("icp: " + e.getMessage());
                if (e.getCause() != null) {
                    err.println("icp: this is a bug; details follow");
                    e.printStackTrace(err);
                }
            } else {
                err.println("icp: internal error (this is a bug): " + e);
                e.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("icp: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return BAD_INPUT;
        });
    }

    static int forException(Throwable e) {
        if (e instanceof InputException || e instanceof CommandLine.ParameterException) {
            return BAD_INPUT;
        }
        return INTERNAL;
    }
}
