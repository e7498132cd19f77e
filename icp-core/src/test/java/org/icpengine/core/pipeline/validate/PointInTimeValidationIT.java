package org.icpengine.core.pipeline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.icpengine.core.demo.DemoGenerator;
import org.icpengine.core.demo.DemoSettings;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No row dated after a cut-off changes a feature: NPS answers, support tickets and usage events dated after every
 * cut-off (but on or before as_of) are ingested, and every model's training and test accounts, feature rows and
 * scores stay identical. The fit model is made to read two metrics (nps, tickets_per_month), so that its features
 * come from the point-in-time snapshots.
 */
class PointInTimeValidationIT {

    @TempDir
    Path dir;

    @Test
    void rowsDatedAfterTheCutOffsChangeNoFeatureAndNoScore() throws IOException {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(1500).withSeed(42)).generate(dir);
        Path yaml = dir.resolve("icp.yaml");
        String text = Files.readString(yaml);
        String withMetrics = text.replace("fit:        { attributes: [industry, employees, annual_revenue, country, tech_stack] }",
                "fit:        { attributes: [industry, employees, annual_revenue, country, tech_stack, nps, tickets_per_month] }");
        assertThat(withMetrics).isNotEqualTo(text);
        Files.writeString(yaml, withMetrics);
        Workspace ws = Workspace.open(dir);
        Ingestor.run(ws);
        LocalDate asOf = ws.config().asOf().orElseThrow();

        Map<String, Backtest.Fold> before;
        ValidationReport first;
        long detractorsBefore;
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            Backtest b = new Backtest(engine, ws.config(), asOf, 42);
            first = b.run();
            before = new LinkedHashMap<>(b.folds());
            detractorsBefore = detractors(engine, asOf);
        }
        assertThat(before).containsKeys("fit", "conversion", "health", "kickoff-workshop-2026");

        // every cut-off is on or before as_of − 12 months, except conversion's, whose attributes are firmographic
        LocalDate late = asOf.minusMonths(12).plusDays(15);
        List<String> ids = new ArrayList<>();
        before.get("fit").train().forEach(c -> ids.add(c.id()));
        before.get("fit").test().forEach(c -> ids.add(c.id()));
        before.get("health").test().forEach(c -> ids.add(c.id()));
        StringBuilder nps = new StringBuilder();
        StringBuilder tickets = new StringBuilder();
        StringBuilder usage = new StringBuilder();
        int n = 0;
        for (String id : ids) {
            nps.append(id).append(",late-").append(id).append(',').append(late).append("T10:00:00Z,0,added later\n");
            tickets.append("TCK-LATE-").append(n++).append(',').append(id).append(',').append(late.plusDays(5))
                    .append("T09:00:00Z,").append(late.plusDays(6)).append("T09:00:00Z,urgent,600\n");
            usage.append(id).append(',').append(id).append("-late,").append(late.plusDays(10))
                    .append("T12:00:00Z,report_view,5\n");
        }
        append(dir.resolve("data/nps_responses.csv"), nps);
        append(dir.resolve("data/support_tickets.csv"), tickets);
        append(dir.resolve("data/usage_events.csv"), usage);
        Ingestor.run(ws);

        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            Backtest b = new Backtest(engine, ws.config(), asOf, 42);
            ValidationReport second = b.run();
            // the new rows are real: today's metrics see them
            assertThat(detractors(engine, asOf)).isGreaterThan(detractorsBefore + 20);
            assertThat(b.folds().keySet()).containsExactlyElementsOf(before.keySet());
            for (Map.Entry<String, Backtest.Fold> e : before.entrySet()) {
                Backtest.Fold was = e.getValue();
                Backtest.Fold is = b.folds().get(e.getKey());
                assertSame(e.getKey() + " train", was.train(), is.train());
                assertSame(e.getKey() + " test", was.test(), is.test());
                assertThat(is.trainScores()).as(e.getKey()).containsExactly(was.trainScores());
                assertThat(is.testScores()).as(e.getKey()).containsExactly(was.testScores());
            }
            for (ValidationReport.ModelValidation m : first.models()) {
                ValidationReport.ModelValidation again = second.model(m.name()).orElseThrow();
                assertThat(again.auc()).isEqualTo(m.auc());
                assertThat(again.tiers()).isEqualTo(m.tiers());
            }
        }
    }

    private static void assertSame(String what, List<Case> was, List<Case> is) {
        assertThat(is).as(what).hasSameSizeAs(was);
        for (int i = 0; i < was.size(); i++) {
            assertThat(is.get(i).id()).as(what).isEqualTo(was.get(i).id());
            assertThat(is.get(i).label()).as(what).isEqualTo(was.get(i).label());
            assertThat(is.get(i).features()).as(what + " " + was.get(i).id()).containsExactly(was.get(i).features());
        }
    }

    private static long detractors(DuckDbEngine engine, LocalDate asOf) {
        return ((Number) engine.query(new SqlFragment("SELECT COUNT(*) FROM account_metrics WHERE as_of = ? AND nps = 0",
                List.of(asOf))).rows().get(0)[0]).longValue();
    }

    private static void append(Path file, CharSequence lines) throws IOException {
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
