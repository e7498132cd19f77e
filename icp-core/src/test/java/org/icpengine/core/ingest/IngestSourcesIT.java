package org.icpengine.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every source format and every mapping key of a source (DESIGN.md "icp.yaml", "Canonical tables"). */
class IngestSourcesIT {

    @TempDir
    Path dir;

    private static final String ACCOUNT_ROWS = "SELECT account_id, name, industry, employees, annual_revenue, country, "
            + "CAST(tech_stack AS VARCHAR), created_at, acquisition_channel FROM accounts ORDER BY account_id";

    private static final List<List<String>> EXPECTED_ACCOUNTS = List.of(
            List.of("a1", "Acme", "SaaS", "120", "5000000.00", "US", "[salesforce, hubspot]", "2025-01-10", "inbound"),
            List.of("a2", "Beta", "Fintech", "40", "1200000.50", "DE", "NULL", "2025-02-01", "outbound"),
            List.of("a3", "Gamma", "Healthcare", "800", "90000000.00", "FR", "[snowflake]", "2025-03-15", "partner"));

    @Test
    void csvRowsAreLoadedWithCanonicalTypes() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir);

        IngestReport report = ws.ingest();

        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.table()).isEqualTo("accounts");
            assertThat(f.file()).isEqualTo(ws.path("data/accounts.csv"));
            assertThat(f.read()).isEqualTo(3);
            assertThat(f.loaded()).isEqualTo(3);
            assertThat(f.rejected()).isZero();
        });
        assertThat(ws.query(ACCOUNT_ROWS)).isEqualTo(EXPECTED_ACCOUNTS);
        assertThat(ws.query("SELECT DISTINCT _source FROM accounts"))
                .containsExactly(List.of(ws.path("data/accounts.csv").toString()));
    }

    @ParameterizedTest(name = "delimiter ''{0}''")
    @ValueSource(strings = {",", ";", "\t", "|"})
    void delimiterIsDetectedFromTheHeaderWhenNotSet(String d) {
        TestWorkspace ws = TestWorkspace.withAccounts(dir).file("data/accounts.csv",
                TestWorkspace.ACCOUNTS_CSV.replace(",", d));

        ws.ingest();

        assertThat(ws.query(ACCOUNT_ROWS)).isEqualTo(EXPECTED_ACCOUNTS);
    }

    @Test
    void delimiterSetInTheConfigIsUsedEvenWhenCommasAreMoreFrequent() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.csv, delimiter: "|" }
                """).file("data/accounts.csv", """
                account_id|name|notes,with,commas
                a1|Acme, Inc.|x
                a2|Beta, Ltd, GmbH|y
                """);

        ws.ingest();

        assertThat(ws.query("SELECT account_id, name FROM accounts ORDER BY 1"))
                .containsExactly(List.of("a1", "Acme, Inc."), List.of("a2", "Beta, Ltd, GmbH"));
    }

    @Test
    void tabDelimiterCanBeWrittenAsBackslashT() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.csv, delimiter: "\\t" }
                """).file("data/accounts.csv", "account_id\tname\na1\tAcme, Inc.\n");

        ws.ingest();

        assertThat(ws.query("SELECT account_id, name FROM accounts")).containsExactly(List.of("a1", "Acme, Inc."));
    }

    @Test
    void quotedFieldsKeepEmbeddedDelimitersQuotesAndNewlines() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir).file("data/accounts.csv", """
                account_id,name,industry,employees
                a1,"Acme, Inc.","The ""best"" SaaS",10
                a2,"Beta
                Two lines",Fintech,20
                "a3","Gamma;|	","",30
                a4,Delta,SaaS,not-a-number
                """);

        IngestReport report = ws.ingest();

        assertThat(ws.query("SELECT account_id, name, industry, employees FROM accounts ORDER BY 1")).containsExactly(
                List.of("a1", "Acme, Inc.", "The \"best\" SaaS", "10"),
                List.of("a2", "Beta\nTwo lines", "Fintech", "20"),
                List.of("a3", "Gamma;|", "NULL", "30"));
        // a quoted value spanning two physical lines is one record: a4 is the file's fifth record
        assertThat(ws.rejected()).containsExactly(
                List.of("accounts", "data/accounts.csv", "5", "employees", "not-a-number", "not a whole number"));
        assertThat(report.files().get(0).read()).isEqualTo(4);
    }

    @Test
    void utf8WithByteOrderMarkAndCrlfLineEndingsIsRead() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.writeBytes("account_id,name,country\r\na1,Zürich Versicherung,CH\r\na2,\"Ærø\r\nCo\",DK\r\n"
                .getBytes(StandardCharsets.UTF_8));
        TestWorkspace ws = TestWorkspace.withAccounts(dir).bytes("data/accounts.csv", b.toByteArray());

        ws.ingest();

        assertThat(ws.query("SELECT account_id, name, country FROM accounts ORDER BY 1")).containsExactly(
                List.of("a1", "Zürich Versicherung", "CH"),
                List.of("a2", "Ærø\r\nCo", "DK"));
    }

    @Test
    void utf8WithoutByteOrderMarkIsRead() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir).file("data/accounts.csv",
                "account_id,name\na1,Société Générale\na2,東京\n");

        ws.ingest();

        assertThat(ws.query("SELECT name FROM accounts ORDER BY account_id"))
                .containsExactly(List.of("Société Générale"), List.of("東京"));
    }

    @Test
    void tsvFileIsReadWithTabs() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.tsv }
                """).file("data/accounts.tsv", "account_id\tname\tindustry\na1\tAcme, Inc.\tSaaS\na2\tBeta; Ltd\tFintech\n");

        ws.ingest();

        assertThat(ws.query("SELECT account_id, name, industry FROM accounts ORDER BY 1")).containsExactly(
                List.of("a1", "Acme, Inc.", "SaaS"), List.of("a2", "Beta; Ltd", "Fintech"));
    }

    @Test
    void formatKeyOverridesTheExtension() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.export, format: jsonl }
                """).file("data/accounts.export", "{\"account_id\": \"a1\", \"name\": \"Acme\"}\n");

        ws.ingest();

        assertThat(ws.query("SELECT account_id, name FROM accounts")).containsExactly(List.of("a1", "Acme"));
    }

    @Test
    void jsonLinesAreReadWithNumbersListsNullsAndBlankLines() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                as_of: 2026-06-30
                sources:
                  accounts: { path: data/accounts.jsonl }
                """).file("data/accounts.jsonl", """
                {"account_id": "a1", "name": "Acme", "employees": 120, "annual_revenue": 5000000.5, "tech_stack": ["salesforce", "hubspot"]}

                {"account_id": "a2", "name": null, "employees": "40", "tech_stack": "snowflake;dbt", "created_at": "2025-02-01"}
                {"account_id": "a3", "name": "Gamma \\"G\\"", "country": "FR"}
                not json at all
                [1, 2, 3]
                {"account_id": "a4", "employees": 1.5}
                """);

        IngestReport report = ws.ingest();

        assertThat(ws.query("SELECT account_id, name, employees, annual_revenue, CAST(tech_stack AS VARCHAR), created_at, "
                + "country FROM accounts ORDER BY 1")).containsExactly(
                List.of("a1", "Acme", "120", "5000000.50", "[salesforce, hubspot]", "NULL", "NULL"),
                List.of("a2", "NULL", "40", "NULL", "[snowflake, dbt]", "2025-02-01", "NULL"),
                List.of("a3", "Gamma \"G\"", "NULL", "NULL", "NULL", "NULL", "FR"));
        assertThat(ws.rejected()).containsExactly(
                List.of("accounts", "data/accounts.jsonl", "5", "(line)", "not json at all", "not a valid JSON object"),
                List.of("accounts", "data/accounts.jsonl", "6", "(line)", "[1, 2, 3]", "not a valid JSON object"),
                List.of("accounts", "data/accounts.jsonl", "7", "employees", "1.5", "not a whole number"));
        assertThat(report.files().get(0).read()).isEqualTo(6);
        assertThat(report.files().get(0).loaded()).isEqualTo(3);
    }

    @Test
    void jsonLinesWithByteOrderMarkAndCrlfLineEndingsAreRead() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.writeBytes("{\"account_id\": \"a1\", \"name\": \"Zürich\"}\r\n{\"account_id\": \"a2\"}\r\n"
                .getBytes(StandardCharsets.UTF_8));
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.jsonl }
                """).bytes("data/accounts.jsonl", b.toByteArray());

        ws.ingest();

        assertThat(ws.query("SELECT account_id, name FROM accounts ORDER BY 1"))
                .containsExactly(List.of("a1", "Zürich"), List.of("a2", "NULL"));
        assertThat(ws.rejected()).isEmpty();
    }

    @Test
    void parquetFileIsReadWithItsOwnTypes() throws SQLException {
        Path parquet = dir.resolve("data/accounts.parquet");
        writeParquet(parquet, "SELECT * FROM (VALUES "
                + "('a1', 'Acme', 120::INTEGER, 5000000.25::DECIMAL(12,2), ['salesforce', 'hubspot'], DATE '2025-01-10'), "
                + "('a2', NULL, NULL, NULL, NULL, NULL), "
                + "('a3', 'Gamma', -5::INTEGER, 10.0::DECIMAL(12,2), []::VARCHAR[], DATE '2025-03-15')) "
                + "t(account_id, name, employees, annual_revenue, tech_stack, created_at)");
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                as_of: 2026-06-30
                sources:
                  accounts: { path: data/accounts.parquet }
                """);

        IngestReport report = ws.ingest();

        assertThat(ws.query("SELECT account_id, name, employees, annual_revenue, CAST(tech_stack AS VARCHAR), created_at "
                + "FROM accounts ORDER BY 1")).containsExactly(
                List.of("a1", "Acme", "120", "5000000.25", "[salesforce, hubspot]", "2025-01-10"),
                List.of("a2", "NULL", "NULL", "NULL", "NULL", "NULL"));
        // Parquet rows are numbered from 1
        assertThat(ws.rejected()).containsExactly(
                List.of("accounts", "data/accounts.parquet", "3", "employees", "-5", "negative: expected a value >= 0"));
        assertThat(report.files().get(0).read()).isEqualTo(3);
    }

    @Test
    void globReadsEveryMatchingFileInNameOrder() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                sources:
                  accounts: { path: "data/accounts/*.csv" }
                """)
                .file("data/accounts/part-2.csv", "account_id,name\na3,Gamma\n")
                .file("data/accounts/part-1.csv", "account_id,name\na1,Acme\na2,Beta\n")
                .file("data/accounts/readme.txt.bak", "not a source\n")
                .file("data/accounts/old/part-0.csv", "account_id,name\nzz,Nested folders are not matched by *\n");

        IngestReport report = ws.ingest();

        assertThat(report.files()).extracting(IngestReport.FileResult::file)
                .containsExactly(ws.path("data/accounts/part-1.csv"), ws.path("data/accounts/part-2.csv"));
        assertThat(report.files()).extracting(IngestReport.FileResult::read).containsExactly(2L, 1L);
        assertThat(ws.query("SELECT account_id, name FROM accounts ORDER BY 1"))
                .containsExactly(List.of("a1", "Acme"), List.of("a2", "Beta"), List.of("a3", "Gamma"));
    }

    @Test
    void columnsMapSourceColumnsToCanonicalOnesAndOthersAreReadByTheirOwnName() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                sources:
                  accounts:
                    path: data/accounts.csv
                    columns: { account_id: account, industry: sector, country: office_location }
                """).file("data/accounts.csv", """
                account,sector,office_location,name,unused
                a1,SaaS,United States,Acme,x
                """);

        ws.ingest();

        assertThat(ws.query("SELECT account_id, industry, country, name FROM accounts"))
                .containsExactly(List.of("a1", "SaaS", "United States", "Acme"));
    }

    @Test
    void headerNamesMatchIgnoringCaseAndSurroundingSpaces() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir).file("data/accounts.csv", " Account_ID , NAME \na1,Acme\n");

        ws.ingest();

        assertThat(ws.query("SELECT account_id, name FROM accounts")).containsExactly(List.of("a1", "Acme"));
    }

    @Test
    void valuesMapSourceValuesToCanonicalValues() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                as_of: 2026-06-30
                sources:
                  accounts:
                    path: data/accounts.csv
                    values:
                      industry: { technolgy: Technology, "Health care": Healthcare, "-": null }
                  opportunities:
                    path: data/deals.csv
                    columns: { account_id: account, stage: deal_stage, created_at: engage_date,
                               closed_at: close_date, amount: close_value }
                    values: { stage: { Won: won, Lost: lost, Engaging: open, Prospecting: open } }
                """).file("data/accounts.csv", """
                account_id,industry
                a1,technolgy
                a2,Health care
                a3,-
                a4,Technology
                """).file("data/deals.csv", """
                opportunity_id,account,deal_stage,engage_date,close_date,close_value
                o1,a1,Won,2026-01-01,2026-02-01,1000
                o2,a2,Engaging,2026-01-05,,
                o3,a3,Prospecting,2026-01-06,,
                o4,a4,Lost,2026-01-07,2026-03-01,0
                """);

        ws.ingest();

        assertThat(ws.query("SELECT account_id, industry FROM accounts ORDER BY 1")).containsExactly(
                List.of("a1", "Technology"), List.of("a2", "Healthcare"), List.of("a3", "NULL"), List.of("a4", "Technology"));
        assertThat(ws.query("SELECT opportunity_id, stage, type, amount FROM opportunities ORDER BY 1")).containsExactly(
                List.of("o1", "won", "new_business", "1000.00"), List.of("o2", "open", "new_business", "NULL"),
                List.of("o3", "open", "new_business", "NULL"), List.of("o4", "lost", "new_business", "0.00"));
        assertThat(ws.rejected()).isEmpty();
    }

    @Test
    void defaultsFillAbsentColumnsAndMissingValues() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                as_of: 2026-06-30
                sources:
                  accounts:
                    path: data/accounts.csv
                    defaults: { acquisition_channel: unknown, country: US }
                  usage_events:
                    path: data/usage.csv
                    defaults: { event: login }
                """).file("data/accounts.csv", """
                account_id,country
                a1,DE
                a2,
                """).file("data/usage.csv", """
                account_id,occurred_at
                a1,2026-01-01T10:00:00Z
                """);

        ws.ingest();

        assertThat(ws.query("SELECT account_id, country, acquisition_channel FROM accounts ORDER BY 1"))
                .containsExactly(List.of("a1", "DE", "unknown"), List.of("a2", "US", "unknown"));
        // a required column may come from a default; quantity has the built-in default 1
        assertThat(ws.query("SELECT account_id, event, quantity, CAST(occurred_at AS VARCHAR) FROM usage_events"))
                .containsExactly(List.of("a1", "login", "1.0", "2026-01-01 10:00:00"));
    }

    @Test
    void nullValuesAreReadAsMissingInCsv() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                sources:
                  accounts:
                    path: data/accounts.csv
                    null_values: ["", "NA", "Select"]
                """).file("data/accounts.csv", """
                account_id,industry,employees,name
                a1,NA,NA,Acme
                a2,Select,10,Select
                NA,SaaS,5,Nobody
                """);

        ws.ingest();

        assertThat(ws.query("SELECT account_id, industry, employees, name FROM accounts ORDER BY 1"))
                .containsExactly(List.of("a1", "NULL", "NULL", "Acme"), List.of("a2", "NULL", "10", "NULL"));
        assertThat(ws.rejected()).containsExactly(
                List.of("accounts", "data/accounts.csv", "4", "account_id", "", "missing required value"));
    }

    @Test
    void nullValuesAreReadAsMissingInJsonLines() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                sources:
                  accounts:
                    path: data/accounts.jsonl
                    null_values: ["", "NA"]
                """).file("data/accounts.jsonl", """
                {"account_id": "a1", "industry": "NA", "employees": "NA"}
                {"account_id": "a2", "industry": "SaaS", "employees": 3}
                """);

        ws.ingest();

        assertThat(ws.query("SELECT account_id, industry, employees FROM accounts ORDER BY 1"))
                .containsExactly(List.of("a1", "NULL", "NULL"), List.of("a2", "SaaS", "3"));
        assertThat(ws.rejected()).isEmpty();
    }

    @Test
    void listSeparatorSplitsListColumnsAndDropsEmptyItems() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.csv, list_separator: "|" }
                  research_notes: { path: data/notes.csv, list_separator: "|" }
                """).file("data/accounts.csv", """
                account_id,tech_stack
                a1,salesforce | hubspot||snowflake
                a2,"dbt; looker"
                a3,|
                """).file("data/notes.csv", """
                account_id,noted_at,pain_points
                a1,2026-01-01,reporting|data quality
                """);

        ws.ingest();

        assertThat(ws.query("SELECT account_id, CAST(tech_stack AS VARCHAR), len(tech_stack) FROM accounts ORDER BY 1"))
                .containsExactly(List.of("a1", "[salesforce, hubspot, snowflake]", "3"),
                        List.of("a2", "[dbt; looker]", "1"), List.of("a3", "[]", "0"));
        assertThat(ws.query("SELECT CAST(pain_points AS VARCHAR) FROM research_notes"))
                .containsExactly(List.of("[reporting, data quality]"));
    }

    @Test
    void dateFormatIsTriedBeforeIsoWhichIsAlwaysAccepted() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                as_of: 2026-06-30
                sources:
                  accounts: { path: data/accounts.csv, date_format: "dd/MM/yyyy" }
                  usage_events: { path: data/usage.csv, date_format: "dd/MM/yyyy HH:mm" }
                """).file("data/accounts.csv", """
                account_id,created_at
                a1,15/03/2025
                a2,2025-03-16
                a3,03/15/2025
                """).file("data/usage.csv", """
                account_id,occurred_at,event
                a1,15/03/2026 14:05,login
                a1,2026-03-16T08:00:00Z,login
                a1,2026-03-17 09:15:00,login
                """);

        ws.ingest();

        assertThat(ws.query("SELECT account_id, created_at FROM accounts ORDER BY 1"))
                .containsExactly(List.of("a1", "2025-03-15"), List.of("a2", "2025-03-16"));
        assertThat(ws.query("SELECT CAST(occurred_at AS VARCHAR) FROM usage_events ORDER BY 1")).containsExactly(
                List.of("2026-03-15 14:05:00"), List.of("2026-03-16 08:00:00"), List.of("2026-03-17 09:15:00"));
        assertThat(ws.rejected()).containsExactly(List.of("accounts", "data/accounts.csv", "4", "created_at", "03/15/2025",
                "not a date (ISO-8601 such as 2026-06-30, or dd/MM/yyyy)"));
    }

    @Test
    void timestampsWithAnOffsetAreStoredInUtc() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir).yaml("""
                as_of: 2026-06-30
                sources:
                  accounts: { path: data/accounts.csv }
                  usage_events: { path: data/usage.csv }
                """).file("data/usage.csv", """
                account_id,occurred_at,event
                a1,2026-03-16T08:00:00+02:00,login
                a1,2026-03-16T23:30:00-05:00,login
                """);

        ws.ingest();

        assertThat(ws.query("SELECT CAST(occurred_at AS VARCHAR) FROM usage_events ORDER BY 1"))
                .containsExactly(List.of("2026-03-16 06:00:00"), List.of("2026-03-17 04:30:00"));
    }

    @Test
    void attributesAreKeptWithTheirDeclaredTypes() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                sources:
                  accounts:
                    path: data/accounts.csv
                    attributes:
                      contract: { column: Contract, type: category }
                      seats: { column: Seats, type: number }
                      has_sso: { column: SSO, type: boolean }
                      regions: { column: Regions, type: list }
                      segment: {}
                """).file("data/accounts.csv", """
                account_id,Contract,Seats,SSO,Regions,segment
                a1,Annual,25.5,yes,EMEA;APAC,smb
                a2,Monthly,3,0,,mid
                a3,,,,NA,
                a4,Annual,many,true,EMEA,smb
                a5,Annual,5,perhaps,EMEA,smb
                """);

        ws.ingest();

        assertThat(ws.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'accounts' "
                + "AND column_name IN ('contract', 'seats', 'has_sso', 'regions', 'segment') ORDER BY column_name"))
                .containsExactly(List.of("contract", "VARCHAR"), List.of("has_sso", "BOOLEAN"),
                        List.of("regions", "VARCHAR[]"), List.of("seats", "DOUBLE"), List.of("segment", "VARCHAR"));
        assertThat(ws.query("SELECT account_id, contract, seats, has_sso, CAST(regions AS VARCHAR), segment FROM accounts "
                + "ORDER BY 1")).containsExactly(
                List.of("a1", "Annual", "25.5", "true", "[EMEA, APAC]", "smb"),
                List.of("a2", "Monthly", "3.0", "false", "NULL", "mid"),
                List.of("a3", "NULL", "NULL", "NULL", "[NA]", "NULL"));
        assertThat(ws.rejected()).containsExactly(
                List.of("accounts", "data/accounts.csv", "5", "seats", "many", "not a number"),
                List.of("accounts", "data/accounts.csv", "6", "has_sso", "perhaps", "not true/false (also yes/no, 1/0)"));
    }

    static void writeParquet(Path file, String select) throws SQLException {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement p = c.prepareStatement("COPY (" + select + ") TO '" + file.toString().replace("'", "''")
                     + "' (FORMAT parquet)")) {
            p.execute();
        }
    }
}
