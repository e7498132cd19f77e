package org.icpengine.core.pipeline.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.icpengine.core.demo.DemoGenerator;
import org.icpengine.core.demo.DemoSettings;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.pipeline.discover.Discovery;
import org.icpengine.core.pipeline.model.FitReport;
import org.icpengine.core.pipeline.model.ModelFile;
import org.icpengine.core.pipeline.model.Models;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team exports on the demo company (2000 accounts, seed 42), after discover and fit, read back from the files
 * as a team would open them.
 */
class ExportsDemoIT {

    @TempDir
    static Path dir;

    static ExportReport report;
    static Set<String> customers = new HashSet<>();
    static long accounts;

    @BeforeAll
    static void pipeline() {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(2000).withSeed(42)).generate(dir);
        Workspace ws = Workspace.open(dir);
        Ingestor.run(ws);
        LocalDate asOf = ws.config().asOf().orElseThrow();
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            AccountMetrics metrics = AccountMetrics.on(engine, ws.config());
            metrics.compute(asOf);
            Discovery.write(Discovery.run(engine, ws.config(), asOf), ws.outDir());
            FitReport fit = Models.fit(engine, ws.config(), asOf, 42);
            for (ModelFile m : fit.models()) {
                m.write(ws.outDir().resolve("models"));
            }
            report = Exports.run(engine, ws.config(), asOf, ws.outDir());
            var rows = metrics.read(asOf);
            accounts = rows.size();
            for (int i = 0; i < rows.size(); i++) {
                if (Boolean.TRUE.equals(rows.row(i).get("is_customer"))) {
                    customers.add((String) rows.row(i).get("account_id"));
                }
            }
        }
    }

    private static CsvRows csv(String name) throws IOException {
        return CsvRows.read(report.file(name).path());
    }

    @Test
    void everyFileIsWrittenAndTheFullDataLeavesNoNote() {
        assertThat(report.files()).extracting(ExportReport.File::name).containsExactly("marketing_audiences.csv",
                "marketing_audience_members.csv", "sales_priority.csv", "product_use_cases.csv", "cs_watchlist.csv");
        assertThat(report.files()).allSatisfy(f -> assertThat(f.path()).exists());
        assertThat(dir.resolve("out/exports/README.txt")).content().contains("Watchlist: active customers");
        assertThat(report.notes()).noneMatch(n -> n.startsWith("no ")).noneMatch(n -> n.contains("no use case"));
    }

    @Test
    void audiencesRankPlantedSegmentsFirstWithTheProspectsLeftInEach() throws IOException {
        CsvRows a = csv("marketing_audiences.csv");
        assertThat(a.header()).containsSubsequence("industry", "employees_band", "has_snowflake", "icp_index");
        Map<String, String> best = a.rows().get(0);
        assertThat(best.get("industry")).isIn("Fintech", "SaaS");
        assertThat(best.get("employees_band")).isEqualTo("51-200");
        assertThat(best.get("has_snowflake")).isEqualTo("true");
        long prospects = 0;
        for (int i = 0; i < a.rows().size(); i++) {
            Map<String, String> r = a.rows().get(i);
            assertThat(Integer.parseInt(r.get("icp_rank"))).isEqualTo(i + 1);
            assertThat(Long.parseLong(r.get("prospects")))
                    .isEqualTo(Long.parseLong(r.get("accounts")) - Long.parseLong(r.get("customers")));
            assertThat(Long.parseLong(r.get("prospects_top_tiers"))).isBetween(0L, Long.parseLong(r.get("prospects")));
            prospects += Long.parseLong(r.get("prospects"));
        }
        assertThat(prospects).isEqualTo(accounts - customers.size());

        CsvRows m = csv("marketing_audience_members.csv");
        Set<String> topRanks = new HashSet<>(m.column("icp_rank"));
        assertThat(topRanks).hasSizeLessThanOrEqualTo(ExportSettings.DEFAULTS.topSegments()).contains("1");
        assertThat(m.column("account_id")).doesNotContainAnyElementsOf(customers).doesNotHaveDuplicates();
        long listed = a.rows().stream().filter(r -> topRanks.contains(r.get("icp_rank")))
                .mapToLong(r -> Long.parseLong(r.get("prospects"))).sum();
        assertThat(m.rows()).hasSize((int) listed);
        assertThat(a.rows().stream().filter(r -> topRanks.contains(r.get("icp_rank"))))
                .allMatch(r -> r.get("small").equals("false"));
    }

    @Test
    void salesListsEveryProspectByExpectedValueWithTierAndReasons() throws IOException {
        CsvRows s = csv("sales_priority.csv");
        assertThat(s.header()).startsWith("rank", "account_id", "name", "domain").contains("score", "tier",
                "expected_value", "reason_1", "reason_2", "reason_3", "reason_against");
        assertThat(s.rows()).hasSize((int) (accounts - customers.size()));
        assertThat(s.column("account_id")).doesNotContainAnyElementsOf(customers).doesNotHaveDuplicates();
        double previous = Double.POSITIVE_INFINITY;
        for (Map<String, String> r : s.rows()) {
            double ev = Double.parseDouble(r.get("expected_value"));
            assertThat(ev).isLessThanOrEqualTo(previous);
            previous = ev;
            assertThat(r.get("tier")).isIn("A", "B", "C", "D");
        }
        List<Map<String, String>> top = s.rows().subList(0, 50);
        assertThat(top).allMatch(r -> r.get("tier").equals("A"));
        assertThat(top).allMatch(r -> r.get("reason_1").matches(".+ = .+ \\(\\+\\d+ pts\\)"));
        assertThat(s.rows().get(0).get("reason_1") + s.rows().get(0).get("reason_2")).contains("has_snowflake");
    }

    @Test
    void productViewShowsAdoptionByTierAndPersonaAndTheUseCasesTiedToIdeal() throws IOException {
        CsvRows p = csv("product_use_cases.csv");
        assertThat(new HashSet<>(p.column("view"))).containsExactlyInAnyOrder("all", "tier", "persona", "ideal");
        assertThat(p.rows()).allSatisfy(r -> {
            int n = Integer.parseInt(r.get("accounts"));
            assertThat(Integer.parseInt(r.get("adopters"))).isBetween(0, n);
        });
        double tierA = adoption(p, "tier", "A", "automation");
        double tierD = adoption(p, "tier", "D", "automation");
        assertThat(tierA).as("ICP customers automate more").isGreaterThan(tierD);
        List<Map<String, String>> ideal = p.rows().stream().filter(r -> r.get("view").equals("ideal")).toList();
        assertThat(ideal).hasSize(7);
        for (int i = 1; i < ideal.size(); i++) {
            assertThat(Double.parseDouble(ideal.get(i).get("iv")))
                    .isLessThanOrEqualTo(Double.parseDouble(ideal.get(i - 1).get("iv")));
        }
        assertThat(ideal.get(0).get("high_value")).as("a high-value use case is most tied to ideal").isEqualTo("true");
        assertThat(Double.parseDouble(ideal.get(0).get("lift"))).isGreaterThan(1);
    }

    private static double adoption(CsvRows p, String view, String group, String useCase) {
        return p.rows().stream().filter(r -> r.get("view").equals(view) && r.get("group").equals(group)
                && r.get("use_case").equals(useCase)).mapToDouble(r -> Double.parseDouble(r.get("adoption")))
                .findFirst().orElseThrow();
    }

    @Test
    void watchlistHoldsTierABCustomersWithAWarningSignThatMatchesItsNumbers() throws IOException {
        CsvRows w = csv("cs_watchlist.csv");
        assertThat(w.rows()).isNotEmpty();
        ExportSettings s = ExportSettings.DEFAULTS;
        for (Map<String, String> r : w.rows()) {
            assertThat(customers).contains(r.get("account_id"));
            assertThat(r.get("tier")).isIn("A", "B");
            assertThat(r.get("reasons")).isNotBlank();
            boolean falling = r.get("falling_usage").equals("true");
            boolean detractor = r.get("detractor_nps").equals("true");
            boolean rising = r.get("rising_tickets").equals("true");
            assertThat(falling || detractor || rising).isTrue();
            if (detractor) {
                assertThat(Integer.parseInt(r.get("nps"))).isLessThanOrEqualTo(s.detractorMax());
                assertThat(r.get("reasons")).contains("detractor NPS (" + r.get("nps") + ")");
            }
            if (falling && !r.get("reasons").contains("no product usage")) {
                assertThat(Double.parseDouble(r.get("usage_trend"))).isLessThan(s.usageTrendBelow());
            }
            if (rising) {
                long recent = Long.parseLong(r.get("tickets_recent"));
                assertThat(recent).isGreaterThanOrEqualTo(s.ticketsMin());
                assertThat(recent).isGreaterThanOrEqualTo((long) Math.ceil(s.ticketRise() * Long.parseLong(r.get("tickets_before"))));
            }
        }
        assertThat(w.column("reasons").stream().mapToInt(x -> x.split("; ").length).toArray()).isSortedAccordingTo(
                (x, y) -> Integer.compare(y, x));
    }
}
