package org.icpengine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icpengine.cli.CliRun.icp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.icpengine.core.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root command and the commands that need no store: help, version, usage errors, init. */
class IcpCommandTest {

    @TempDir
    Path dir;

    private static String template() throws IOException {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("icp.template.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void helpListsTheCommandsAndExitCodesAndExitsZero() {
        CliRun r = icp("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: icp ").contains("init", "ingest", "metrics", "discover", "score", "serve")
                .contains("Exit codes: 0 ok, 1 internal error, 2 bad input or usage.");
    }

    @Test
    void noCommandPrintsTheUsageAndExitsZero() {
        CliRun r = icp();

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: icp ");
    }

    @Test
    void subcommandHelpDescribesTheCommand() {
        CliRun r = icp("ingest", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: icp ingest").contains("--workspace=DIR").contains("Load every source of icp.yaml");
    }

    @Test
    void versionPrintsTheBuildVersionAndExitsZero() {
        CliRun r = icp("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).matches("(?s)icp \\d+\\.\\d+\\.\\d+[^ ]* \\(ICP Engine\\)\\RJava .*")
                .doesNotContain("unknown").doesNotContain("${");
    }

    @Test
    void unknownCommandExitsTwoWithASuggestion() {
        CliRun r = icp("ingets");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Unmatched argument at index 0: 'ingets'").contains("Did you mean")
                .contains("ingest").contains("Try 'icp --help' for usage.").doesNotContain("\tat ");
    }

    @Test
    void unknownOptionExitsTwoNamingIt() {
        CliRun r = icp("ingest", "--no-such-option");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--no-such-option").contains("Try 'icp ingest --help' for usage.");
    }

    @Test
    void aMistypedCommandExitsTwoSuggestingTheNearestOne() {
        CliRun r = icp("serv", "--port", "7070");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Unmatched arguments from index 0: 'serv'").contains("Did you mean: icp serve")
                .doesNotContain("\tat ");
    }

    @Test
    void initWritesTheCommentedIcpYamlAndADataFolder() throws IOException {
        Path ws = dir.resolve("my-icp");

        CliRun r = icp("init", ws.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Created " + ws.resolve("icp.yaml")).contains("icp ingest --workspace " + ws);
        assertThat(ws.resolve("icp.yaml")).hasContent(template());
        assertThat(ws.resolve("data")).isDirectory();
        assertThat(ConfigLoader.loadWorkspace(ws).sources()).isNotEmpty();
    }

    @Test
    void initRefusesToOverwriteAnExistingIcpYamlWithoutForce() throws IOException {
        Path yaml = dir.resolve("icp.yaml");
        Files.writeString(yaml, "currency: EUR\n");

        CliRun r = icp("init", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("icp: " + yaml + " already exists; use --force to overwrite it" + System.lineSeparator());
        assertThat(yaml).hasContent("currency: EUR\n");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void initWithForceOverwritesAnExistingIcpYaml() throws IOException {
        Path yaml = dir.resolve("icp.yaml");
        Files.writeString(yaml, "currency: EUR\n");

        CliRun r = icp("init", "--force", dir.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(yaml).hasContent(template());
    }

    @Test
    void initIntoAFileExitsTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

        CliRun r = icp("init", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(file + " exists and is not a folder");
    }
}
