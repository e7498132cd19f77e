package org.icpengine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One {@code icp} invocation through {@link Icp#run}, with what it printed.
 *
 * @param exitCode the exit code
 * @param out      what went to standard output
 * @param err      what went to standard error
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun icp(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Icp.run(args, o, e);
        }
        return new CliRun(code, out.toString(), err.toString());
    }
}
