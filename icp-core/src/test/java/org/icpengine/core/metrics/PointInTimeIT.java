package org.icpengine.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icpengine.core.metrics.MetricsWorkspace.T;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.icpengine.core.engine.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No row dated after T influences a metric as of T: compute, add later rows, recompute, compare. */
class PointInTimeIT {

    @TempDir
    Path dir;

    private static List<List<Object>> values(ResultTable t) {
        List<List<Object>> out = new ArrayList<>();
        t.rows().forEach(r -> out.add(Arrays.asList(r)));
        return out;
    }

    @Test
    void rowsDatedAfterTChangeNoValueAsOfT() {
        MetricsWorkspace ws = HandDataset.write(new MetricsWorkspace(dir)).ingest();
        MetricsRun before = ws.compute(T);
        List<List<Object>> atT = values(ws.table(T));

        HandDataset.later(ws).ingest();
        MetricsRun after = ws.compute(T);

        assertThat(values(ws.table(T))).isEqualTo(atT);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theLaterRowsDoCountAsOfALaterDate() {
        MetricsWorkspace ws = HandDataset.later(HandDataset.write(new MetricsWorkspace(dir))).ingest();
        LocalDate later = LocalDate.of(2026, 11, 30);

        ws.compute(later);
        Map<String, Map<String, Object>> rows = ws.rows(later);

        // so the test above compares data that is really there
        assertThat(rows).containsKeys("a11", "a13");
        assertThat(rows.get("a06").get("is_customer")).isEqualTo(true);
        assertThat(rows.get("a08").get("customer_since")).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(rows.get("a01").get("churned_at")).isNull();
        assertThat(rows.get("a01").get("mrr")).isEqualTo(275.0);
        assertThat(rows.get("a03").get("churned_at")).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(rows.get("a03").get("nps")).isEqualTo(10L);
        assertThat(rows.get("a05").get("nps")).isEqualTo(0L);
        assertThat(rows.get("a02").get("culture_fit")).isEqualTo(1L);
        assertThat(rows.get("a12").get("lost_opportunities")).isEqualTo(1L);
    }

    @Test
    void metricsOfAnEarlierDateAreKeptBesideThoseOfALaterOne() {
        MetricsWorkspace ws = HandDataset.write(new MetricsWorkspace(dir)).ingest();
        ws.compute(T);
        List<List<Object>> atT = values(ws.table(T));

        ws.compute(LocalDate.of(2025, 12, 31));
        ws.compute(T);

        assertThat(values(ws.table(T))).isEqualTo(atT);
        assertThat(ws.query("SELECT as_of, COUNT(*) AS n FROM account_metrics GROUP BY as_of ORDER BY as_of").rows())
                .extracting(r -> List.of(r[0], r[1]))
                .containsExactly(List.of(LocalDate.of(2025, 12, 31), 8L), List.of(T, 11L));
    }
}
