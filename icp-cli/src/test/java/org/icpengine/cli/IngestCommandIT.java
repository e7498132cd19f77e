package org.icpengine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icpengine.cli.CliRun.icp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icp ingest} through {@link Icp#run}: the per-source table, totals, and exit codes 0 and 2. */
class IngestCommandIT {

    @TempDir
    Path dir;

    private static final String NL = System.lineSeparator();

    private void write(String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private void workspace() throws IOException {
        write("icp.yaml", """
                as_of: 2026-06-30
                sources:
                  accounts: { path: data/accounts.csv }
                  opportunities: { path: data/deals.csv }
                """);
        write("data/accounts.csv", "account_id,name,employees\na1,Acme,10\na2,Beta,-1\na3,Gamma,30\n");
        write("data/deals.csv", "opportunity_id,account_id,stage,created_at\no1,a1,open,2026-01-01\no2,a3,open,2026-02-01\n");
    }

    private String count(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(".icp/icp.duckdb"));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void ingestPrintsReadLoadedAndRejectedPerSourceWithTotalsAndExitsZero() throws Exception {
        workspace();

        CliRun r = icp("ingest", "--workspace", dir.toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(String.join(NL,
                "table          file               read  loaded  rejected",
                "-------------  -----------------  ----  ------  --------",
                "accounts       data/accounts.csv     3       2         1",
                "opportunities  data/deals.csv        2       2         0",
                "",
                "Read 5 rows: 4 loaded, 1 rejected.",
                "Rejected rows (file, line, column, value, reason): out/rejected/accounts.csv",
                ""));
        assertThat(dir.resolve("out/rejected/accounts.csv")).hasContent(
                "file,line,column,value,reason\ndata/accounts.csv,3,employees,-1,negative: expected a value >= 0\n");
        assertThat(count("accounts")).isEqualTo("2");
    }

    @Test
    void ingestWithoutRejectsSaysNothingAboutRejectedFiles() throws Exception {
        workspace();
        write("data/accounts.csv", "account_id,name\na1,Acme\na3,Gamma\n");

        CliRun r = icp("ingest", "-w", dir.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Read 4 rows: 4 loaded, 0 rejected." + NL).doesNotContain("Rejected rows");
    }

    @Test
    void missingRequiredColumnExitsTwoNamingFileAndColumnAndChangesNothing() throws Exception {
        workspace();
        assertThat(icp("ingest", "-w", dir.toString()).exitCode()).isZero();
        write("data/accounts.csv", "account_id,name\na9,New\n");
        write("data/deals.csv", "opportunity_id,account_id,created_at\no9,a1,2026-01-01\n");

        CliRun r = icp("ingest", "-w", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("icp: " + dir.resolve("data/deals.csv").toAbsolutePath().normalize()
                + ": required column 'stage' not found; the header has: opportunity_id, account_id, created_at" + NL);
        assertThat(count("accounts")).isEqualTo("2");
        assertThat(count("opportunities")).isEqualTo("2");
    }

    @Test
    void missingSourceFileExitsTwoNamingTheFile() throws Exception {
        workspace();
        Files.delete(dir.resolve("data/deals.csv"));

        CliRun r = icp("ingest", "-w", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("icp: sources.opportunities.path: file not found: ")
                .contains("data/deals.csv").doesNotContain("\tat ");
    }

    @Test
    void globMatchingNothingExitsTwo() throws Exception {
        workspace();
        write("icp.yaml", "sources:\n  accounts: { path: \"exports/*.csv\" }\n");

        CliRun r = icp("ingest", "-w", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("icp: sources.accounts.path: no file matches 'exports/*.csv'");
    }

    @Test
    void badIcpYamlExitsTwoNamingFileLineAndKey() throws Exception {
        workspace();
        write("icp.yaml", "sources:\n  acounts: { path: data/accounts.csv }\n");

        CliRun r = icp("ingest", "-w", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("icp: icp.yaml:2:3: sources.acounts: unknown key 'acounts'")
                .contains("(did you mean 'accounts'?)");
        assertThat(dir.resolve(".icp")).doesNotExist();
    }

    @Test
    void folderWithoutIcpYamlExitsTwoSayingWhatToDo() {
        CliRun r = icp("ingest", "-w", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no icp.yaml in").contains("run 'icp init' there");
    }

    @Test
    void initThenIngestLoadsTheTemplateWorkspace() throws Exception {
        Path ws = dir.resolve("ws");
        assertThat(icp("init", ws.toString()).exitCode()).isZero();
        Files.writeString(ws.resolve("data/accounts.csv"), "account_id,name,tech_stack\na1,Acme,salesforce;hubspot\na2,Beta,NA\n");

        CliRun r = icp("ingest", "--workspace", ws.toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("accounts  data/accounts.csv     2       2         0").contains("Read 2 rows: 2 loaded, 0 rejected.");
    }
}
