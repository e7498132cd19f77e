package org.icpengine.cli;

import java.util.concurrent.Callable;

import org.icpengine.errors.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Commands of DESIGN.md that this version does not implement yet. Each says so clearly and exits 2,
 * so scripts can tell them from success.
 */
final class Pending {

    private Pending() {
    }

    abstract static class Base implements Callable<Integer> {
        @Unmatched
        java.util.List<String> ignored;

        abstract String name();

        abstract String what();

        @Override
        public Integer call() {
            throw new InputException("'icp " + name() + "' (" + what() + ") is not yet available in this version; "
                    + "available now: init, demo, ingest, metrics, segments, discover, fit, validate, score, export, stats");
        }
    }

    @Command(name = "report", description = "Self-contained HTML report (not yet available).")
    static final class Report extends Base {
        String name() { return "report"; }
        String what() { return "the report"; }
    }

    @Command(name = "serve", description = "HTTP API and dashboard (not yet available).")
    static final class Serve extends Base {
        String name() { return "serve"; }
        String what() { return "the server"; }
    }
}
