package org.icpengine.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.icpengine.core.ingest.TestWorkspace.Snapshot;
import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of bad inputs. A bad row is rejected with its file, line, column, value and reason while
 * every other row loads as before; a bad file fails the run (exit code 2) with a message naming the
 * file, and the store and {@code out/} stay exactly as they were.
 */
class IngestBadInputIT {

    @TempDir
    Path dir;

    /** A good file per table (after the header, each is one or two rows that pass every check). */
    private static final Map<String, String> GOOD = Map.of(
            "opportunities", """
                    opportunity_id,account_id,type,stage,amount,created_at,closed_at,product
                    o1,a1,new_business,won,1000,2026-01-01,2026-02-01,core
                    o2,a2,expansion,open,,2026-03-01,,
                    """,
            "subscriptions", """
                    subscription_id,account_id,product,is_addon,start_date,end_date,mrr
                    s1,a1,core,false,2025-01-01,,100
                    """,
            "usage_events", """
                    account_id,user_id,occurred_at,event,quantity
                    a1,u1,2026-01-01T10:00:00Z,login,1
                    """,
            "nps_responses", """
                    account_id,respondent,responded_at,score,comment
                    a1,r1,2026-01-01T10:00:00Z,9,great
                    """,
            "support_tickets", """
                    ticket_id,account_id,opened_at,closed_at,priority,effort_minutes
                    t1,a1,2026-01-01T10:00:00Z,2026-01-02T10:00:00Z,high,30
                    """,
            "spend", """
                    month,channel,kind,amount
                    2026-01-01,ads,marketing,100
                    """,
            "research_notes", """
                    account_id,noted_at,source,culture_fit,pain_points,notes
                    a1,2026-01-01,interview,4,reporting,good fit
                    """);

    /** A workspace with accounts and {@code table} loaded from good files; returns it after the first ingest. */
    private TestWorkspace loaded(String table) {
        return loaded(table, "");
    }

    /** As {@link #loaded(String)}, with {@code extraRows} (which must pass) appended to the good file of {@code table}. */
    private TestWorkspace loaded(String table, String extraRows) {
        TestWorkspace ws = TestWorkspace.withAccounts(dir);
        if (!table.equals("accounts")) {
            ws.yaml("""
                    as_of: 2026-06-30
                    sources:
                      accounts: { path: data/accounts.csv }
                      %s: { path: data/%s.csv }
                    """.formatted(table, table));
        }
        ws.file("data/" + table + ".csv", good(table) + extraRows);
        IngestReport first = ws.ingest();
        assertThat(first.rejected()).as("the good files load without rejects").isZero();
        return ws;
    }

    private static String good(String table) {
        return table.equals("accounts") ? TestWorkspace.ACCOUNTS_CSV : GOOD.get(table);
    }

    /**
     * Appends {@code badRows} to the good file of {@code table}, ingests again, checks that the canonical
     * tables are exactly as before and that the file's report counts the rows; returns {@code rejected_rows}.
     */
    private List<List<String>> appendAndIngest(String table, String badRows, int expectedRejected) {
        return appendAndIngest(table, "", badRows, expectedRejected);
    }

    /** As {@link #appendAndIngest(String, String, int)}, with good {@code extraRows} before the bad ones in both runs. */
    private List<List<String>> appendAndIngest(String table, String extraRows, String badRows, int expectedRejected) {
        TestWorkspace ws = loaded(table, extraRows);
        Snapshot before = ws.snapshot();
        ws.file("data/" + table + ".csv", good(table) + extraRows + badRows);

        IngestReport report = ws.ingest();

        assertThat(ws.snapshot().canonical()).as("every good row is loaded as before, no bad row is")
                .isEqualTo(before.canonical());
        IngestReport.FileResult f = report.files().stream().filter(r -> r.table().equals(table)).findFirst().orElseThrow();
        assertThat(f.rejected()).isEqualTo(expectedRejected);
        assertThat(f.read()).isEqualTo(f.loaded() + f.rejected());
        List<List<String>> rejected = ws.rejected();
        assertThat(rejected).hasSize(expectedRejected);
        return rejected;
    }

