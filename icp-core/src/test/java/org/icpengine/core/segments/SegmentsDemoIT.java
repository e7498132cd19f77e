package org.icpengine.core.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.icpengine.core.demo.DemoGenerator;
import org.icpengine.core.demo.DemoSettings;
import org.icpengine.core.demo.PlantedIcp;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The check on the demo company: generated, ingested, account metrics computed by
 * {@link AccountMetrics}, then segmented by industry, employee band and Snowflake use (the demo's
 * {@code tech_stack_flags} include snowflake). The planted ICP (Fintech or SaaS, 51–200 employees, uses
 * Snowflake) is two of these segments; they must rank first and second on the ICP index, ahead of every
 * small segment.
 */
class SegmentsDemoIT {

    @TempDir
    Path dir;

    static boolean planted(Segment s) {
        PlantedIcp p = PlantedIcp.DEFAULT;
        return p.industries().contains(s.value("industry")) && p.employeesBand().equals(s.value("employees_band"))
                && Boolean.TRUE.equals(s.value("has_snowflake"));
    }

    private SegmentTable demo(int accounts, long seed) {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(accounts).withSeed(seed)).generate(dir);
        Workspace ws = Workspace.open(dir);
        assertThat(ws.config().techStackFlags()).contains("snowflake");
        Ingestor.run(ws);
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            AccountMetrics.on(engine, ws.config()).compute(ws.config().asOf().orElseThrow());
            return Segments.compute(engine, ws.config(), SegmentQuery.by("industry", "employees_band", "has_snowflake"));
        }
    }

    @ParameterizedTest(name = "{0} accounts, seed {1}")
    @CsvSource({"5000, 42", "2000, 7"})
    void thePlantedSegmentsRankFirstOnTheIcpIndex(int accounts, long seed) {
        SegmentTable table = demo(accounts, seed);

        List<Segment> top = table.segments().subList(0, 2);
        assertThat(top).allSatisfy(s -> assertThat(planted(s)).as("%s ranks in the top two", s.label()).isTrue());
        assertThat(top).extracting(Segment::icpRank).containsExactly(1, 2);
        Segment population = table.population();
        for (Segment s : top) {
            assertThat(s.small()).isFalse();
            assertThat(s.icpIndex()).isGreaterThan(150);
            assertThat(s.ltvSource()).isIn(LtvSource.SEGMENT, LtvSource.SEGMENT_CONSTANT_CHURN);
            for (SegmentMetric m : List.of(SegmentMetric.WIN_RATE, SegmentMetric.RETAINED_12M, SegmentMetric.NRR_12M,
                    SegmentMetric.LTV_CAC, SegmentMetric.NPS)) {
                assertThat(s.metric(m).shrunk()).as("%s %s", s.label(), m.metricName())
                        .isGreaterThan(population.metric(m).value());
                assertThat(s.metric(m).shrunk()).isBetween(Math.min(s.metric(m).value(), population.metric(m).value()),
                        Math.max(s.metric(m).value(), population.metric(m).value()));
            }
        }
        // the best segment that is not planted is well behind
        assertThat(table.segments().get(2).icpIndex()).isLessThan(top.get(1).icpIndex() - 20);
        assertThat(table.segments().stream().mapToLong(Segment::accounts).sum()).isEqualTo(accounts);
    }
}
