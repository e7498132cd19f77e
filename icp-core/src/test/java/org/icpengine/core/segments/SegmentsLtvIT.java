package org.icpengine.core.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.icpengine.stats.ltv.SbgModel;
import org.icpengine.stats.ltv.SbgTrainer;
import org.junit.jupiter.api.Test;

/** Segment-level LTV: sBG per segment with censoring, the whole base as fallback, and what was used. */
class SegmentsLtvIT {

    static final String YAML = """
            as_of: 2026-06-30
            economics: { gross_margin: 0.8, annual_discount_rate: 0.1, cac_window_months: 3 }
            ltv: { segment_by: [industry], min_customers: 20 }
            icp_index: { weights: { ltv: 1, ltv_cac: 1 }, min_size: 5 }
            """;

    static final double MONTHLY = Math.pow(1.1, 1 / 12.0) - 1;

    /** Tenures and churn flags of every customer added, for the expected whole-base fit. */
    final List<Integer> tenures = new ArrayList<>();
    final List<Boolean> churned = new ArrayList<>();
    int next;

    void customer(MetricsTable t, String industry, int months, boolean gone, double mrr) {
        t.customer("c" + next++, industry, mrr).set("tenure_months", (double) months)
                .set("churned_at", gone ? MetricsTable.AS_OF.minusDays(1) : null).set("is_active", !gone)
                .set("mrr", gone ? null : mrr).set("cac", 1000.0).add();
        tenures.add(months);
        churned.add(gone);
    }

    /** Fader &amp; Hardie (2007) "regular" cohort scaled to 100 customers: alive after 0..7 months. */
    void regularCohort(MetricsTable t, String industry, double mrr) {
        long[] alive = {100, 63, 47, 38, 33, 29, 26, 24};
        for (int m = 1; m < alive.length; m++) {
            for (long i = 0; i < alive[m - 1] - alive[m]; i++) {
                customer(t, industry, m, true, mrr);
            }
        }
        for (int i = 0; i < 24; i++) {
            customer(t, industry, 7, false, mrr);
        }
    }

    SbgModel baseFit() {
        int[] ten = tenures.stream().mapToInt(Integer::intValue).toArray();
        boolean[] ch = new boolean[churned.size()];
        for (int i = 0; i < ch.length; i++) {
            ch[i] = churned.get(i);
        }
        return new SbgTrainer().fitIndividual(ten, ch);
    }

    @Test
    void largeSegmentsFitTheirOwnModelSmallOnesUseTheWholeBase() {
        try (MetricsTable t = MetricsTable.create(YAML)) {
            regularCohort(t, "SaaS", 100);
            customer(t, "Retail", 1, true, 200);
            customer(t, "Retail", 2, true, 200);
            customer(t, "Retail", 3, false, 200);
            customer(t, "Retail", 5, false, 200);
            customer(t, "Retail", 8, false, 200);

            SegmentTable table = t.segments(SegmentQuery.by("industry"));
            Segment saas = SegmentsIT.byIndustry(table, "SaaS");
            Segment retail = SegmentsIT.byIndustry(table, "Retail");

            SbgModel own = new SbgTrainer().fitCounts(new long[] {100, 63, 47, 38, 33, 29, 26, 24});
            assertThat(saas.ltvSource()).isEqualTo(LtvSource.SEGMENT);
            assertThat(saas.metric(SegmentMetric.LTV).value())
                    .isCloseTo(0.8 * 100 * own.discountedExpectedLifetime(MONTHLY), within(1e-6));
            assertThat(saas.metric(SegmentMetric.LTV).n()).isEqualTo(100);
            assertThat(saas.metric(SegmentMetric.LTV_CAC).value())
                    .isCloseTo(saas.metric(SegmentMetric.LTV).value() / 1000, within(1e-9));

            SbgModel base = baseFit();
            assertThat(retail.ltvSource()).isEqualTo(LtvSource.BASE);
            assertThat(retail.metric(SegmentMetric.LTV).value())
                    .isCloseTo(0.8 * 200 * base.discountedExpectedLifetime(MONTHLY), within(1e-6));
            assertThat(retail.metric(SegmentMetric.LTV).n()).isEqualTo(105);

            double popArpa = (24 * 100 + 3 * 200) / 27.0;
            assertThat(table.population().ltvSource()).isEqualTo(LtvSource.BASE);
            assertThat(table.population().metric(SegmentMetric.ARPA).value()).isCloseTo(popArpa, within(1e-9));
            assertThat(table.population().metric(SegmentMetric.LTV).value())
                    .isCloseTo(0.8 * popArpa * base.discountedExpectedLifetime(MONTHLY), within(1e-6));
            assertThat(table.notes()).anySatisfy(n -> assertThat(n).startsWith(
                    "ltv: of 2 segments, 1 an sBG model fitted on their own customers; 1 the whole base's model (fewer "
                            + "than 20 customers, or no churn): sBG alpha = "));
        }
    }

    @Test
    void theShrunkLtvUsesTheShrunkArpa() {
        try (MetricsTable t = MetricsTable.create(YAML)) {
            regularCohort(t, "SaaS", 100);
            customer(t, "Retail", 1, true, 200);
            customer(t, "Retail", 3, false, 150);
            customer(t, "Retail", 5, false, 250);

            SegmentTable table = t.segments(SegmentQuery.by("industry"));
            Segment retail = SegmentsIT.byIndustry(table, "Retail");
            Estimate arpa = retail.metric(SegmentMetric.ARPA);
            Estimate ltv = retail.metric(SegmentMetric.LTV);

            assertThat(arpa.shrunk()).isLessThan(arpa.value());
            assertThat(ltv.shrunk() / ltv.value()).isCloseTo(arpa.shrunk() / arpa.value(), within(1e-12));
            assertThat(ltv.hasInterval()).isFalse();
        }
    }