    /** Expects the next ingest to fail with bad input and to change nothing; returns the message. */
    private static String failsChangingNothing(TestWorkspace ws, Snapshot before) {
        InputException e = ws.ingestFails();
        assertThat(ws.snapshot()).as("the store and out/ are exactly as before").isEqualTo(before);
        return e.getMessage();
    }

    private static List<String> row(String table, int line, String column, String value, String reason) {
        return List.of(table, "data/" + table + ".csv", Integer.toString(line), column, value, reason);
    }

    // --- whole-file problems: exit 2, nothing changed ---------------------------------------------------

    @Test
    void emptyFileFailsNamingTheFileAndTheRequiredColumns() {
        TestWorkspace ws = loaded("opportunities");
        Snapshot before = ws.snapshot();
        ws.file("data/opportunities.csv", "");

        String message = failsChangingNothing(ws, before);

        assertThat(message).isEqualTo(ws.path("data/opportunities.csv") + ": the file is empty; expected a header line "
                + "with the columns of opportunities (opportunity_id, account_id, stage, created_at are required)");
    }

    @Test
    void blankHeaderLineFailsNamingTheFileAndLine() {
        TestWorkspace ws = loaded("accounts");
        Snapshot before = ws.snapshot();
        ws.file("data/accounts.csv", "\n\n");

        String message = failsChangingNothing(ws, before);

        assertThat(message).isEqualTo(ws.path("data/accounts.csv") + ": line 1: the header line is empty; expected the "
                + "column names");
    }

    @Test
    void wrongDelimiterFailsWithAHintAboutTheDelimiter() {
        TestWorkspace ws = loaded("accounts");
        Snapshot before = ws.snapshot();
        ws.yaml("""
                as_of: 2026-06-30
                sources:
                  accounts: { path: data/accounts.csv, delimiter: "," }
                """).file("data/accounts.csv", "account_id;name;industry\na1;Acme;SaaS\n");

        String message = failsChangingNothing(ws, before);

        assertThat(message).isEqualTo(ws.path("data/accounts.csv") + ": required column 'account_id' not found; the header "
                + "has: account_id;name;industry; the header was read as one column — the file seems to use ';' as its "
                + "delimiter (set sources.accounts.delimiter)");
    }

    @Test
    void headerOnlyLoadsNoRowsAndSucceeds() {
        TestWorkspace ws = loaded("nps_responses");
        Snapshot before = ws.snapshot();
        ws.file("data/nps_responses.csv", "account_id,respondent,responded_at,score,comment\n");

        IngestReport report = ws.ingest();

        assertThat(report.files()).extracting(f -> List.of(f.table(), f.read(), f.loaded(), f.rejected()))
                .containsExactly(List.of("accounts", 3L, 3L, 0L), List.of("nps_responses", 0L, 0L, 0L));
        // a table without a key is replaced per file: its file is now empty, so are its rows
        assertThat(ws.scalar("SELECT count(*) FROM nps_responses")).isEqualTo("0");
        assertThat(ws.snapshot().table("accounts")).isEqualTo(before.table("accounts"));
        assertThat(ws.rejected()).isEmpty();
    }

