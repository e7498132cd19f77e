package org.icpengine.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;

import org.icpengine.core.ingest.TestWorkspace.Snapshot;
import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All or nothing, idempotent, replace by key or by file, every row loaded or rejected (DESIGN.md
 * "Ingestion: nothing lost, nothing half-done").
 */
class IngestTransactionIT {

    @TempDir
    Path dir;

    private static final String TWO_SOURCES = """
            as_of: 2026-06-30
            sources:
              accounts: { path: data/accounts.csv }
              opportunities: { path: data/deals.csv }
            """;

    private static final String DEALS_CSV = """
            opportunity_id,account_id,stage,amount,created_at,closed_at
            o1,a1,won,1000,2026-01-01,2026-02-01
            o2,a2,open,,2026-03-01,
            """;

    private TestWorkspace twoSources() {
        return TestWorkspace.withAccounts(dir).yaml(TWO_SOURCES).file("data/deals.csv", DEALS_CSV);
    }

    @Test
    void badSecondSourceLeavesTheFirstSourcesTableExactlyAsBefore() {
        TestWorkspace ws = twoSources();
        ws.ingest();
        Snapshot before = ws.snapshot();
        // the accounts file changes (a new row, a changed row) but the deals file lacks a required column
        ws.file("data/accounts.csv", TestWorkspace.ACCOUNTS_CSV.replace("Acme", "Acme Renamed") + "a4,Delta,,,,,,,\n")
                .file("data/deals.csv", "opportunity_id,account_id,amount,created_at\no3,a1,5,2026-01-01\n");

        InputException e = ws.ingestFails();

        assertThat(e.getMessage()).contains(ws.path("data/deals.csv").toString()).contains("required column 'stage'")
                .contains("the header has: opportunity_id, account_id, amount, created_at");
        assertThat(ws.snapshot()).isEqualTo(before);
        assertThat(ws.query("SELECT name FROM accounts WHERE account_id = 'a1'")).containsExactly(List.of("Acme"));
    }

    @Test
    void failedFirstRunLeavesNoTablesAndNoOutput() {
        TestWorkspace ws = twoSources().file("data/deals.csv", "opportunity_id,account_id\n");

        ws.ingestFails();

        Snapshot after = ws.snapshot();
        assertThat(after.tables()).isEmpty();
        assertThat(after.out()).isEmpty();
    }