    @Test
    void aLargeSegmentThatCannotIdentifyTheModelFallsBackAndSaysWhy() {
        try (MetricsTable t = MetricsTable.create(YAML)) {
            regularCohort(t, "SaaS", 100);
            for (int i = 0; i < 25; i++) {
                customer(t, "Fintech", 6, false, 300);
            }

            SegmentTable table = t.segments(SegmentQuery.by("industry"));

            Segment fintech = SegmentsIT.byIndustry(table, "Fintech");
            assertThat(fintech.ltvSource()).isEqualTo(LtvSource.BASE);
            assertThat(fintech.metric(SegmentMetric.LTV).value())
                    .isCloseTo(0.8 * 300 * baseFit().discountedExpectedLifetime(MONTHLY), within(1e-6));
            assertThat(table.notes()).contains("ltv: segment industry = Fintech: sBG: none of the 25 customers churned, "
                    + "so the churn distribution cannot be estimated; the whole base's model is used");
        }
    }

    @Test
    void theFallbackModelIsTheWholeBaseEvenUnderAFilter() {
        try (MetricsTable t = MetricsTable.create(YAML)) {
            regularCohort(t, "SaaS", 100);
            customer(t, "Retail", 1, true, 200);
            customer(t, "Retail", 4, false, 200);

            double unfiltered = SegmentsIT.byIndustry(t.segments(SegmentQuery.by("industry")), "Retail")
                    .metric(SegmentMetric.LTV).value();
            SegmentTable filtered = t.segments(SegmentQuery.by("industry").where("industry = 'Retail'"));

            assertThat(filtered.segments().get(0).metric(SegmentMetric.LTV).value()).isCloseTo(unfiltered, within(1e-9));
            assertThat(filtered.population().ltvSource()).as("2 customers pass the filter").isEqualTo(LtvSource.BASE);
        }
    }

    @Test
    void constantRetentionUsesTheSegmentsOwnChurnRateAndTheBasesForSmallSegments() {
        try (MetricsTable t = MetricsTable.create(YAML)) {
            // half of the customers left each month: 64 -> 32 -> 16 -> 8 -> 4, retention does not rise
            long[] alive = {64, 32, 16, 8, 4};
            for (int m = 1; m < alive.length; m++) {
                for (long i = 0; i < alive[m - 1] - alive[m]; i++) {
                    customer(t, "SaaS", m, true, 100);
                }
            }
            for (int i = 0; i < 4; i++) {
                customer(t, "SaaS", 4, false, 100);
            }
            customer(t, "Retail", 1, true, 300);
            customer(t, "Retail", 1, false, 300);

            SegmentTable table = t.segments(SegmentQuery.by("industry"));

            // SaaS: 60 churned in 32·1 + 16·2 + 8·3 + 4·4 + 4·4 = 120 customer-months
            Segment saas = SegmentsIT.byIndustry(table, "SaaS");
            assertThat(saas.ltvSource()).isEqualTo(LtvSource.SEGMENT_CONSTANT_CHURN);
            assertThat(saas.metric(SegmentMetric.LTV).value())
                    .isCloseTo(0.8 * 100 * (1 + MONTHLY) / (MONTHLY + 60.0 / 120), within(1e-9));
            // Retail (2 customers) uses the whole base: 61 churned in 122 customer-months
            Segment retail = SegmentsIT.byIndustry(table, "Retail");
            assertThat(retail.ltvSource()).isEqualTo(LtvSource.BASE_CONSTANT_CHURN);
            assertThat(retail.metric(SegmentMetric.LTV).value())
                    .isCloseTo(0.8 * 300 * (1 + MONTHLY) / (MONTHLY + 61.0 / 122), within(1e-9));
            assertThat(table.notes()).anySatisfy(n -> assertThat(n)
                    .startsWith("ltv: the whole customer base cannot identify the sBG model (sBG: ").endsWith("its constant churn of 0.5000 per month is used instead"));
            assertThat(table.notes()).anySatisfy(n -> assertThat(n).startsWith("ltv: segment industry = SaaS: sBG: the "
                    + "retention rate does not rise with tenure").endsWith("; its own constant churn 0.5000 per month on "
                    + "64 customers is used"));
            assertThat(table.notes()).contains("ltv: of 2 segments, 1 their own constant churn rate (sBG not "
                    + "identifiable); 1 the whole base's model (fewer than 20 customers, or no churn): constant churn "
                    + "0.5000 per month on 66 customers");
        }
    }

    @Test
    void noChurnAnywhereMeansNoLtv() {
        try (MetricsTable t = MetricsTable.create(YAML)) {
            for (int i = 0; i < 10; i++) {
                customer(t, "SaaS", 3 + i, false, 100);
            }

            SegmentTable table = t.segments(SegmentQuery.by("industry"));

            Segment saas = table.segments().get(0);
            assertThat(saas.ltvSource()).isEqualTo(LtvSource.NONE);
            assertThat(saas.metric(SegmentMetric.LTV)).isEqualTo(Estimate.NONE);
            assertThat(saas.metric(SegmentMetric.LTV_CAC)).isEqualTo(Estimate.NONE);
            assertThat(saas.icpIndex()).as("both weighted metrics missing").isNaN();
            assertThat(table.notes()).anySatisfy(n -> assertThat(n).startsWith("ltv: no customer has churned"));
        }
    }
}
