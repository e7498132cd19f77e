package org.icpengine.core.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The ICP index arithmetic: 100 × Σ w·ratio / Σ w over the available metrics. */
class IndexScoreTest {

    private static Map<String, Double> weights(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return m;
    }

    private static double index(Map<String, Double> weights, Map<SegmentMetric, Double> segment,
                                Map<SegmentMetric, Double> population) {
        return IndexScore.index(weights, m -> segment.getOrDefault(m, Double.NaN),
                m -> population.getOrDefault(m, Double.NaN));
    }

    private static Map<SegmentMetric, Double> values(Object... pairs) {
        Map<SegmentMetric, Double> m = new EnumMap<>(SegmentMetric.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((SegmentMetric) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    void weighsTheRatiosOfSegmentToPopulation() {
        // win rate 0.6 vs 0.4 (1.5), retention 0.9 vs 0.75 (1.2); weights 1 and 3
        double i = index(weights("win_rate", 1, "retained_12m", 3),
                values(SegmentMetric.WIN_RATE, 0.6, SegmentMetric.RETAINED_12M, 0.9),
                values(SegmentMetric.WIN_RATE, 0.4, SegmentMetric.RETAINED_12M, 0.75));

        assertThat(i).isCloseTo(100 * (1 * 1.5 + 3 * 1.2) / 4, within(1e-9));
    }

    @Test
    void lowerIsBetterMetricsAreInverted() {
        // CAC 2000 vs population 3000 is better: 3000/2000 = 1.5; tickets 2 vs 1 is worse: 0.5
        double i = index(weights("cac", 1, "tickets_per_month", 1),
                values(SegmentMetric.CAC, 2000, SegmentMetric.TICKETS_PER_MONTH, 2),
                values(SegmentMetric.CAC, 3000, SegmentMetric.TICKETS_PER_MONTH, 1));

        assertThat(i).isCloseTo(100, within(1e-9));
        assertThat(IndexScore.ratio(SegmentMetric.SALES_CYCLE_DAYS, 30, 60)).isEqualTo(2);
    }

    @Test
    void npsIsShiftedBeforeTheRatio() {
        // (20 + 100) / (-20 + 100) = 1.5
        assertThat(IndexScore.ratio(SegmentMetric.NPS, 20, -20)).isCloseTo(1.5, within(1e-12));
        assertThat(IndexScore.ratio(SegmentMetric.NPS, -100, 0)).isEqualTo(0);
        assertThat(IndexScore.ratio(SegmentMetric.NPS, 0, -100)).as("population at -100: no ratio").isNaN();
    }

    @Test
    void ratiosAreClippedToZeroAndTheMaximum() {
        assertThat(IndexScore.MAX_RATIO).isEqualTo(3);
        assertThat(IndexScore.ratio(SegmentMetric.LTV_CAC, 50, 2)).isEqualTo(3);
        assertThat(IndexScore.ratio(SegmentMetric.LTV_CAC, 5, 2)).isEqualTo(2.5);
        assertThat(IndexScore.ratio(SegmentMetric.CAC, 0, 2000)).isEqualTo(IndexScore.MAX_RATIO);
        assertThat(IndexScore.ratio(SegmentMetric.EXPANSION_MRR_12M, -10, 20)).isEqualTo(0);
        assertThat(IndexScore.ratio(SegmentMetric.EXPANSION_MRR_12M, 10, -20)).as("population not positive").isNaN();
        assertThat(IndexScore.ratio(SegmentMetric.EXPANSION_MRR_12M, 10, 0)).isNaN();
    }

    @Test
    void missingMetricsAndZeroWeightsAreSkipped() {
        Map<String, Double> w = weights("win_rate", 1, "nrr_12m", 1, "ltv", 0, "no_such_metric", 5);
        double i = index(w, values(SegmentMetric.WIN_RATE, 0.5, SegmentMetric.LTV, 1e9),
                values(SegmentMetric.WIN_RATE, 0.25, SegmentMetric.NRR_12M, 1.0, SegmentMetric.LTV, 1));

        assertThat(i).isCloseTo(200, within(1e-9));
    }

    @Test
    void noAvailableMetricGivesNan() {
        assertThat(index(weights("win_rate", 1), values(), values(SegmentMetric.WIN_RATE, 0.3))).isNaN();
        assertThat(index(weights(), values(SegmentMetric.WIN_RATE, 0.3), values(SegmentMetric.WIN_RATE, 0.3))).isNaN();
    }

    @Test
    void thePopulationScoresOneHundred() {
        Map<SegmentMetric, Double> p = values(SegmentMetric.WIN_RATE, 0.3, SegmentMetric.CAC, 4000, SegmentMetric.NPS, -12);

        assertThat(index(weights("win_rate", 1, "cac", 2, "nps", 0.5), p, p)).isCloseTo(100, within(1e-12));
    }
}
