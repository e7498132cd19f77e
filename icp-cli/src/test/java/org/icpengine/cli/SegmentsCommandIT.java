package org.icpengine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icpengine.cli.CliRun.icp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code icp segments} through {@link Icp#run}: formats, output file, bad filters and names, exit codes. */
class SegmentsCommandIT {

    @TempDir
    Path dir;

    private CliRun segments(String... args) {
        String[] all = Stream.concat(Stream.of("segments", "--workspace", dir.toString()), Arrays.stream(args))
                .toArray(String[]::new);
        return icp(all);
    }

    @Test
    void tablePrintsTheSegmentsRankedByIcpIndexWithThePopulationFirst() {
        SegmentsWorkspace.withAccounts(dir);

        CliRun r = segments("--by", "industry");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Segments by industry as of 2026-06-30: 14 accounts in 3 segments, sorted by icp_index");
        assertThat(lines.get(2)).startsWith(" #  industry").contains("accounts", "customers", "icp_index", "win_rate",
                "nrr_12m", "ltv_cac", "ltv_model");
        assertThat(lines.get(4)).startsWith("    (all accounts)        14          8        100       52%");
        assertThat(lines.get(5)).startsWith(" 1  SaaS").contains("86%");   // 12 won / 14 closed
        assertThat(lines.get(6)).startsWith("*2  Fin, Tech").contains("50%");
        assertThat(lines.get(7)).startsWith(" 3  Retail").contains("20%");
        assertThat(r.out()).contains("* small segment: fewer than 3 accounts (flagged, not hidden). Money in USD.")
                .contains("ICP index: 100 = the average account; weights win_rate 1, retained_12m 1; computed on shrunk values.")
                .contains("Note: ltv: no customer on 2026-06-30 has a tenure");
    }

    @Test
    void minSizeOverridesTheConfiguredThreshold() {
        SegmentsWorkspace.withAccounts(dir);

        CliRun r = segments("--by", "industry", "--min-size", "7", "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"min_size\" : 7");
        assertThat(r.out().split("\"small\" : true", -1)).hasSize(4);
    }

    @Test
    void csvHasOneRowPerSegmentAfterThePopulationWithEveryMetric() {
        SegmentsWorkspace.withAccounts(dir);

        CliRun r = segments("--by", "industry,has_snowflake", "--format", "CSV");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(5);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).startsWith("scope", "position", "icp_rank", "industry", "has_snowflake", "accounts",
                "customers", "small", "icp_index", "ltv_source", "conversion", "conversion_lower", "conversion_upper",
                "conversion_shrunk", "conversion_n");
        assertThat(header).contains("win_rate_shrunk", "nrr_12m", "ltv_cac_n", "culture_fit_upper");
        assertThat(lines.get(1)).startsWith("population,,,,,14,8,false,100,none,1,");
        assertThat(lines.get(2)).startsWith("segment,1,1,SaaS,true,6,4,false,");
        // win_rate 12/14 written in full precision, never with an exponent
        assertThat(lines.get(2)).contains("," + (12.0 / 14) + ",");
        assertThat(lines.get(3)).startsWith("segment,2,2,\"Fin, Tech\",,2,2,true,");
        assertThat(lines.get(4)).startsWith("segment,3,3,Retail,false,6,2,false,");
        assertThat(r.out()).doesNotContain("E-").doesNotContain("NaN");
        for (String line : lines.subList(1, lines.size())) {
            int quoted = line.contains("\"Fin, Tech\"") ? 1 : 0;
            assertThat(line.split(",", -1)).hasSize(header.size() + quoted);
        }
    }

    @Test
    void jsonHoldsTheQueryThePopulationTheSegmentsAndTheNotes() throws IOException {
        SegmentsWorkspace.withAccounts(dir);

        CliRun r = segments("--by", "industry", "--format", "json", "--sort", "accounts", "--where", "nps is not null");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("as_of").asText()).isEqualTo("2026-06-30");
        assertThat(root.get("dimensions").toString()).isEqualTo("[\"industry\"]");
        assertThat(root.get("where").asText()).isEqualTo("nps is not null");
        assertThat(root.get("sort").asText()).isEqualTo("accounts");
        assertThat(root.get("weights").toString()).isEqualTo("{\"win_rate\":1.0,\"retained_12m\":1.0}");
        assertThat(root.at("/population/accounts").asLong()).isEqualTo(12);
        JsonNode segments = root.get("segments");
        assertThat(segments).hasSize(2);
        JsonNode saas = segments.get(0);
        assertThat(saas.at("/dimensions/industry").asText()).isEqualTo("SaaS");
        assertThat(saas.get("icp_rank").asInt()).isEqualTo(1);
        assertThat(saas.at("/metrics/win_rate/value").asDouble()).isEqualTo(12.0 / 14);
        assertThat(saas.at("/metrics/win_rate/n").asLong()).isEqualTo(14);
        assertThat(saas.at("/metrics/win_rate/lower").asDouble()).isBetween(0.5, 12.0 / 14);
        assertThat(saas.at("/metrics/win_rate/shrunk").isNumber()).isTrue();
        assertThat(saas.at("/metrics/nps/value").asDouble()).isEqualTo(100);
        assertThat(saas.at("/metrics/ltv/value").isNull()).isTrue();
        assertThat(saas.get("ltv_source").asText()).isEqualTo("none");
        assertThat(segments.get(1).at("/metrics/nps/value").asDouble()).isEqualTo(-100);
        assertThat(root.get("notes").size()).isPositive();
    }

    @Test
    void outputWritesTheFileAndSaysSo() throws IOException {
        SegmentsWorkspace.withAccounts(dir);
        Path file = dir.resolve("out/exports/segments.csv");

        CliRun r = segments("--by", "industry", "--format", "csv", "--output", file.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Wrote 3 segments to " + file + System.lineSeparator());
        assertThat(Files.readAllLines(file)).hasSize(5).first().asString().startsWith("scope,position,icp_rank,industry,");
    }

    @Test
    void aFilterThatMatchesNothingSaysSoAndExitsZero() {
        SegmentsWorkspace.withAccounts(dir);

        CliRun r = segments("--by", "industry", "--where", "industry = 'Nobody'");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("0 accounts in 0 segments").contains("Filter: industry = 'Nobody'")
                .contains("No account passes the filter.");
    }

    static Stream<Arguments> badFilters() {
        String huge = "industry = 'x'" + " or industry = 'x'".repeat(1_000);
        String deep = "(".repeat(150) + "industry = 'x'" + ")".repeat(150);
        return Stream.of(
                Arguments.of("industry = 'SaaS", 12, "unterminated string"),
                Arguments.of("industry = 'x' OR '1'='1'", 19, "a condition starts with a column name"),
                Arguments.of("industry = \"SaaS\"", 12, "double quotes are not allowed"),
                Arguments.of("industry = 'x' -- comment", 16, "comments ('--') are not allowed"),
                Arguments.of("industry = 'x' /* comment */", 16, "comments ('/* */') are not allowed"),
                Arguments.of("industry = 'x'; DROP TABLE account_metrics", 15, "';' is not allowed"),
                Arguments.of("industry = 'x'; DELETE FROM account_metrics; --", 15, "';' is not allowed"),
                Arguments.of("lower(industry) = 'saas'", 1, "functions are not supported"),
                Arguments.of("sleep(10)", 1, "functions are not supported"),
                Arguments.of("industy = 'SaaS'", 1, "unknown column 'industy'; did you mean 'industry'?"),
                Arguments.of("industry = 'a\u0000b'", 14, "control character U+0000"),
                Arguments.of(huge, 10_001, "too long"),
                Arguments.of("name = '" + "a".repeat(500_000) + "'", 10_001, "too long"),
                Arguments.of(deep, 101, "nested too deeply"));
    }

    @ParameterizedTest
    @MethodSource("badFilters")
    void aBadFilterExitsTwoWithThePositionAndLeavesTheStoreAlone(String where, int column, String reason) {
        SegmentsWorkspace.withAccounts(dir);

        CliRun r = segments("--by", "industry", "--where", where);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("icp: --where: Invalid expression at column " + column + ": ")
                .containsIgnoringCase(reason).doesNotContain("\tat ").doesNotContain("SQL");
        assertThat(r.err().length()).isLessThan(6_000);
        assertThat(SegmentsWorkspace.rows(dir)).isEqualTo(14);
    }

    @Test
    void anUnknownColumnListsTheKnownNames() {
        SegmentsWorkspace.withAccounts(dir);

        CliRun r = segments("--by", "industry", "--where", "revenue > 10");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown column 'revenue'").contains("Known columns: account_id, acquisition_channel")
                .contains("^");
    }

    @Test
    void anUnknownDimensionExitsTwoListingTheAllowedOnes() {
        SegmentsWorkspace.withAccounts(dir);

        CliRun r = segments("--by", "industry,segment;drop table account_metrics");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("icp: unknown segment dimension 'segment;drop table account_metrics'; allowed "
                + "dimensions: industry, employees_band, revenue_band, country, region, acquisition_channel, "
                + "has_snowflake" + System.lineSeparator());
        assertThat(SegmentsWorkspace.rows(dir)).isEqualTo(14);
    }

    @Test
    void anUnknownSortColumnExitsTwo() {
        SegmentsWorkspace.withAccounts(dir);

        CliRun r = segments("--by", "industry", "--sort", "revenue");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("icp: cannot sort segments by 'revenue'; sort by one of: icp_index, accounts,");
    }

    @Test
    void withoutAStoreItSaysToIngestAndComputeMetricsFirst() {
        SegmentsWorkspace.config(dir);

        CliRun r = segments("--by", "industry");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("icp: no store in " + dir.toAbsolutePath().normalize()
                + "; run 'icp ingest' and then 'icp metrics' first" + System.lineSeparator());
        assertThat(dir.resolve(".icp")).doesNotExist();
    }

    @Test
    void withoutMetricsItSaysToRunIcpMetricsFirst() {
        SegmentsWorkspace.create(dir, false);

        CliRun missing = segments("--by", "industry");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("the store has no account metrics").contains("run 'icp metrics' first");
        SegmentsWorkspace.create(dir, true);
        CliRun empty = segments("--by", "industry");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("the account metrics table is empty; run 'icp metrics' first");
    }

    @Test
    void anUncomputedDateExitsTwo() {
        SegmentsWorkspace.withAccounts(dir);

        CliRun r = segments("--by", "industry", "--as-of", "2025-01-31");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no account metrics as of 2025-01-31; computed dates (latest first): 2026-06-30");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        SegmentsWorkspace.withAccounts(dir);

        assertThat(segments("--by", "industry", "--format", "xml").err())
                .contains("Invalid value for option '--format': expected table, csv or json, got 'xml'");
        assertThat(segments("--by", "industry", "--as-of", "30/06/2026").err())
                .contains("expected a date yyyy-mm-dd, got '30/06/2026'");
        assertThat(segments("--by", "industry", "--min-size", "0").err())
                .isEqualTo("icp: the minimum segment size must be at least 1, got 0" + System.lineSeparator());
        assertThat(segments("--by", "industry", "--min-size", "many").exitCode()).isEqualTo(2);
        assertThat(segments("--by", "industry", "--format", "xml").exitCode()).isEqualTo(2);
        assertThat(segments("--by", "industry", "--as-of", "2026-02-30").exitCode()).isEqualTo(2);
        CliRun noBy = segments();
        assertThat(noBy.exitCode()).isEqualTo(2);
        assertThat(noBy.err()).contains("Missing required option: '--by=DIMS'");
        assertThat(segments("--by", "").exitCode()).isEqualTo(2);
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun r = icp("segments", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: icp segments").contains("--by=DIMS", "--where=EXPR", "--min-size=N",
                "--sort=METRIC", "--as-of=DATE", "--format=FORMAT", "--output=FILE", "--workspace=DIR");
    }
}
