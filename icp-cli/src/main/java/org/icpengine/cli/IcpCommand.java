package org.icpengine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: {@code icp <subcommand>}. */
@Command(name = "icp", mixinStandardHelpOptions = true, versionProvider = IcpCommand.Version.class,
        description = {"ICP Engine finds your Ideal Customer Profile from your own data and puts it to work.", ""},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Start with 'icp demo' for a generated example, or 'icp init DIR' for your own data.",
                "Exit codes: 0 ok, 1 internal error, 2 bad input or usage."},
        subcommands = {InitCommand.class, DemoCommand.class, IngestCommand.class,
                MetricsCommand.class, SegmentsCommand.class, DiscoverCommand.class, FitCommand.class,
                ValidateCommand.class, ScoreCommand.class, ExportCommand.class, ReportCommand.class, ServeCommand.class,
                org.icpengine.cli.stats.StatsCommand.class})
final class IcpCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version the build wrote into {@code version.properties}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = IcpCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"icp " + p.getProperty("version", "unknown") + " (ICP Engine)",
                    "Java " + System.getProperty("java.version")};
        }
    }
}
