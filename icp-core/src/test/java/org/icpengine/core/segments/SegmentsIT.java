package org.icpengine.core.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.icpengine.core.expr.ExpressionException;
import org.icpengine.errors.InputException;
import org.icpengine.stats.eval.BetaBinomial;
import org.icpengine.stats.eval.BetaBinomialPrior;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Segments over a hand-made {@code account_metrics} table in real DuckDB: every value below is worked out by
 * hand from the rows of {@link #fill}.
 */
class SegmentsIT {

    static final String YAML = """
            as_of: 2026-06-30
            sources:
              accounts:
                path: data/accounts.csv
                attributes:
                  funding_stage: { column: funding_stage, type: category }
                  partner: { column: partner, type: boolean }
                  seats: { column: seats, type: number }
            tech_stack_flags: [snowflake, hubspot]
            icp_index:
              weights: { win_rate: 1, conversion: 1 }
              min_size: 5
            """;

    /** z for 95%, and Student t quantiles t(0.975; df) for df = 2, 3, 5. */
    static final double Z = 1.959963984540054;
    static final double T2 = 4.302652729911275;
    static final double T3 = 3.182446305284263;
    static final double T5 = 2.570581835636314;
    static final double EPS = 1e-9;

    MetricsTable t;

    @BeforeEach
    void setUp() {
        t = MetricsTable.create(YAML);
        fill(t);
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    /**
     * SaaS: 10 accounts, 6 customers. Retail: 10 accounts, 2 customers. Fintech: 2 accounts, both customers
     * (a small segment). One account without industry.
     */
    static void fill(MetricsTable t) {
        // SaaS: conversion 8/10; won/lost (3,0) (1,2) (2,0) -> pooled 6/8; retained 4 of 5 known
        t.customer("s1", "SaaS", 150).won(3, 0).mrr(100, 150.0).set("retained_12m", true).set("nps", 10L)
                .set("cac", 1000.0).set("culture_fit", 5L).set("tickets_per_month", 1.0).set("has_snowflake", true)
                .set("funding_stage", "Series A").add();
        t.customer("s2", "SaaS", 180).won(1, 2).mrr(200, 180.0).set("retained_12m", true).set("nps", 9L)
                .set("cac", 2000.0).set("culture_fit", 4L).set("tickets_per_month", 2.0).set("has_snowflake", true)
                .set("funding_stage", "Series A").add();
        t.customer("s3", "SaaS", 50).won(2, 0).set("retained_12m", true).set("nps", 8L).set("cac", 3000.0)
                .set("tickets_per_month", 3.0).set("has_snowflake", true).set("funding_stage", "Seed").add();
        t.customer("s4", "SaaS", 120).won(0, 0).set("retained_12m", true).set("nps", 3L).set("cac", 1000.0)
                .set("tickets_per_month", 0.0).set("has_snowflake", false).add();
        t.customer("s5", "SaaS", 0).set("is_active", false).set("mrr", null).mrr(100, null).won(0, 0)
                .set("retained_12m", false).set("cac", 2000.0).set("tickets_per_month", 1.0).add();
        t.customer("s6", "SaaS", 80).won(0, 0).set("cac", 3000.0).set("tickets_per_month", 1.0).add();
        t.prospect("s7", "SaaS").set("conversion", true).add();
        t.prospect("s8", "SaaS").set("conversion", true).add();
        t.prospect("s9", "SaaS").add();
        t.prospect("s10", "SaaS").add();
        // Retail: conversion 3/10; won/lost (1,3) (0,2) (1,1) -> 2/8; retained 1 of 2; NRR 90/200
        t.customer("r1", "Retail", 0).set("is_active", false).won(1, 3).mrr(100, null).set("retained_12m", false)
                .set("nps", 2L).set("cac", 5000.0).add();
        t.prospect("r2", "Retail").won(0, 2).add();
        t.customer("r3", "Retail", 90).won(1, 1).mrr(100, 90.0).set("retained_12m", true).set("nps", 7L)
                .set("cac", 7000.0).add();
        for (int i = 4; i <= 10; i++) {
            t.prospect("r" + i, "Retail").add();
        }
        // Fintech: 2 accounts, both won their only deal
        t.customer("f1", "Fintech", 300).won(1, 0).set("cac", 1500.0).add();
        t.customer("f2", "Fintech", 500).won(1, 0).set("cac", 2500.0).add();
        // no industry
        t.prospect("n1", null).add();
    }

    static Segment segment(SegmentTable table, Object... values) {
        return table.segments().stream().filter(s -> Arrays.asList(values).equals(new ArrayList<>(s.key().values())))
                .findFirst().orElseThrow(() -> new AssertionError("no segment " + Arrays.asList(values)));
    }

    static Segment byIndustry(SegmentTable table, String industry) {
        return table.segments().stream().filter(s -> java.util.Objects.equals(s.value("industry"), industry))
                .findFirst().orElseThrow(() -> new AssertionError("no segment " + industry));
    }

    @Test
    void countsAccountsAndCustomersPerSegmentIncludingAMissingValue() {
        SegmentTable table = t.segments(SegmentQuery.by("industry"));

        assertThat(table.asOf()).isEqualTo(MetricsTable.AS_OF);
        assertThat(table.dimensions()).containsExactly("industry");
        assertThat(table.segments()).hasSize(4);
        assertThat(byIndustry(table, "SaaS").accounts()).isEqualTo(10);
        assertThat(byIndustry(table, "SaaS").customers()).isEqualTo(6);
        assertThat(byIndustry(table, "Retail").customers()).isEqualTo(2);
        assertThat(byIndustry(table, null).accounts()).isEqualTo(1);
        assertThat(byIndustry(table, null).label()).isEqualTo("(none)");
        assertThat(table.population().accounts()).isEqualTo(23);
        assertThat(table.population().customers()).isEqualTo(10);
        assertThat(table.population().key()).isEmpty();
    }

    @Test
    void conversionCarriesTheWilsonIntervalWorkedOutByHand() {
        Estimate saas = byIndustry(t.segments(SegmentQuery.by("industry")), "SaaS").metric(SegmentMetric.CONVERSION);

        // (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n) with p = 0.8, n = 10
        double n = 10;
        double p = 0.8;
        double d = 1 + Z * Z / n;
        double center = (p + Z * Z / (2 * n)) / d;
        double half = Z / d * Math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n));
        assertThat(saas.value()).isEqualTo(0.8);
        assertThat(saas.n()).isEqualTo(10);
        assertThat(saas.lower()).isCloseTo(center - half, within(EPS)).isCloseTo(0.49016, within(1e-5));
        assertThat(saas.upper()).isCloseTo(center + half, within(EPS)).isCloseTo(0.94332, within(1e-5));
    }

    @Test
    void aRateOfOneHasUpperBoundOneAndALowerBoundAboveZero() {
        Estimate fintech = byIndustry(t.segments(SegmentQuery.by("industry")), "Fintech").metric(SegmentMetric.WIN_RATE);

        assertThat(fintech.value()).isEqualTo(1.0);
        assertThat(fintech.upper()).isEqualTo(1.0);
        // n = 2, p = 1: (1 + z²/4 - z sqrt(z²/16)) / (1 + z²/2) = 1 / (1 + z²/2)
        assertThat(fintech.lower()).isCloseTo(1 / (1 + Z * Z / 2), within(EPS));
    }

    @Test
    void winRateIsPooledOverOpportunitiesNotAveragedOverAccounts() {
        SegmentTable table = t.segments(SegmentQuery.by("industry"));

        // SaaS: (3 + 1 + 2) won / (3 + 3 + 2) closed = 0.75; the mean of account win rates would be 0.78
        Estimate saas = byIndustry(table, "SaaS").metric(SegmentMetric.WIN_RATE);
        assertThat(saas.value()).isEqualTo(0.75);
        assertThat(saas.n()).isEqualTo(8);
        assertThat(saas.lower()).isCloseTo(0.409275, within(1e-6));
        assertThat(byIndustry(table, "Retail").metric(SegmentMetric.WIN_RATE).value()).isEqualTo(0.25);
        // no closed deal: no value, and the shrunk value is the prior mean (expected to be average)
        Estimate none = byIndustry(table, null).metric(SegmentMetric.WIN_RATE);
        assertThat(none.present()).isFalse();
        assertThat(none.n()).isZero();
        assertThat(none.shrunk()).isCloseTo(BetaBinomial.fit(new long[] {6, 2, 2, 0}, new long[] {8, 8, 2, 0}).mean(),
                within(1e-12));
        assertThat(table.population().metric(SegmentMetric.WIN_RATE).value()).isEqualTo(10.0 / 18);
    }

    @Test
    void retentionCountsOnlyCustomersWithAKnownOutcome() {
        SegmentTable table = t.segments(SegmentQuery.by("industry"));

        assertThat(byIndustry(table, "SaaS").metric(SegmentMetric.RETAINED_12M).value()).isEqualTo(0.8);
        assertThat(byIndustry(table, "SaaS").metric(SegmentMetric.RETAINED_12M).n()).isEqualTo(5);
        assertThat(byIndustry(table, "Fintech").metric(SegmentMetric.RETAINED_12M).present()).isFalse();
        assertThat(table.population().metric(SegmentMetric.RETAINED_12M).value()).isEqualTo(5.0 / 7);
    }

    @Test
    void nrrIsTheAggregateRatioWithTheRatioEstimatorInterval() {
        SegmentTable table = t.segments(SegmentQuery.by("industry"));
        Estimate saas = byIndustry(table, "SaaS").metric(SegmentMetric.NRR_12M);

        // (150 + 180 + 0) / (100 + 200 + 100) = 0.825; the mean of account ratios would be 0.8
        assertThat(saas.value()).isCloseTo(0.825, within(EPS));
        assertThat(saas.n()).isEqualTo(3);
        // residuals y - R x: 67.5, 15, -82.5; s_d² = 11587.5 / 2; x̄ = 400 / 3
        double sd = Math.sqrt(11587.5 / 2) / (400.0 / 3);
        assertThat(saas.upper()).isCloseTo(0.825 + T2 * sd / Math.sqrt(3), within(1e-9)).isCloseTo(2.24313, within(1e-5));
        assertThat(saas.lower()).as("clipped at 0").isEqualTo(0.0);
        assertThat(byIndustry(table, "Retail").metric(SegmentMetric.NRR_12M).value()).isCloseTo(0.45, within(EPS));
        assertThat(table.population().metric(SegmentMetric.NRR_12M).value()).isCloseTo(420.0 / 600, within(EPS));
    }

    @Test
    void npsIsPromotersMinusDetractorsWithAClippedInterval() {
        SegmentTable table = t.segments(SegmentQuery.by("industry"));
        Estimate saas = byIndustry(table, "SaaS").metric(SegmentMetric.NPS);

        // answers 10, 9, 8, 3: 50% promoters - 25% detractors
        assertThat(saas.value()).isCloseTo(25, within(EPS));
        assertThat(saas.n()).isEqualTo(4);
        // scores +100, +100, 0, -100: sd = sqrt(27500 / 3); the t interval [-127, 177] is clipped
        assertThat(25 - T3 * Math.sqrt(27500.0 / 3) / 2).isLessThan(-100);
        assertThat(saas.lower()).isEqualTo(-100);
        assertThat(saas.upper()).isEqualTo(100);
        // Retail: 2 and 7 -> 0% promoters - 50% detractors
        assertThat(byIndustry(table, "Retail").metric(SegmentMetric.NPS).value()).isCloseTo(-50, within(EPS));
        // all six answers: 2 promoters, 2 detractors
        assertThat(table.population().metric(SegmentMetric.NPS).value()).isCloseTo(0, within(EPS));
    }

    @Test
    void meansCarryTheTIntervalFromCountMeanAndSd() {
        SegmentTable table = t.segments(SegmentQuery.by("industry"));
        Estimate cac = byIndustry(table, "SaaS").metric(SegmentMetric.CAC);

        // 1000, 2000, 3000, 1000, 2000, 3000: mean 2000, sd sqrt(800000)
        assertThat(cac.value()).isCloseTo(2000, within(EPS));
        assertThat(cac.n()).isEqualTo(6);
        assertThat(cac.lower()).isCloseTo(2000 - T5 * Math.sqrt(800_000) / Math.sqrt(6), within(1e-6));
        assertThat(cac.upper()).isCloseTo(2938.6438, within(1e-4));
        Segment saas = byIndustry(table, "SaaS");
        assertThat(saas.metric(SegmentMetric.CULTURE_FIT).value()).isCloseTo(4.5, within(EPS));
        assertThat(saas.metric(SegmentMetric.TICKETS_PER_MONTH).value()).isCloseTo(8.0 / 6, within(EPS));
        // ARPA over active customers paying: 150, 180, 50, 120, 80 (s5 churned)
        assertThat(saas.metric(SegmentMetric.ARPA).value()).isCloseTo(116, within(EPS));
        assertThat(saas.metric(SegmentMetric.ARPA).n()).isEqualTo(5);
    }

    @Test
    void aMeanOfOneValueHasNoInterval() {
        SegmentTable table = t.segments(SegmentQuery.by("industry"));
        Estimate retailArpa = byIndustry(table, "Retail").metric(SegmentMetric.ARPA);

        assertThat(retailArpa.value()).isEqualTo(90);
        assertThat(retailArpa.n()).isEqualTo(1);
        assertThat(retailArpa.hasInterval()).isFalse();
    }

    @Test
    void ratesAreShrunkByTheBetaBinomialPriorFittedAcrossTheSegments() {
        SegmentTable table = t.segments(SegmentQuery.by("industry"));

        // conversion per segment: SaaS 8/10, Retail 3/10, Fintech 2/2, none 0/1 (order of the query does not matter)
        BetaBinomialPrior prior = BetaBinomial.fit(new long[] {8, 3, 2, 0}, new long[] {10, 10, 2, 1});
        for (String industry : new String[] {"SaaS", "Retail", "Fintech", null}) {
            Estimate e = byIndustry(table, industry).metric(SegmentMetric.CONVERSION);
            long k = Math.round(e.value() * e.n());
            assertThat(e.shrunk()).as(industry).isCloseTo(prior.shrink(k, e.n()), within(1e-12));
            assertThat(Math.abs(e.shrunk() - prior.mean())).as("%s moves towards the prior mean", industry)
                    .isLessThan(Math.abs(e.value() - prior.mean()));
        }
        // the small segment moves further than the large one
        Estimate fintech = byIndustry(table, "Fintech").metric(SegmentMetric.CONVERSION);
        Estimate saas = byIndustry(table, "SaaS").metric(SegmentMetric.CONVERSION);
        assertThat(fintech.value() - fintech.shrunk()).isGreaterThan(saas.value() - saas.shrunk());
        assertThat(fintech.shrunk()).isLessThan(1).isGreaterThan(prior.mean());
        // the population is not shrunk
        Estimate all = table.population().metric(SegmentMetric.CONVERSION);
        assertThat(all.shrunk()).isEqualTo(all.value()).isEqualTo(13.0 / 23);
    }

    @Test
    void meansAreShrunkTowardsThePopulationValue() {
        SegmentTable table = t.segments(SegmentQuery.by("industry"));
        double population = table.population().metric(SegmentMetric.CAC).value();

        assertThat(population).isCloseTo((12000.0 + 12000 + 4000) / 10, within(EPS));
        for (Segment s : List.of(byIndustry(table, "SaaS"), byIndustry(table, "Retail"), byIndustry(table, "Fintech"))) {
            Estimate cac = s.metric(SegmentMetric.CAC);
            assertThat(cac.shrunk()).as(s.label()).isBetween(Math.min(cac.value(), population),
                    Math.max(cac.value(), population));
        }
    }

    @Test
    void aSingleSegmentIsNotShrunkAndSaysSo() {
        SegmentTable table = t.segments(SegmentQuery.by("industry").where("industry = 'SaaS'"));

        assertThat(table.segments()).hasSize(1);
        Estimate conv = table.segments().get(0).metric(SegmentMetric.CONVERSION);
        assertThat(conv.shrunk()).isEqualTo(conv.value()).isEqualTo(0.8);
        assertThat(table.notes()).anySatisfy(n -> assertThat(n).startsWith("conversion: shrunk values are the raw rates"));
        assertThat(table.notes()).anySatisfy(n -> assertThat(n).startsWith("cac: shrunk values are the raw values"));
    }

    @Test
    void segmentsBelowTheMinimumSizeAreFlaggedNotHidden() {
        SegmentTable configured = t.segments(SegmentQuery.by("industry"));
        SegmentTable overridden = t.segments(SegmentQuery.by("industry").minSize(11));

        assertThat(configured.minSize()).isEqualTo(5);
        assertThat(byIndustry(configured, "Fintech").small()).isTrue();
        assertThat(byIndustry(configured, null).small()).isTrue();
        assertThat(byIndustry(configured, "SaaS").small()).isFalse();
        assertThat(configured.smallSegments()).isEqualTo(2);
        assertThat(overridden.minSize()).isEqualTo(11);
        assertThat(overridden.segments()).hasSize(4).allSatisfy(s -> assertThat(s.small()).isTrue());
    }

    @Test
    void icpIndexIsTheWeightedRatioOfShrunkValuesToThePopulation() {
        SegmentTable table = t.segments(SegmentQuery.by("industry"));
        double win = 10.0 / 18;
        double conversion = 13.0 / 23;

        for (String industry : new String[] {"SaaS", "Retail", "Fintech"}) {
            Segment s = byIndustry(table, industry);
            double expected = 100 * (s.metric(SegmentMetric.WIN_RATE).shrunk() / win
                    + s.metric(SegmentMetric.CONVERSION).shrunk() / conversion) / 2;
            assertThat(s.icpIndex()).as(industry).isCloseTo(expected, within(1e-9));
        }
        // no closed deal: win_rate counts at its prior mean
        Segment none = byIndustry(table, null);
        double priorWin = BetaBinomial.fit(new long[] {6, 2, 2, 0}, new long[] {8, 8, 2, 0}).mean();
        assertThat(none.icpIndex()).isCloseTo(100 * (priorWin / win + none.metric(SegmentMetric.CONVERSION).shrunk()
                / conversion) / 2, within(1e-9));
        assertThat(table.population().icpIndex()).isCloseTo(100, within(1e-9));
        assertThat(table.weights()).isEqualTo(Map.of("win_rate", 1.0, "conversion", 1.0));
    }

    @Test
    void segmentsAreRankedByIcpIndexAndSortableByAnotherColumn() {
        SegmentTable byIndex = t.segments(SegmentQuery.by("industry"));
        SegmentTable byAccounts = t.segments(SegmentQuery.by("industry").sort("accounts"));
        SegmentTable byNrr = t.segments(SegmentQuery.by("industry").sort("NRR_12m"));

        assertThat(byIndex.sort()).isEqualTo("icp_index");
        assertThat(byIndex.segments()).extracting(Segment::icpIndex).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(byIndex.segments()).extracting(Segment::icpRank).containsExactly(1, 2, 3, 4);
        assertThat(byIndex.segments().get(0).label()).isIn("SaaS", "Fintech");
        // accounts descending, ties by ICP index; icp_rank is kept
        assertThat(byAccounts.sort()).isEqualTo("accounts");
        assertThat(byAccounts.segments()).extracting(Segment::accounts).containsExactly(10L, 10L, 2L, 1L);
        assertThat(byAccounts.segments().get(0).label()).isEqualTo("SaaS");
        assertThat(byAccounts.segments().get(0).icpRank()).isEqualTo(byIndustry(byIndex, "SaaS").icpRank());
        // missing values last
        assertThat(byNrr.segments()).extracting(Segment::label).containsExactly("SaaS", "Retail", "Fintech", "(none)");
    }

    @Test
    void groupsByTechFlagsAndCustomAttributesTogether() {
        SegmentTable table = t.segments(SegmentQuery.by("has_snowflake", "Funding_Stage"));

        assertThat(table.dimensions()).containsExactly("has_snowflake", "funding_stage");
        assertThat(segment(table, true, "Series A").accounts()).isEqualTo(2);
        assertThat(segment(table, true, "Seed").accounts()).isEqualTo(1);
        assertThat(segment(table, false, null).accounts()).isEqualTo(1);
        assertThat(segment(table, null, null).accounts()).isEqualTo(19);
        assertThat(segment(table, true, "Series A").label()).isEqualTo("has_snowflake · Series A");
        assertThat(segment(table, false, null).label()).isEqualTo("not has_snowflake · (none)");
        assertThat(table.segments().stream().mapToLong(Segment::accounts).sum()).isEqualTo(23);
    }

    @Test
    void whereFiltersThePopulationAndTheSegments() {
        SegmentTable table = t.segments(SegmentQuery.by("industry").where("industry != 'Retail' and nps is null"));

        assertThat(table.where()).isEqualTo("industry != 'Retail' and nps is null");
        // three-valued logic: the account without industry is not selected
        assertThat(table.segments()).extracting(Segment::label).containsExactlyInAnyOrder("SaaS", "Fintech");
        assertThat(byIndustry(table, "SaaS").accounts()).isEqualTo(6);
        assertThat(table.population().accounts()).isEqualTo(8);
    }

    @Test
    void whereMatchingNothingGivesAnEmptyTable() {
        SegmentTable table = t.segments(SegmentQuery.by("industry").where("industry = 'O''Brien; DROP TABLE x'"));

        assertThat(table.segments()).isEmpty();
        assertThat(table.population().accounts()).isZero();
        assertThat(table.population().icpIndex()).isNaN();
        assertThat(t.engine.hasRows("account_metrics")).isTrue();
    }

    @Test
    void readsTheLatestDateUnlessAnotherIsAsked() {
        LocalDate earlier = LocalDate.of(2025, 12, 31);
        t.account("old1").set("as_of", earlier).set("industry", "Energy").add();

        assertThat(t.segments(SegmentQuery.by("industry")).segments()).hasSize(4);
        SegmentTable old = t.segments(SegmentQuery.by("industry").asOf(earlier));
        assertThat(old.asOf()).isEqualTo(earlier);
        assertThat(old.segments()).extracting(Segment::label).containsExactly("Energy");
    }

    @Test
    void anUncomputedDateListsTheComputedOnes() {
        assertThatThrownBy(() -> t.segments(SegmentQuery.by("industry").asOf(LocalDate.of(2020, 1, 1))))
                .isInstanceOf(InputException.class)
                .hasMessage("no account metrics as of 2020-01-01; computed dates (latest first): 2026-06-30; "
                        + "run 'icp metrics --as-of 2020-01-01' to compute them");
    }

    @Test
    void anUnknownDimensionListsTheAllowedOnes() {
        assertThatThrownBy(() -> t.segments(SegmentQuery.by("industry", "industy")))
                .isInstanceOf(InputException.class)
                .hasMessage("unknown segment dimension 'industy'; allowed dimensions: industry, employees_band, "
                        + "revenue_band, country, region, acquisition_channel, has_snowflake, has_hubspot, "
                        + "funding_stage, partner");
        assertThatThrownBy(() -> t.segments(SegmentQuery.by("seats")))
                .hasMessageStartingWith("unknown segment dimension 'seats' (attribute of type number; only category "
                        + "and boolean attributes are dimensions)");
        assertThatThrownBy(() -> t.segments(SegmentQuery.by("employees")))
                .hasMessageStartingWith("unknown segment dimension 'employees' (a number; group by its band, employees_band)");
        assertThatThrownBy(() -> t.segments(SegmentQuery.by("industry\"; DROP TABLE account_metrics; --")))
                .hasMessageStartingWith("unknown segment dimension 'industry\"; DROP TABLE account_metrics; --'");
        assertThatThrownBy(() -> t.segments(SegmentQuery.by("industry", "INDUSTRY")))
                .hasMessage("segment dimension 'industry' is given twice");
        assertThat(t.engine.hasRows("account_metrics")).isTrue();
    }

    @Test
    void anUnknownSortColumnListsTheSortableOnes() {
        assertThatThrownBy(() -> t.segments(SegmentQuery.by("industry").sort("winrate")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cannot sort segments by 'winrate'; sort by one of: icp_index, accounts, "
                        + "customers, conversion, win_rate,");
    }

    @Test
    void aMalformedFilterFailsWithThePositionAndTheKnownNames() {
        ExpressionException e = catchThrowableOfType(ExpressionException.class,
                () -> t.segments(SegmentQuery.by("industry").where("industry = 'SaaS'; DROP TABLE account_metrics")));

        assertThat(e.column()).isEqualTo(18);
        assertThat(e.getMessage()).contains("';' is not allowed");
        ExpressionException unknown = catchThrowableOfType(ExpressionException.class,
                () -> t.segments(SegmentQuery.by("industry").where("industy = 'SaaS'")));
        assertThat(unknown.getMessage()).contains("did you mean 'industry'?", "Known columns: ", "account_id");
        assertThat(t.engine.hasRows("account_metrics")).isTrue();
    }

    @Test
    void aMissingOrEmptyTableSaysToRunMetricsFirst() {
        try (MetricsTable none = MetricsTable.withoutTable(YAML); MetricsTable empty = MetricsTable.create(YAML)) {
            assertThatThrownBy(() -> none.segments(SegmentQuery.by("industry")))
                    .isInstanceOf(InputException.class)
                    .hasMessage("the store has no account metrics (table account_metrics); run 'icp metrics' first "
                            + "to compute the account metrics");
            assertThatThrownBy(() -> empty.segments(SegmentQuery.by("industry")))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("the account metrics table is empty; run 'icp metrics' first");
            assertThatThrownBy(() -> empty.segments(SegmentQuery.by("industry").asOf(LocalDate.of(2026, 6, 30))))
                    .hasMessageContaining("the account metrics table is empty; run 'icp metrics' first");
        }
    }

    @Test
    void aTableWithoutAConfiguredColumnAsksToRecomputeTheMetrics() {
        try (MetricsTable stale = MetricsTable.create(YAML.replace("[snowflake, hubspot]", "[snowflake]"))) {
            stale.account("a").set("industry", "SaaS").add();
            SegmentTable ok = stale.segments(SegmentQuery.by("industry"));
            assertThat(ok.segments()).hasSize(1);
            // same store, a workspace that now also flags hubspot
            MetricsTable newer = MetricsTable.withoutTable(YAML);
            try {
                assertThatThrownBy(() -> Segments.compute(stale.engine, newer.config, SegmentQuery.by("has_hubspot")))
                        .isInstanceOf(InputException.class)
                        .hasMessage("account_metrics has no column has_hubspot (was icp.yaml changed after the metrics "
                                + "were computed?); run 'icp metrics' again");
            } finally {
                newer.close();
            }
        }
    }
}
