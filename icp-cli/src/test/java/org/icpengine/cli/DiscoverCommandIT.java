package org.icpengine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icpengine.cli.CliRun.icp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.icpengine.core.demo.DemoGenerator;
import org.icpengine.core.demo.DemoSettings;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icp discover} end to end on a small ingested demo workspace (metrics computed by the command itself). */
class DiscoverCommandIT {

    @TempDir
    static Path demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void ingestTheDemo() {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(1500).withSeed(42)).generate(demo);
        Ingestor.run(Workspace.open(demo));
    }

    @Test
    void printsTheReportAndWritesOutDiscoverJson() throws IOException {
        CliRun r = icp("discover", "--workspace", demo.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("ICP discovery as of 2026-06-30: 1,500 accounts")
                .contains("1. Winning indicators", "2. ICP rules", "3. Personas", "  1. ", "× the ideal rate, n = ",
                        "Persona 1, ", "Wrote " + demo.resolve("out").resolve("discover.json"));
        JsonNode json = new ObjectMapper().readTree(demo.resolve("out/discover.json").toFile());
        assertThat(json.get("as_of").asText()).isEqualTo("2026-06-30");
        assertThat(json.get("rules").size()).isPositive();
        assertThat(json.get("indicators").get(0).get("bins").size()).isPositive();
    }

    @Test
    void formatJsonPrintsTheSameReportAsTheFile() throws IOException {
        CliRun r = icp("discover", "--workspace", demo.toString(), "--as-of", "2026-06-30", "--format", "JSON");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode printed = new ObjectMapper().readTree(r.out());
        assertThat(printed).isEqualTo(new ObjectMapper().readTree(demo.resolve("out/discover.json").toFile()));
        assertThat(printed.get("settings").get("alpha").asDouble()).isEqualTo(0.5);
    }

    @Test
    void accountsAndOpportunitiesOnlySkipWithANoteAndExitZero() throws IOException {
        Files.writeString(dir.resolve("icp.yaml"), """
                as_of: 2026-06-30
                sources:
                  accounts: { path: data/accounts.csv }
                  opportunities: { path: data/opportunities.csv }
                """);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/accounts.csv"), "account_id,industry\na,SaaS\nb,Retail\nc,SaaS\n");
        Files.writeString(dir.resolve("data/opportunities.csv"), "opportunity_id,account_id,stage,created_at,closed_at\n"
                + "o1,a,won,2024-01-01,2024-02-01\no2,b,lost,2024-01-01,2024-02-01\n");
        assertThat(icp("ingest", "--workspace", dir.toString()).exitCode()).isZero();

        CliRun r = icp("discover", "--workspace", dir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Skipped: the ideal outcome cannot be learned", "subscriptions (retained_12m, nrr_12m)");
        assertThat(dir.resolve("out/discover.json")).exists();
    }

    @Test
    void withoutAStoreExitsTwoSayingWhatToRun() throws IOException {
        Files.writeString(dir.resolve("icp.yaml"), "sources:\n  accounts: { path: data/accounts.csv }\n");

        CliRun r = icp("discover", "--workspace", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("icp: no store in").contains("run 'icp ingest' first").doesNotContain("\tat ");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void badOptionsExitTwo() {
        CliRun format = icp("discover", "--workspace", demo.toString(), "--format", "csv");
        CliRun date = icp("discover", "--workspace", demo.toString(), "--as-of", "30/06/2026");

        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("expected table or json, got 'csv'");
        assertThat(date.exitCode()).isEqualTo(2);
        assertThat(date.err()).contains("expected a date yyyy-mm-dd, got '30/06/2026'");
    }
}