    @Test
    void headerOnlyWithoutTrailingNewlineLoadsNoRows() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir).file("data/accounts.csv", "account_id,name");

        IngestReport report = ws.ingest();

        assertThat(report.read()).isZero();
        assertThat(ws.scalar("SELECT count(*) FROM accounts")).isEqualTo("0");
    }

    @Test
    void jsonLinesWithoutTheRequiredKeyFailsNamingTheColumn() {
        TestWorkspace ws = loaded("accounts");
        Snapshot before = ws.snapshot();
        ws.yaml("""
                sources:
                  accounts: { path: data/accounts.jsonl }
                """).file("data/accounts.jsonl", "{\"id\": \"a1\"}\n");

        String message = failsChangingNothing(ws, before);

        assertThat(message).isEqualTo(ws.path("data/accounts.jsonl") + ": required column 'account_id' not found; the "
                + "header has: id");
    }

    @Test
    void jsonLinesRowWithBytesThatAreNotUtf8IsRejectedAndTheOthersLoad() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("{\"account_id\": \"a1\", \"name\": \"Zoë\"}\r\n{\"account_id\": \"a2\", \"name\": \"B"
                .getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {(byte) 0xE9}); // "Béta" in Latin-1
        b.writeBytes("ta\"}\r\n\n{\"account_id\": \"a3\", \"employees\": -1}\n{\"account_id\": \"a4\"}".getBytes(StandardCharsets.UTF_8));
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.jsonl }
                """).bytes("data/accounts.jsonl", b.toByteArray());
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> tempBefore = tempCopies(tmp);

        IngestReport report = ws.ingest();

        assertThat(ws.query("SELECT account_id, name FROM accounts ORDER BY 1"))
                .containsExactly(List.of("a1", "Zoë"), List.of("a4", "NULL"));
        assertThat(ws.rejected()).containsExactly(
                List.of("accounts", "data/accounts.jsonl", "2", "(line)", "{\"account_id\": \"a2\", \"name\": \"B\uFFFDta\"}",
                        "not valid UTF-8 text"),
                List.of("accounts", "data/accounts.jsonl", "4", "employees", "-1", "negative: expected a value >= 0"));
        assertThat(report.files().get(0).read()).isEqualTo(4);
        assertThat(ws.scalar("SELECT DISTINCT _source FROM accounts")).isEqualTo(ws.path("data/accounts.jsonl").toString());
        assertThat(tempCopies(tmp)).as("the temporary copy is removed").isSubsetOf(tempBefore);
    }

    private static Set<Path> tempCopies(Path tmp) throws java.io.IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("icp-ingest-")).collect(Collectors.toSet());
        }
    }

    @Test
    void sourcePathThatIsAFolderFailsNamingIt() {
        TestWorkspace ws = loaded("accounts");
        Snapshot before = ws.snapshot();
        ws.yaml("""
                sources:
                  accounts: { path: data, format: csv }
                """);

        String message = failsChangingNothing(ws, before);

        assertThat(message).isEqualTo("sources.accounts.path: cannot read " + ws.path("data"));
    }

    @Test
    void fileThatIsNotParquetFailsNamingTheFileAndTheFormat() {
        TestWorkspace ws = loaded("accounts");
        Snapshot before = ws.snapshot();
        ws.yaml("""
                sources:
                  accounts: { path: data/accounts.parquet }
                """).file("data/accounts.parquet", "account_id\na1\n");

        String message = failsChangingNothing(ws, before);

        assertThat(message).startsWith(ws.path("data/accounts.parquet") + ": cannot read as Parquet: ");
    }

    // --- rows the reader cannot parse -------------------------------------------------------------------

    @Test
    void truncatedLastLineIsRejectedWithItsLineAndTheOthersLoad() {
        List<List<String>> rejected = appendAndIngest("accounts", "a4,Delta,Sa", 1);

        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.subList(0, 3)).containsExactly("accounts", "data/accounts.csv", "5");
            assertThat(r.get(4)).isEqualTo("a4,Delta,Sa");
            assertThat(r.get(5)).startsWith("too few fields");
        });
    }

    @Test
    void lastLineCutInsideAQuotedValueIsRejectedWithItsLine() {
        List<List<String>> rejected = appendAndIngest("accounts", "a4,\"Delta, Inc", 1);

        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.subList(0, 3)).containsExactly("accounts", "data/accounts.csv", "5");
            assertThat(r.get(5)).startsWith("bad quoting");
        });
    }

    @Test
    void rowWithTooManyFieldsIsRejected() {
        List<List<String>> rejected = appendAndIngest("spend", "2026-02-01,ads,marketing,100,extra\n", 1);

        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.subList(0, 3)).containsExactly("spend", "data/spend.csv", "3");
            assertThat(r.get(5)).startsWith("too many fields");
        });
    }

    @Test
    void rowWithBytesThatAreNotUtf8IsRejectedAndTheOthersLoad() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("account_id,name,employees\na1,Acme,1\na2,".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {'B', (byte) 0xE9, 't', 'a'}); // "Béta" in Latin-1
        b.writeBytes(",2\na3,Gamma,x\na4,Δelta,4\n".getBytes(StandardCharsets.UTF_8));
        TestWorkspace ws = TestWorkspace.withAccounts(dir).bytes("data/accounts.csv", b.toByteArray());

        IngestReport report = ws.ingest();

        assertThat(ws.query("SELECT account_id, name FROM accounts ORDER BY 1"))
                .containsExactly(List.of("a1", "Acme"), List.of("a4", "Δelta"));
        assertThat(ws.rejected()).satisfiesExactly(
                r -> {
                    assertThat(r.subList(0, 4)).containsExactly("accounts", "data/accounts.csv", "3", "name");
                    assertThat(r.get(5)).isEqualTo("not valid UTF-8 text");
                },
                // line numbers after a rejected line stay right
                r -> assertThat(r).isEqualTo(row("accounts", 4, "employees", "x", "not a whole number")));
        assertThat(report.files().get(0).read()).isEqualTo(4);
    }

    @Test
    void tenMegabyteLineIsRejectedWithItsLineNumberAndTheOthersLoad() {
        String huge = "a2,\"" + "x".repeat(10 * 1024 * 1024) + "\",1\n";
        TestWorkspace ws = TestWorkspace.withAccounts(dir)
                .file("data/accounts.csv", "account_id,name,employees\na1,Acme,1\n" + huge + "a3,Gamma,3\na4,Delta,-4\n");

        IngestReport report = ws.ingest();

        assertThat(ws.query("SELECT account_id, name FROM accounts ORDER BY 1"))
                .containsExactly(List.of("a1", "Acme"), List.of("a3", "Gamma"));
        assertThat(ws.rejected()).satisfiesExactly(
                r -> {
                    assertThat(r.subList(0, 3)).containsExactly("accounts", "data/accounts.csv", "3");
                    assertThat(r.get(4).length()).as("the value is cut for the record").isLessThanOrEqualTo(201);
                    assertThat(r.get(5)).isEqualTo("line longer than " + SourceReader.MAX_LINE_BYTES + " bytes");
                },
                r -> assertThat(r).isEqualTo(row("accounts", 5, "employees", "-4", "negative: expected a value >= 0")));
        assertThat(report.files().get(0).read()).isEqualTo(4);
        assertThat(report.files().get(0).rejected()).isEqualTo(2);
    }

    // --- values that fail a check -----------------------------------------------------------------------

    @Test
    void badDatesAreRejectedSayingWhatADateLooksLike() {
        List<List<String>> rejected = appendAndIngest("accounts", """
                a4,Delta,SaaS,1,,,,2025-13-45,
                a5,Echo,SaaS,1,,,,yesterday,
                a6,Fox,SaaS,1,,,,31/12/2025,
                """, 3);

        String reason = "not a date (ISO-8601 such as 2026-06-30)";
        assertThat(rejected).containsExactly(row("accounts", 5, "created_at", "2025-13-45", reason),
                row("accounts", 6, "created_at", "yesterday", reason), row("accounts", 7, "created_at", "31/12/2025", reason));
    }

    @Test
    void badTimestampsAreRejectedSayingWhatATimestampLooksLike() {
        List<List<String>> rejected = appendAndIngest("usage_events", "a1,u1,2026-01-01 25:00,login,1\n", 1);

        assertThat(rejected).containsExactly(row("usage_events", 3, "occurred_at", "2026-01-01 25:00",
                "not a timestamp (ISO-8601 such as 2026-06-30 or 2026-06-30T14:05:00Z)"));
    }

    @Test
    void negativeAmountsAreRejected() {
        assertThat(appendAndIngest("opportunities", "o3,a1,new_business,won,-100,2026-01-01,2026-01-05,core\n", 1))
                .containsExactly(row("opportunities", 4, "amount", "-100", "negative: expected a value >= 0"));
    }

    @Test
    void negativeMrrIsRejected() {
        assertThat(appendAndIngest("subscriptions", "s2,a2,core,false,2025-01-01,,-0.01\n", 1))
                .containsExactly(row("subscriptions", 3, "mrr", "-0.01", "negative: expected a value >= 0"));
    }

    @Test
    void amountsThatAreNotNumbersAreRejected() {
        assertThat(appendAndIngest("spend", "2026-02-01,ads,marketing,\"$1,000\"\n", 1)).containsExactly(
                row("spend", 3, "amount", "$1,000", "not an amount (a number, at most 2 decimals kept)"));
    }

    @Test
    void npsOutOfRangeIsRejectedWithLineAndReason() {
        List<List<String>> rejected = appendAndIngest("nps_responses", """
                a1,r2,2026-01-02T10:00:00Z,11,too good
                a1,r3,2026-01-03T10:00:00Z,-1,
                a1,r4,2026-01-04T10:00:00Z,7.5,
                a1,r5,2026-01-05T10:00:00Z,,
                """, 4);

        assertThat(rejected).containsExactly(
                row("nps_responses", 3, "score", "11", "out of range: expected 0 to 10"),
                row("nps_responses", 4, "score", "-1", "out of range: expected 0 to 10"),
                row("nps_responses", 5, "score", "7.5", "not a whole number"),
                row("nps_responses", 6, "score", "", "missing required value"));
    }

    @Test
    void cultureFitOutsideOneToFiveIsRejected() {
        List<List<String>> rejected = appendAndIngest("research_notes", """
                a1,2026-01-02,cs,0,,
                a1,2026-01-03,cs,6,,
                """, 2);

        assertThat(rejected).containsExactly(
                row("research_notes", 3, "culture_fit", "0", "out of range: expected 1 to 5"),
                row("research_notes", 4, "culture_fit", "6", "out of range: expected 1 to 5"));
    }

    @Test
    void duplicateKeyIsRejectedNamingTheLineWhereTheKeyWasFirstSeen() {
        List<List<String>> rejected = appendAndIngest("accounts", "a4,Delta,,,,,,,\n", "a1,Acme again,,,,,,,\n", 1);

        assertThat(rejected).containsExactly(
                row("accounts", 6, "account_id", "a1", "duplicate key within the file (first seen on line 2)"));
    }

    @Test
    void duplicateKeyAfterARejectedLineNamesTheRightFirstLine() {
        // the line the reader rejects (too few fields) shifts the rows after it; the lines named must not shift
        TestWorkspace ws = TestWorkspace.withAccounts(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.csv }
                  opportunities: { path: data/opportunities.csv }
                """).file("data/opportunities.csv", """
                opportunity_id,account_id,stage,created_at
                o3,a1
                o4,a1,open,2026-01-01
                o4,a2,open,2026-01-02
                """);

        ws.ingest();

        assertThat(ws.query("SELECT opportunity_id, account_id FROM opportunities")).containsExactly(List.of("o4", "a1"));
        List<List<String>> rejected = ws.rejected();
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).subList(0, 3)).containsExactly("opportunities", "data/opportunities.csv", "2");
        assertThat(rejected.get(1)).isEqualTo(row("opportunities", 4, "opportunity_id", "o4",
                "duplicate key within the file (first seen on line 3)"));
    }

    @Test
    void duplicateCompositeKeyNamesEveryKeyColumn() {
        assertThat(appendAndIngest("spend", "2026-01-15,ads,,5\n", 1)).containsExactly(row("spend", 3,
                "month,channel,kind", "2026-01-01 | ads | marketing", "duplicate key within the file (first seen on line 2)"));
    }

    @Test
    void duplicateKeyInJsonLinesNamesTheFirstLine() {
        TestWorkspace ws = new TestWorkspace(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.jsonl }
                """).file("data/accounts.jsonl", """
                {"account_id": "a1", "name": "Acme"}

                {"account_id": "a2", "name": "Beta"}
                {"account_id": "a1", "name": "Acme again"}
                """);

        ws.ingest();

        assertThat(ws.query("SELECT account_id, name FROM accounts ORDER BY 1"))
                .containsExactly(List.of("a1", "Acme"), List.of("a2", "Beta"));
        assertThat(ws.rejected()).containsExactly(List.of("accounts", "data/accounts.jsonl", "4", "account_id", "a1",
                "duplicate key within the file (first seen on line 1)"));
    }

    @Test
    void unknownAccountReferencesAreRejected() {
        assertThat(appendAndIngest("support_tickets", "t2,zz,2026-01-01T10:00:00Z,,low,5\n", 1)).containsExactly(
                row("support_tickets", 3, "account_id", "zz", "unknown account: no account with this account_id in accounts"));
    }

    @Test
    void referenceToAnAccountRejectedInTheSameRunIsRejectedToo() {
        TestWorkspace ws = loaded("usage_events");
        ws.file("data/accounts.csv", TestWorkspace.ACCOUNTS_CSV + "a4,Delta,SaaS,-1,,,,,\n")
                .file("data/usage_events.csv", GOOD.get("usage_events") + "a4,u9,2026-01-01T10:00:00Z,login,1\n");

        ws.ingest();

        assertThat(ws.rejected()).containsExactly(
                row("accounts", 5, "employees", "-1", "negative: expected a value >= 0"),
                row("usage_events", 3, "account_id", "a4", "unknown account: no account with this account_id in accounts"));
    }

    @Test
    void closedAtBeforeCreatedAtIsRejected() {
        assertThat(appendAndIngest("opportunities", "o3,a1,new_business,lost,0,2026-02-01,2026-01-31,core\n", 1))
                .containsExactly(row("opportunities", 4, "closed_at", "2026-01-31 < 2026-02-01", "closed_at is before created_at"));
    }

    @Test
    void ticketClosedBeforeItOpenedIsRejected() {
        assertThat(appendAndIngest("support_tickets", "t2,a1,2026-01-02T10:00:00Z,2026-01-02T09:59:59Z,low,5\n", 1))
                .containsExactly(row("support_tickets", 3, "closed_at", "2026-01-02T09:59:59Z < 2026-01-02T10:00:00Z",
                        "closed_at is before opened_at"));
    }

    @Test
    void subscriptionEndingBeforeItStartsIsRejected() {
        assertThat(appendAndIngest("subscriptions", "s2,a1,addon,true,2025-06-01,2025-05-31,10\n", 1))
                .containsExactly(row("subscriptions", 3, "end_date", "2025-05-31 < 2025-06-01", "end_date is before start_date"));
    }

    @Test
    void wonOrLostOpportunityWithoutClosedAtIsRejected() {
        List<List<String>> rejected = appendAndIngest("opportunities", """
                o3,a1,new_business,won,10,2026-01-01,,core
                o4,a1,new_business,Lost,10,2026-01-01,,core
                """, 2);

        String reason = "missing: closed_at is required unless the stage is open";
        assertThat(rejected).containsExactly(row("opportunities", 4, "closed_at", "", reason),
                row("opportunities", 5, "closed_at", "", reason));
    }

    @Test
    void wonOpportunityIsRejectedWhenTheFileHasNoClosedAtColumn() {
        TestWorkspace ws = TestWorkspace.withAccounts(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.csv }
                  opportunities: { path: data/opportunities.csv }
                """).file("data/opportunities.csv", "opportunity_id,account_id,stage,created_at\no1,a1,open,2026-01-01\n"
                + "o2,a1,won,2026-01-01\n");

        ws.ingest();

        assertThat(ws.query("SELECT opportunity_id FROM opportunities")).containsExactly(List.of("o1"));
        assertThat(ws.rejected()).containsExactly(row("opportunities", 3, "closed_at", "",
                "missing: closed_at is required unless the stage is open"));
    }

    @Test
    void datesMoreThanADayAfterAsOfAreRejected() {
        List<List<String>> rejected = appendAndIngest("usage_events", "a1,u1,2026-07-01T23:59:59Z,login,1\n",
                "a1,u1,2026-07-02T00:00:00Z,login,1\n", 1);

        assertThat(rejected).containsExactly(row("usage_events", 4, "occurred_at", "2026-07-02T00:00:00Z",
                "dated more than a day after 2026-06-30 (as_of, or today when as_of is not set)"));
    }

    @Test
    void onlyTheDateOfARowIsCheckedAgainstAsOfNotPlannedDates() {
        // an open deal's expected close date and a subscription's scheduled end lie in the future by nature;
        // the "after as_of" check is on the column that dates the row (CanonicalTable.timeColumn)
        TestWorkspace ws = TestWorkspace.withAccounts(dir).yaml("""
                as_of: 2026-06-30
                sources:
                  accounts: { path: data/accounts.csv }
                  opportunities: { path: data/opportunities.csv }
                  subscriptions: { path: data/subscriptions.csv }
                """).file("data/opportunities.csv", """
                opportunity_id,account_id,stage,created_at,closed_at
                o1,a1,open,2026-06-01,2026-09-30
                o2,a1,open,2026-07-05,
                """).file("data/subscriptions.csv", """
                subscription_id,account_id,start_date,end_date,mrr
                s1,a1,2025-07-01,2027-06-30,100
                """);

        ws.ingest();

        assertThat(ws.query("SELECT opportunity_id, closed_at FROM opportunities")).containsExactly(List.of("o1", "2026-09-30"));
        assertThat(ws.query("SELECT subscription_id, end_date FROM subscriptions")).containsExactly(List.of("s1", "2027-06-30"));
        assertThat(ws.rejected()).containsExactly(row("opportunities", 3, "created_at", "2026-07-05",
                "dated more than a day after 2026-06-30 (as_of, or today when as_of is not set)"));
    }

    @Test
    void withoutAsOfDatesMoreThanADayAfterTodayAreRejected() {
        // TestWorkspace.CLOCK says 2026-07-01
        TestWorkspace ws = TestWorkspace.withAccounts(dir).yaml("""
                sources:
                  accounts: { path: data/accounts.csv }
                """).file("data/accounts.csv", "account_id,created_at\na1,2026-07-02\na2,2026-07-03\n");

        ws.ingest();

        assertThat(ws.query("SELECT account_id FROM accounts")).containsExactly(List.of("a1"));
        assertThat(ws.rejected()).containsExactly(
                row("accounts", 3, "created_at", "2026-07-03", "dated more than a day after 2026-07-01 (as_of, or today when as_of is not set)"));
    }

    @Test
    void enumValuesNotAllowedAreRejectedListingTheAllowedOnes() {
        // values are compared ignoring case: HIGH is high
        List<List<String>> rejected = appendAndIngest("support_tickets", "t3,a1,2026-01-01T10:00:00Z,,HIGH,5\n",
                "t2,a1,2026-01-01T10:00:00Z,,critical,5\n", 1);

        assertThat(rejected).containsExactly(row("support_tickets", 4, "priority", "critical",
                "expected one of low, normal, high, urgent (map other values under 'values:')"));
    }

    @Test
    void everyEnumColumnChecksItsValues() {
        assertThat(appendAndIngest("opportunities", """
                o3,a1,upsell,open,,2026-01-01,,
                o4,a1,,pending,,2026-01-01,,
                """, 2)).containsExactly(
                row("opportunities", 4, "type", "upsell",
                        "expected one of new_business, expansion, renewal (map other values under 'values:')"),
                row("opportunities", 5, "stage", "pending", "expected one of open, won, lost (map other values under 'values:')"));
    }

    @Test
    void enumValuesOfSpendAndResearchNotesAreChecked() {
        assertThat(appendAndIngest("research_notes", "a1,2026-01-02,survey,3,,\n", 1)).containsExactly(
                row("research_notes", 3, "source", "survey", "expected one of interview, win_loss, cs (map other values under 'values:')"));
    }

    @Test
    void booleansAcceptTrueFalseYesNoOneZeroAndRejectAnythingElse() {
        TestWorkspace ws = loaded("subscriptions");
        ws.file("data/subscriptions.csv", GOOD.get("subscriptions") + """
                s2,a1,x,TRUE,2025-01-01,,1
                s3,a1,x,no,2025-01-01,,1
                s4,a1,x,Y,2025-01-01,,1
                s5,a1,x,0,2025-01-01,,1
                s6,a1,x,maybe,2025-01-01,,1
                s7,a1,x,,2025-01-01,,1
                """);

        ws.ingest();

        assertThat(ws.query("SELECT subscription_id, is_addon FROM subscriptions ORDER BY 1")).containsExactly(
                List.of("s1", "false"), List.of("s2", "true"), List.of("s3", "false"), List.of("s4", "true"),
                List.of("s5", "false"), List.of("s7", "NULL"));
        assertThat(ws.rejected()).containsExactly(
                row("subscriptions", 7, "is_addon", "maybe", "not true/false (also yes/no, 1/0)"));
    }

    @Test
    void listsAreSplitTrimmedAndEmptyItemsDropped() {
        TestWorkspace ws = loaded("research_notes");
        ws.file("data/research_notes.csv", GOOD.get("research_notes") + """
                a1,2026-01-02,cs,3," onboarding ;; pricing ;",
                a1,2026-01-03,cs,3,;,
                """);

        ws.ingest();

        assertThat(ws.query("SELECT CAST(pain_points AS VARCHAR) FROM research_notes ORDER BY noted_at")).containsExactly(
                List.of("[reporting]"), List.of("[onboarding, pricing]"), List.of("[]"));
        assertThat(ws.rejected()).isEmpty();
    }

    @Test
    void missingRequiredValuesAreRejected() {
        assertThat(appendAndIngest("accounts", " ,Nobody,,,,,,,\n", 1))
                .containsExactly(row("accounts", 5, "account_id", "", "missing required value"));
    }

    @Test
    void wholeNumbersRejectFractionsAndText() {
        assertThat(appendAndIngest("accounts", "a4,Delta,,12.5,,,,,\na5,Echo,,twelve,,,,,\n", 2)).containsExactly(
                row("accounts", 5, "employees", "12.5", "not a whole number"),
                row("accounts", 6, "employees", "twelve", "not a whole number"));
    }

    @Test
    void aRejectedRowDoesNotReplaceTheLoadedRowWithTheSameKey() {
        TestWorkspace ws = loaded("accounts");
        Snapshot before = ws.snapshot();
        ws.file("data/accounts.csv", TestWorkspace.ACCOUNTS_CSV.replace("a2,Beta,Fintech,40", "a2,Beta,Fintech,-40"));

        ws.ingest();

        assertThat(ws.snapshot().canonical()).isEqualTo(before.canonical());
        assertThat(ws.rejected()).containsExactly(row("accounts", 3, "employees", "-40", "negative: expected a value >= 0"));
    }
}