    @Test
    void schemaChangesAreRolledBackWithTheData() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir).yaml("""
                sources:
                  accounts:
                    path: data/accounts.csv
                    attributes: { seats: { column: employees, type: number } }
                """);
        ws.ingest();
        Snapshot before = ws.snapshot();
        ws.yaml("""
                sources:
                  accounts:
                    path: data/accounts.csv
                    attributes: { seats: { column: employees, type: category }, plan: { column: name } }
                  usage_events: { path: data/usage.csv }
                """).file("data/usage.csv", "account_id,event\n");

        InputException e = ws.ingestFails();

        assertThat(e.getMessage()).contains("usage.csv").contains("'occurred_at'");
        assertThat(ws.snapshot()).isEqualTo(before);
    }

    @Test
    void rerunOnTheSameFilesLeavesTheStoreIdentical() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir).yaml("""
                as_of: 2026-06-30
                sources:
                  accounts: { path: data/accounts.csv }
                  opportunities: { path: data/deals.csv }
                  usage_events: { path: "data/usage/*.csv" }
                """).file("data/accounts.csv", TestWorkspace.ACCOUNTS_CSV + "a4,Delta,SaaS,many,,,,,\n")
                .file("data/deals.csv", DEALS_CSV + "o3,zz,won,5,2026-01-01,2026-01-02\n")
                .file("data/usage/jan.csv", "account_id,occurred_at,event\na1,2026-01-05T10:00:00Z,login\n"
                        + "a1,2026-01-05T10:00:00Z,login\na2,not-a-time,login\n")
                .file("data/usage/feb.csv", "account_id,occurred_at,event\na3,2026-02-05T10:00:00Z,report_run\n");
        IngestReport first = ws.ingest();
        Snapshot before = ws.snapshot();

        IngestReport second = ws.ingest();

        assertThat(ws.snapshot()).isEqualTo(before);
        assertThat(second).isEqualTo(first);
        assertThat(ws.rejected()).hasSize(3);
        assertThat(ws.scalar("SELECT count(*) FROM usage_events")).isEqualTo("3");
        assertThat(ws.scalar("SELECT count(*) FROM ingest_log")).isEqualTo("4");
    }

    @Test
    void rowWithTheSameKeyInALaterRunReplacesTheOldOne() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir);
        ws.ingest();
        ws.file("data/accounts.csv", """
                account_id,name,industry
                a1,Acme Corp,Fintech
                a4,Delta,SaaS
                """);

        IngestReport report = ws.ingest();

        assertThat(report.files().get(0).loaded()).isEqualTo(2);
        // a1 is replaced as a whole (columns absent from the new file are empty); a2 and a3 stay
        assertThat(ws.query("SELECT account_id, name, industry, employees FROM accounts ORDER BY 1")).containsExactly(
                List.of("a1", "Acme Corp", "Fintech", "NULL"), List.of("a2", "Beta", "Fintech", "40"),
                List.of("a3", "Gamma", "Healthcare", "800"), List.of("a4", "Delta", "SaaS", "NULL"));
    }

    @Test
    void rowWithTheSameKeyFromAnotherFileReplacesTheOldOneAndRecordsItsFile() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir);
        ws.ingest();
        ws.yaml("""
                sources:
                  accounts: { path: data/accounts-2026.csv }
                """).file("data/accounts-2026.csv", "account_id,name\na1,Acme 2026\n");

        ws.ingest();

        assertThat(ws.query("SELECT account_id, name, _source FROM accounts ORDER BY 1")).containsExactly(
                List.of("a1", "Acme 2026", ws.path("data/accounts-2026.csv").toString()),
                List.of("a2", "Beta", ws.path("data/accounts.csv").toString()),
                List.of("a3", "Gamma", ws.path("data/accounts.csv").toString()));
    }

    @Test
    void keyedTableWithACompositeKeyReplacesByTheWholeKey() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.csv }
                  spend: { path: data/spend.csv }
                """).file("data/spend.csv", """
                month,channel,kind,amount
                2026-01,ads,marketing,100
                2026-01-01,ads,sales,50
                2026-02-01,ads,,70
                """);
        ws.ingest();
        ws.file("data/spend.csv", "month,channel,kind,amount\n2026-01-15,ads,marketing,120\n");

        ws.ingest();

        assertThat(ws.query("SELECT month, channel, kind, amount FROM spend ORDER BY ALL")).containsExactly(
                List.of("2026-01-01", "ads", "marketing", "120.00"), List.of("2026-01-01", "ads", "sales", "50.00"),
                List.of("2026-02-01", "ads", "marketing", "70.00"));
    }

    @Test
    void tableWithoutAKeyIsReplacedPerSourceFile() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.csv }
                  usage_events: { path: "data/usage/*.csv" }
                """).file("data/usage/jan.csv", """
                account_id,occurred_at,event
                a1,2026-01-05T10:00:00Z,login
                a1,2026-01-06T10:00:00Z,login
                """).file("data/usage/feb.csv", """
                account_id,occurred_at,event
                a2,2026-02-05T10:00:00Z,login
                a2,2026-02-05T10:00:00Z,login
                """);
        ws.ingest();
        ws.file("data/usage/jan.csv", "account_id,occurred_at,event\na3,2026-01-31T10:00:00Z,api_call\n");

        ws.ingest();

        // jan.csv's rows are replaced by its new content; feb.csv's identical events are both kept
        assertThat(ws.query("SELECT account_id, event, regexp_extract(_source, '[a-z]+\\.csv$') FROM usage_events "
                + "ORDER BY ALL")).containsExactly(List.of("a2", "login", "feb.csv"), List.of("a2", "login", "feb.csv"),
                List.of("a3", "api_call", "jan.csv"));
    }

    @Test
    void rejectedRowsGoToTheTableAndToOutRejectedCsvWithFileLineColumnValueAndReason() throws Exception {
        TestWorkspace ws = twoSources()
                .file("data/accounts.csv", TestWorkspace.ACCOUNTS_CSV + "a4,\"Delta, Inc.\",SaaS,-3,,,,,\n"
                        + "a5,Echo,SaaS,7,,,,2025-02-30,\n")
                .file("data/deals.csv", DEALS_CSV + "o3,a1,won,12,2026-02-01,2026-01-01\n");

        IngestReport report = ws.ingest();

        assertThat(ws.rejected()).containsExactly(
                List.of("accounts", "data/accounts.csv", "5", "employees", "-3", "negative: expected a value >= 0"),
                List.of("accounts", "data/accounts.csv", "6", "created_at", "2025-02-30",
                        "not a date (ISO-8601 such as 2026-06-30)"),
                List.of("opportunities", "data/deals.csv", "4", "closed_at", "2026-01-01 < 2026-02-01",
                        "closed_at is before created_at"));
        assertThat(ws.scalar("SELECT DISTINCT CAST(ingested_at AS VARCHAR) FROM rejected_rows"))
                .isEqualTo("2026-07-01 09:30:00");
        assertThat(report.rejectedFiles()).containsExactly(ws.path("out/rejected/accounts.csv"),
                ws.path("out/rejected/opportunities.csv"));
        assertThat(Files.readString(ws.path("out/rejected/accounts.csv"))).isEqualTo("""
                file,line,column,value,reason
                data/accounts.csv,5,employees,-3,negative: expected a value >= 0
                data/accounts.csv,6,created_at,2025-02-30,not a date (ISO-8601 such as 2026-06-30)
                """);
        assertThat(Files.readString(ws.path("out/rejected/opportunities.csv"))).isEqualTo("""
                file,line,column,value,reason
                data/deals.csv,4,closed_at,2026-01-01 < 2026-02-01,closed_at is before created_at
                """);
    }

    @Test
    void fixedRowsLeaveRejectedRowsAndTheirCsvOnTheNextRun() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir)
                .file("data/accounts.csv", TestWorkspace.ACCOUNTS_CSV + "a4,Delta,SaaS,-3,,,,,\n");
        ws.ingest();
        assertThat(ws.path("out/rejected/accounts.csv")).exists();
        ws.file("data/accounts.csv", TestWorkspace.ACCOUNTS_CSV + "a4,Delta,SaaS,3,,,,,\n");

        IngestReport report = ws.ingest();

        assertThat(report.rejectedFiles()).isEmpty();
        assertThat(ws.rejected()).isEmpty();
        assertThat(ws.path("out/rejected/accounts.csv")).doesNotExist();
        assertThat(ws.scalar("SELECT employees FROM accounts WHERE account_id = 'a4'")).isEqualTo("3");
    }

    @Test
    void readEqualsLoadedPlusRejectedForEverySourceFile() {
        TestWorkspace ws = twoSources()
                .file("data/accounts.csv", TestWorkspace.ACCOUNTS_CSV + "a4,Delta,SaaS,-3,,,,,\na5,too,few\n")
                .file("data/deals.csv", DEALS_CSV + "o3,zz,open,1,2026-01-01,\n");

        IngestReport report = ws.ingest();

        assertThat(report.files()).extracting(f -> List.of(f.table(), f.read(), f.loaded(), f.rejected()))
                .containsExactly(List.of("accounts", 5L, 3L, 2L), List.of("opportunities", 3L, 2L, 1L));
        assertThat(report.read()).isEqualTo(8);
        assertThat(report.loaded()).isEqualTo(5);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(ws.query("SELECT table_name, rows_read, rows_loaded, rows_rejected FROM ingest_log ORDER BY 1"))
                .containsExactly(List.of("accounts", "5", "3", "2"), List.of("opportunities", "3", "2", "1"));
        assertThat(ws.scalar("SELECT count(*) FROM accounts")).isEqualTo("3");
        assertThat(ws.scalar("SELECT count(*) FROM opportunities")).isEqualTo("2");
    }

    @Test
    void runTimeIsRecordedInUtcWhateverTheJvmTimeZone() {
        TimeZone saved = TimeZone.getDefault();
        TestWorkspace ws = TestWorkspace.withAccounts(dir)
                .file("data/accounts.csv", TestWorkspace.ACCOUNTS_CSV + "a4,Delta,SaaS,-3,,,,,\n");
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            ws.ingest();
        } finally {
            TimeZone.setDefault(saved);
        }

        assertThat(ws.scalar("SELECT CAST(ingested_at AS VARCHAR) FROM rejected_rows")).isEqualTo("2026-07-01 09:30:00");
        assertThat(ws.scalar("SELECT CAST(ingested_at AS VARCHAR) FROM ingest_log")).isEqualTo("2026-07-01 09:30:00");
    }

    @Test
    void missingSourceFileFailsNamingTheKeyAndTheFileAndChangesNothing() {
        TestWorkspace ws = twoSources();
        ws.ingest();
        Snapshot before = ws.snapshot();
        ws.yaml(TWO_SOURCES.replace("data/deals.csv", "data/no-such-deals.csv"));

        InputException e = ws.ingestFails();

        assertThat(e.getMessage()).isEqualTo("sources.opportunities.path: file not found: " + ws.path("data/no-such-deals.csv"));
        assertThat(ws.snapshot()).isEqualTo(before);
    }

    @Test
    void globMatchingNothingFailsNamingThePatternAndChangesNothing() {
        TestWorkspace ws = twoSources();
        ws.ingest();
        Snapshot before = ws.snapshot();
        ws.yaml(TWO_SOURCES.replace("data/deals.csv", "\"data/deals/*.csv\""));

        InputException e = ws.ingestFails();

        assertThat(e.getMessage()).startsWith("sources.opportunities.path: no file matches 'data/deals/*.csv'");
        assertThat(ws.snapshot()).isEqualTo(before);
    }

    @Test
    void missingRequiredColumnFailsNamingTheFileAndTheColumnAndChangesNothing() {
        TestWorkspace ws = twoSources();
        ws.ingest();
        Snapshot before = ws.snapshot();
        ws.file("data/deals.csv", "opportunity_id,stage,created_at\no9,open,2026-01-01\n");

        InputException e = ws.ingestFails();

        assertThat(e.getMessage()).isEqualTo(ws.path("data/deals.csv") + ": required column 'account_id' not found; "
                + "the header has: opportunity_id, stage, created_at");
        assertThat(ws.snapshot()).isEqualTo(before);
    }

    @Test
    void missingMappedRequiredColumnsAreAllNamedWithTheirCanonicalNames() {
        TestWorkspace ws = twoSources().yaml("""
                sources:
                  accounts: { path: data/accounts.csv }
                  opportunities:
                    path: data/deals.csv
                    columns: { stage: deal_stage, created_at: engage_date }
                """);

        InputException e = ws.ingestFails();

        assertThat(e.getMessage()).isEqualTo(ws.path("data/deals.csv") + ": required columns 'deal_stage' (for stage), "
                + "'engage_date' (for created_at) not found; the header has: opportunity_id, account_id, stage, amount, "
                + "created_at, closed_at");
        assertThat(ws.snapshot().tables()).isEmpty();
    }

    @Test
    void mappedOptionalColumnMissingFromTheHeaderFailsNamingTheKey() {
        TestWorkspace ws = twoSources().yaml("""
                sources:
                  accounts: { path: data/accounts.csv, columns: { industry: sector } }
                """);

        InputException e = ws.ingestFails();

        assertThat(e.getMessage()).startsWith(ws.path("data/accounts.csv") + ": column 'sector', mapped to "
                + "accounts.industry in sources.accounts.columns, is not in the header; the header has: account_id, name, ");
    }

    @Test
    void attributeColumnMissingFromTheHeaderFailsNamingTheAttribute() {
        TestWorkspace ws = twoSources().yaml("""
                sources:
                  accounts: { path: data/accounts.csv, attributes: { plan: { column: Plan } } }
                """);

        InputException e = ws.ingestFails();

        assertThat(e.getMessage()).startsWith(ws.path("data/accounts.csv") + ": column 'Plan' of attribute "
                + "sources.accounts.attributes.plan is not in the header; the header has: account_id, name, ");
    }

    @Test
    void accountsSourceIsRequired() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                sources:
                  usage_events: { path: data/usage.csv }
                """).file("data/usage.csv", "account_id,occurred_at,event\n");

        InputException e = ws.ingestFails();

        assertThat(e.getMessage()).startsWith("icp.yaml: sources.accounts is required");
        assertThat(ws.snapshot().tables()).isEmpty();
    }
}
