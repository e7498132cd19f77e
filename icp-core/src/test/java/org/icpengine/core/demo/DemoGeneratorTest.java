package org.icpengine.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoGeneratorTest {

    private static final List<String> CANONICAL = List.of(
            "accounts", "opportunities", "subscriptions", "usage_events",
            "nps_responses", "support_tickets", "spend", "research_notes");

    @TempDir
    Path tmp;

    @Test
    void sameSeedWritesByteIdenticalFiles() throws IOException {
        DemoGenerator generator = DemoGenerator.of(DemoSettings.defaults().withAccounts(300));
        generator.generate(tmp.resolve("a"));
        generator.generate(tmp.resolve("b"));

        List<Path> files = files(tmp.resolve("a"));
        assertThat(files).hasSize(10);
        for (Path f : files) {
            Path other = tmp.resolve("b").resolve(tmp.resolve("a").relativize(f));
            assertThat(Files.mismatch(f, other)).as("first differing byte of %s", f.getFileName()).isEqualTo(-1L);
        }
    }

    @Test
    void outputDoesNotDependOnTheNumberOfThreads() throws IOException {
        DemoGenerator generator = DemoGenerator.of(DemoSettings.defaults().withAccounts(200).withSeed(5));
        generator.withThreads(1).generate(tmp.resolve("one"));
        generator.withThreads(5).generate(tmp.resolve("five"));

        for (Path f : files(tmp.resolve("one"))) {
            Path other = tmp.resolve("five").resolve(tmp.resolve("one").relativize(f));
            assertThat(Files.mismatch(f, other)).as(f.getFileName().toString()).isEqualTo(-1L);
        }
    }

    @Test
    void differentSeedWritesDifferentData() throws IOException {
        DemoSettings settings = DemoSettings.defaults().withAccounts(300);
        DemoGenerator.of(settings).generate(tmp.resolve("a"));
        DemoGenerator.of(settings.withSeed(43)).generate(tmp.resolve("b"));

        for (String table : CANONICAL) {
            Path name = Path.of("data", table + ".csv");
            assertThat(Files.mismatch(tmp.resolve("a").resolve(name), tmp.resolve("b").resolve(name)))
                    .as(table).isNotEqualTo(-1L);
        }
    }

    @Test
    void writesEightTablesConfigAndTruthAndSummarizesThem() throws IOException {
        DemoSummary s = DemoGenerator.of(DemoSettings.defaults().withAccounts(500)).generate(tmp);

        assertThat(s.workspaceDir()).isEqualTo(tmp.toAbsolutePath().normalize());
        assertThat(s.configFile()).isEqualTo(s.workspaceDir().resolve("icp.yaml")).isRegularFile();
        assertThat(s.truthFile()).isEqualTo(s.workspaceDir().resolve("demo-truth.json")).isRegularFile();
        assertThat(s.tables()).extracting(DemoTable::table).containsExactlyElementsOf(CANONICAL);
        for (DemoTable t : s.tables()) {
            assertThat(t.path()).isEqualTo(s.workspaceDir().resolve("data").resolve(t.table() + ".csv"));
            assertThat(t.bytes()).as(t.table()).isEqualTo(Files.size(t.path()));
            assertThat(t.rows()).as(t.table()).isEqualTo(CsvTable.read(t.path()).size()).isPositive();
        }
        assertThat(s.rows("accounts")).isEqualTo(500);
        assertThat(s.dataBytes()).isEqualTo(s.tables().stream().mapToLong(DemoTable::bytes).sum());
        assertThat(s.planted()).isEqualTo(PlantedIcp.DEFAULT);
        try (Stream<Path> left = Files.list(s.workspaceDir().resolve("data"))) {
            assertThat(left.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }

        JsonNode truth = new ObjectMapper().readTree(s.truthFile().toFile());
        assertThat(truth.get("seed").asLong()).isEqualTo(42L);
        assertThat(truth.get("as_of").asText()).isEqualTo("2026-06-30");
        assertThat(truth.at("/planted_icp/industries").toString()).isEqualTo("[\"Fintech\",\"SaaS\"]");
        assertThat(truth.at("/planted_icp/employees_band").asText()).isEqualTo("51-200");
        assertThat(truth.at("/planted_icp/tech").toString()).isEqualTo("[\"snowflake\"]");
        assertThat(truth.at("/counts/customers").asLong()).isEqualTo(s.customers());
        assertThat(truth.at("/counts/icp_customers").asLong()).isEqualTo(s.icpCustomers());
        assertThat(truth.at("/counts/rows/usage_events").asLong()).isEqualTo(s.rows("usage_events"));
        assertThat(truth.get("icp_account_ids").size()).isEqualTo(s.icpAccounts());
    }

    @Test
    void countsAreNearTheTargetsForASmallWorkspace() {
        DemoSummary s = DemoGenerator.of(DemoSettings.defaults().withAccounts(500)).generate(tmp);

        // About 30% customers, the planted profile well represented, ~600 usage events per account.
        assertThat(s.customers()).isBetween(120L, 190L);
        assertThat(s.icpAccounts()).isBetween(30L, 80L);
        assertThat(s.icpCustomers()).isBetween(15L, 60L);
        assertThat(s.rows("usage_events")).isBetween(180_000L, 450_000L);
        assertThat(s.rows("opportunities")).isGreaterThan(s.customers());
        assertThat(s.rows("subscriptions")).isGreaterThanOrEqualTo(s.customers());
        assertThat(s.rows("spend")).isEqualTo(43L * 7);
        assertThat(s.rows("support_tickets")).isGreaterThan(s.customers());
        assertThat(s.rows("nps_responses")).isGreaterThan(s.customers() / 2);
        assertThat(s.rows("research_notes")).isGreaterThan(s.customers() / 4);
    }

    @Test
    void regeneratingReplacesItsOwnFilesAndLeavesOthersAlone() throws IOException {
        Path mine = Files.writeString(tmp.resolve("notes.txt"), "keep me");
        DemoGenerator.of(DemoSettings.defaults().withAccounts(50)).generate(tmp);
        DemoSummary second = DemoGenerator.of(DemoSettings.defaults().withAccounts(80)).generate(tmp);

        assertThat(mine).hasContent("keep me");
        assertThat(CsvTable.read(second.path("accounts")).size()).isEqualTo(80);
    }

    @Test
    void handlesATinyWorkspace() {
        DemoSummary s = DemoGenerator.of(DemoSettings.defaults().withAccounts(1).withSeed(3)).generate(tmp);

        assertThat(s.rows("accounts")).isEqualTo(1);
        assertThat(s.rows("spend")).isEqualTo(43L * 7);
    }

    @Test
    void honoursAnotherAsOfDate() throws IOException {
        LocalDate asOf = LocalDate.of(2024, 2, 29);
        DemoSummary s = DemoGenerator.of(DemoSettings.defaults().withAccounts(200).withAsOf(asOf)).generate(tmp);

        assertThat(Files.readString(s.configFile())).contains("\nas_of: 2024-02-29\n");
        CsvTable accounts = CsvTable.read(s.path("accounts"));
        assertThat(accounts.column("created_date")).allSatisfy(d -> assertThat(LocalDate.parse(d)).isBeforeOrEqualTo(asOf));
    }

    @Test
    void rejectsAWorkspacePathThatIsAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");

        assertThatThrownBy(() -> DemoGenerator.withDefaults().generate(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("not a directory");
        assertThat(file).hasContent("x");
    }

    @Test
    void rejectsSettingsOutOfRange() {
        assertThatThrownBy(() -> DemoSettings.defaults().withAccounts(0))
                .isInstanceOf(InputException.class)
                .hasMessage("demo accounts must be between 1 and 9999999, got 0");
        assertThatThrownBy(() -> DemoSettings.defaults().withAsOf(LocalDate.of(1800, 1, 1)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("as_of");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        DemoSettings d = DemoGenerator.withDefaults().settings();

        assertThat(d.accounts()).isEqualTo(5000);
        assertThat(d.seed()).isEqualTo(42L);
        assertThat(d.asOf()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void summaryNamesTheKnownTablesForAnUnknownOne() {
        DemoSummary s = DemoGenerator.of(DemoSettings.defaults().withAccounts(20)).generate(tmp);

        assertThatThrownBy(() -> s.rows("deals"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'deals'")
                .hasMessageContaining("usage_events");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
