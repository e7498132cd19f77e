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
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icp metrics} through {@link Icp#run}: the table, csv and json formats, --output, and exit codes 0 and 2. */
class MetricsCommandIT {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private void write(String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    /** Two accounts and one won deal, ingested. */
    private void workspace() throws IOException {
        write("icp.yaml", """
                as_of: 2026-06-30
                sources:
                  accounts: { path: data/accounts.csv }
                  opportunities: { path: data/deals.csv }
                """);
        write("data/accounts.csv", "account_id,name,industry,employees,tech_stack\na1,Acme,SaaS,120,a;b\na2,Beta,,,\n");
        write("data/deals.csv", "opportunity_id,account_id,stage,amount,created_at,closed_at\n"
                + "o1,a1,won,1000,2026-01-01,2026-01-31\n");
        assertThat(icp("ingest", "-w", dir.toString()).exitCode()).isZero();
    }

    private long metricRows() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(".icp/icp.duckdb"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'account_metrics'")) {
            r.next();
            if (r.getLong(1) == 0) {
                return -1;
            }
            try (ResultSet n = s.executeQuery("SELECT COUNT(*) FROM account_metrics")) {
                n.next();
                return n.getLong(1);
            }
        }
    }

    private static final List<String> NOTES = List.of(
            "Note: no usage_events: usage metrics (active_days_per_week, active_users, usage_trend, use_cases, "
                    + "high_value_use_cases, high_value_share) are null",
            "Note: no subscriptions: mrr, churned_at, is_active, mrr_12m_ago, nrr_12m, retained_12m, expansion_mrr_12m, "
                    + "addon_purchases_12m, ltv, ltv_simple and ltv_cac are null",
            "Note: no nps_responses: nps is null",
            "Note: no support_tickets: tickets_per_month and support_minutes_per_month are null",
            "Note: no spend: cac and ltv_cac are null",
            "Note: no research_notes: culture_fit and pain_points are null");

    @Test
    void theTableShowsAReadableSubsetACountLineAndOneNotePerMissingTable() throws Exception {
        workspace();

        CliRun r = icp("metrics", "--workspace", dir.toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(String.join(NL,
                "account_id  name  industry  employees_band  is_customer  mrr  nrr_12m  ltv  cac  ltv_cac  win_rate  "
                        + "active_days_per_week  usage_trend  nps",
                "----------  ----  --------  --------------  -----------  ---  -------  ---  ---  -------  --------  "
                        + "--------------------  -----------  ---",
                "a1          Acme  SaaS      51-200                  yes    -        -    -    -        -      100%  "
                        + "                   -            -    -",
                "a2          Beta  -         -                        no    -        -    -    -        -         -  "
                        + "                   -            -    -",
                "",
                "2 accounts, 1 customer, as of 2026-06-30; money in USD. All 46 columns are stored in account_metrics; "
                        + "--format csv or json prints them.",
                String.join(NL, NOTES), ""));
        assertThat(metricRows()).isEqualTo(2);
    }

    @Test
    void csvHasEveryColumnAndLeavesTheNotesOnStandardError() throws Exception {
        workspace();

        CliRun r = icp("metrics", "-w", dir.toString(), "--format", "csv", "--as-of", "2026-03-01");

        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("as_of,account_id,name,domain,industry,employees,annual_revenue,country,region,"
                + "tech_stack,created_at,acquisition_channel,employees_band,revenue_band,active_days_per_week,")
                .endsWith(",culture_fit,pain_points");
        assertThat(lines.get(0).split(",")).hasSize(46);
        // won on 2026-01-31 after 30 days: a customer since then (1 month to 2026-02-28, then 1 day), conversion,
        // win rate 1, AOV 1000, cycle 30
        String tenure = java.math.BigDecimal.valueOf(1 + 1 / 30.4375).toPlainString();
        assertThat(lines.get(1)).startsWith("2026-03-01,a1,Acme,,SaaS,120,,,,a;b,,,51-200,,,,,,,,true,2026-01-31,,"
                + tenure + ",,,,,,,,true,1,0,1,1000,30,");
        assertThat(lines.get(2)).startsWith("2026-03-01,a2,Beta,").contains(",false,,,,,,,,,,,false,0,0,,,,");
        assertThat(r.err().lines().toList()).hasSize(6).allMatch(l -> l.startsWith("icp: note: no "));
    }

    @Test
    void jsonHasEveryColumnTypedAndTheNotes() throws Exception {
        workspace();

        CliRun r = icp("metrics", "-w", dir.toString(), "--format", "JSON");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("as_of").asText()).isEqualTo("2026-06-30");
        assertThat(root.get("accounts").asLong()).isEqualTo(2);
        assertThat(root.get("customers").asLong()).isEqualTo(1);
        assertThat(root.get("notes")).hasSize(6);
        JsonNode a1 = root.get("rows").get(0);
        assertThat(a1.size()).isEqualTo(46);
        assertThat(a1.get("account_id").asText()).isEqualTo("a1");
        assertThat(a1.get("employees").isIntegralNumber()).isTrue();
        assertThat(a1.get("tech_stack").isArray()).isTrue();
        assertThat(a1.get("is_customer").asBoolean()).isTrue();
        assertThat(a1.get("win_rate").asDouble()).isEqualTo(1.0);
        assertThat(a1.get("tenure_months").asDouble()).isEqualTo(4 + 30 / 30.4375);
        assertThat(a1.get("mrr").isNull()).isTrue();
        assertThat(root.get("rows").get(1).get("conversion").asBoolean()).isFalse();
    }

    @Test
    void outputWritesTheFileAndSaysSo() throws Exception {
        workspace();
        Path file = dir.resolve("out/exports/metrics.csv");

        CliRun r = icp("metrics", "-w", dir.toString(), "--format", "csv", "--output", file.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Wrote 2 accounts as of 2026-06-30 to " + file + NL)
                .contains(NOTES.get(0));
        assertThat(Files.readAllLines(file)).hasSize(3);
    }

    @Test
    void aBadDateExitsTwoWithAClearMessageAndComputesNothing() throws Exception {
        workspace();

        CliRun r = icp("metrics", "-w", dir.toString(), "--as-of", "2026-13-01");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("--as-of", "expected a date yyyy-mm-dd, got '2026-13-01'")
                .contains("Try 'icp metrics --help' for usage.").doesNotContain("\tat ");
        assertThat(metricRows()).isEqualTo(-1);
    }

    @Test
    void aBadFormatExitsTwo() throws Exception {
        workspace();

        CliRun r = icp("metrics", "-w", dir.toString(), "--format", "xml");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("expected table, csv or json, got 'xml'");
        assertThat(metricRows()).isEqualTo(-1);
    }

    @Test
    void aWorkspaceNeverIngestedExitsTwo() throws Exception {
        write("icp.yaml", "sources:\n  accounts: { path: data/accounts.csv }\n");

        CliRun r = icp("metrics", "-w", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("icp: no store in " + dir.toAbsolutePath().normalize()
                + "; run 'icp ingest' first" + NL);
        assertThat(dir.resolve(".icp")).doesNotExist();
    }

    @Test
    void withoutAsOfAndWithoutDatesTheMessageSaysWhatToPass() throws Exception {
        write("icp.yaml", "sources:\n  accounts: { path: data/accounts.csv }\n");
        write("data/accounts.csv", "account_id\na1\n");
        assertThat(icp("ingest", "-w", dir.toString()).exitCode()).isZero();

        CliRun r = icp("metrics", "-w", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("pass --as-of YYYY-MM-DD or set as_of in icp.yaml");
        assertThat(icp("metrics", "-w", dir.toString(), "--as-of", "2026-01-01").exitCode()).isZero();
    }
}
