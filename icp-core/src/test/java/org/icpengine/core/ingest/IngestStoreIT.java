package org.icpengine.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.icpengine.core.schema.CanonicalTable;
import org.icpengine.core.schema.Column;
import org.icpengine.core.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store file {@code .icp/icp.duckdb}: canonical tables with their types, custom attributes, bookkeeping tables. */
class IngestStoreIT {

    @TempDir
    Path dir;

    private List<List<String>> columnsOf(TestWorkspace ws, String table) {
        return ws.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '" + table
                + "' ORDER BY ordinal_position");
    }

    @Test
    void ingestWithoutAStoreCreatesIcpDuckdbInTheWorkspace() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir);

        IngestReport report = Ingestor.run(ws.open());

        assertThat(dir.resolve(".icp/icp.duckdb")).isRegularFile();
        assertThat(report.loaded()).isEqualTo(3);
        assertThat(ws.scalar("SELECT count(*) FROM accounts")).isEqualTo("3");
    }

    @Test
    void everyCanonicalTableIsCreatedWithTheTypesOfItsColumns() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir);

        ws.ingest();

        for (CanonicalTable t : CanonicalTable.values()) {
            List<List<String>> expected = new ArrayList<>();
            for (Column c : t.columns()) {
                expected.add(List.of(c.name(), c.type().sqlType()));
            }
            expected.add(List.of(Store.SOURCE_COLUMN, "VARCHAR"));
            assertThat(columnsOf(ws, t.tableName())).as(t.tableName()).isEqualTo(expected);
        }
    }

    @Test
    void canonicalColumnsHaveTheTypesOfDesignMd() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir);

        ws.ingest();

        // written out, so that a change to the schema code cannot silently change the stored types
        assertThat(columnsOf(ws, "accounts")).containsExactly(List.of("account_id", "VARCHAR"), List.of("name", "VARCHAR"),
                List.of("domain", "VARCHAR"), List.of("industry", "VARCHAR"), List.of("employees", "BIGINT"),
                List.of("annual_revenue", "DECIMAL(18,2)"), List.of("country", "VARCHAR"), List.of("region", "VARCHAR"),
                List.of("tech_stack", "VARCHAR[]"), List.of("created_at", "DATE"), List.of("acquisition_channel", "VARCHAR"),
                List.of("_source", "VARCHAR"));
        assertThat(columnsOf(ws, "opportunities")).containsExactly(List.of("opportunity_id", "VARCHAR"),
                List.of("account_id", "VARCHAR"), List.of("type", "VARCHAR"), List.of("stage", "VARCHAR"),
                List.of("amount", "DECIMAL(18,2)"), List.of("created_at", "DATE"), List.of("closed_at", "DATE"),
                List.of("product", "VARCHAR"), List.of("_source", "VARCHAR"));
        assertThat(columnsOf(ws, "subscriptions")).containsExactly(List.of("subscription_id", "VARCHAR"),
                List.of("account_id", "VARCHAR"), List.of("product", "VARCHAR"), List.of("is_addon", "BOOLEAN"),
                List.of("start_date", "DATE"), List.of("end_date", "DATE"), List.of("mrr", "DECIMAL(18,2)"),
                List.of("_source", "VARCHAR"));
        assertThat(columnsOf(ws, "usage_events")).containsExactly(List.of("account_id", "VARCHAR"),
                List.of("user_id", "VARCHAR"), List.of("occurred_at", "TIMESTAMP"), List.of("event", "VARCHAR"),
                List.of("quantity", "DOUBLE"), List.of("_source", "VARCHAR"));
        assertThat(columnsOf(ws, "nps_responses")).containsExactly(List.of("account_id", "VARCHAR"),
                List.of("respondent", "VARCHAR"), List.of("responded_at", "TIMESTAMP"), List.of("score", "BIGINT"),
                List.of("comment", "VARCHAR"), List.of("_source", "VARCHAR"));
        assertThat(columnsOf(ws, "support_tickets")).containsExactly(List.of("ticket_id", "VARCHAR"),
                List.of("account_id", "VARCHAR"), List.of("opened_at", "TIMESTAMP"), List.of("closed_at", "TIMESTAMP"),
                List.of("priority", "VARCHAR"), List.of("effort_minutes", "DOUBLE"), List.of("_source", "VARCHAR"));
        assertThat(columnsOf(ws, "spend")).containsExactly(List.of("month", "DATE"), List.of("channel", "VARCHAR"),
                List.of("kind", "VARCHAR"), List.of("amount", "DECIMAL(18,2)"), List.of("_source", "VARCHAR"));
        assertThat(columnsOf(ws, "research_notes")).containsExactly(List.of("account_id", "VARCHAR"),
                List.of("noted_at", "DATE"), List.of("source", "VARCHAR"), List.of("culture_fit", "BIGINT"),
                List.of("pain_points", "VARCHAR[]"), List.of("notes", "VARCHAR"), List.of("_source", "VARCHAR"));
    }

    @Test
    void rejectedRowsAndIngestLogAreCreated() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir);

        ws.ingest();

        assertThat(columnsOf(ws, "rejected_rows")).containsExactly(List.of("table_name", "VARCHAR"),
                List.of("file", "VARCHAR"), List.of("line", "BIGINT"), List.of("column_name", "VARCHAR"),
                List.of("value", "VARCHAR"), List.of("reason", "VARCHAR"), List.of("ingested_at", "TIMESTAMP"));
        assertThat(ws.query("SELECT table_name, file = '" + ws.path("data/accounts.csv") + "', bytes > 0, rows_read, "
                + "rows_loaded, rows_rejected, CAST(ingested_at AS VARCHAR) FROM ingest_log"))
                .containsExactly(List.of("accounts", "true", "true", "3", "3", "0", "2026-07-01 09:30:00"));
    }

    @Test
    void attributesOfAnyTableAreStoredWithTheirDeclaredTypes() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.csv }
                  opportunities:
                    path: data/deals.csv
                    attributes:
                      partner_led: { column: Partner, type: boolean }
                      discount: { column: Discount, type: number }
                      competitors: { column: Competitors, type: list }
                      lead_source: { column: Lead Source }
                """).file("data/deals.csv", """
                opportunity_id,account_id,stage,created_at,Partner,Discount,Competitors,Lead Source
                o1,a1,open,2026-01-01,no,0.15,rival;other,webinar
                """);

        ws.ingest();

        assertThat(columnsOf(ws, "opportunities").subList(9, 13)).containsExactly(List.of("partner_led", "BOOLEAN"),
                List.of("discount", "DOUBLE"), List.of("competitors", "VARCHAR[]"), List.of("lead_source", "VARCHAR"));
        assertThat(ws.query("SELECT partner_led, discount, CAST(competitors AS VARCHAR), lead_source FROM opportunities"))
                .containsExactly(List.of("false", "0.15", "[rival, other]", "webinar"));
    }

    @Test
    void attributeIsRetypedWhenItsDeclaredTypeChanges() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir).yaml("""
                sources:
                  accounts:
                    path: data/accounts.csv
                    attributes: { size: { column: employees, type: number } }
                """);
        ws.ingest();
        assertThat(ws.query("SELECT data_type FROM information_schema.columns WHERE column_name = 'size'"))
                .containsExactly(List.of("DOUBLE"));
        ws.yaml("""
                sources:
                  accounts:
                    path: data/accounts.csv
                    attributes: { size: { column: employees, type: list } }
                """);

        ws.ingest();

        assertThat(ws.query("SELECT data_type FROM information_schema.columns WHERE column_name = 'size'"))
                .containsExactly(List.of("VARCHAR[]"));
        assertThat(ws.query("SELECT account_id, CAST(size AS VARCHAR) FROM accounts ORDER BY 1"))
                .containsExactly(List.of("a1", "[120]"), List.of("a2", "[40]"), List.of("a3", "[800]"));
    }

    @Test
    void storeCountsOnlyItsOwnTables() {
        try (Store store = Store.inMemory()) {
            store.ensureSchema(TestWorkspace.withAccounts(dir).open().config());
            assertThat(store.count("accounts")).isZero();
            assertThat(store.count("rejected_rows")).isZero();
            assertThatThrownBy(() -> store.count("accounts; DROP TABLE accounts"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a store table");
        }
    }
}
