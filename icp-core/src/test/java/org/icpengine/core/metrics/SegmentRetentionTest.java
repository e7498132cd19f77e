package org.icpengine.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.icpengine.core.metrics.SegmentRetention.Fit;
import org.icpengine.core.metrics.SegmentRetention.Source;
import org.junit.jupiter.api.Test;

/**
 * {@link SegmentRetention}: per-segment sBG fits reproduce Fader &amp; Hardie (2007) on their published cohorts,
 * small or unidentifiable segments fall back to the whole base, and the whole base to a constant churn rate.
 */
class SegmentRetentionTest {

    private static final Path DATA = Path.of("../../shared/data/reference/sbg-fader-hardie-2007/survival_pct.csv");

    /** Adds a cohort of 1000 from the % alive at years 0..7 (the calibration period), censored after year 7. */
    private static void cohort(SegmentRetention.Builder b, String segment, int column) throws IOException {
        Path file = Files.exists(DATA) ? DATA : Path.of("/work/shared/data/reference/sbg-fader-hardie-2007/survival_pct.csv");
        List<String> lines = Files.readAllLines(file);
        long previous = 1000;
        for (int year = 1; year <= 7; year++) {
            long alive = Math.round(Double.parseDouble(lines.get(year + 1).split(",")[column]) * 10);
            b.add(segment, year, true, previous - alive);
            previous = alive;
        }
        b.add(segment, 7, false, previous);
    }

    @Test
    void eachLargeSegmentGetsItsOwnModelReproducingFaderAndHardie2007() throws IOException {
        SegmentRetention.Builder b = SegmentRetention.builder(50);
        cohort(b, "regular", 1);
        cohort(b, "high end", 2);

        SegmentRetention r = b.build();

        Fit regular = r.forSegment("regular");
        Fit highEnd = r.forSegment("high end");
        assertThat(regular.source()).isEqualTo(Source.SEGMENT);
        assertThat(regular.model().alpha()).isCloseTo(0.704, within(0.005));
        assertThat(regular.model().beta()).isCloseTo(1.182, within(0.005));
        assertThat(regular.model().logLikelihood()).isCloseTo(-1680.27, within(0.05));
        assertThat(highEnd.model().alpha()).isCloseTo(0.668, within(0.005));
        assertThat(highEnd.model().beta()).isCloseTo(3.806, within(0.01));
        assertThat(highEnd.customers()).isEqualTo(1000);
        assertThat(highEnd.reason()).isEmpty();
        assertThat(r.base().source()).isEqualTo(Source.BASE);
        assertThat(r.base().customers()).isEqualTo(2000);
        assertThat(r.segments()).containsExactly("regular", "high end");
        // the residual lifetime is Fader & Hardie (2010)'s DERL of the segment's model
        assertThat(highEnd.residualLifetime(3, 0.1))
                .isEqualTo(highEnd.model().discountedExpectedResidualLifetime(3, 0.1));
    }

    @Test
    void aSmallSegmentAndAnUnknownOneUseTheWholeBase() throws IOException {
        SegmentRetention.Builder b = SegmentRetention.builder(50);
        cohort(b, "regular", 1);
        b.add("tiny", 3, true).add("tiny", 5, false, 9);

        SegmentRetention r = b.build();

        Fit tiny = r.forSegment("tiny");
        assertThat(tiny.source()).isEqualTo(Source.BASE);
        assertThat(tiny.model()).isEqualTo(r.base().model());
        assertThat(tiny.customers()).isEqualTo(1010);
        assertThat(tiny.reason()).isEqualTo("10 customers, fewer than 50");
        assertThat(r.forSegment("never seen")).isEqualTo(r.base());
    }

    @Test
    void aLargeSegmentWhoseDataCannotIdentifyTheModelUsesTheWholeBase() throws IOException {
        SegmentRetention.Builder b = SegmentRetention.builder(50);
        cohort(b, "regular", 1);
        b.add("loyal", 6, false, 80);

        Fit loyal = b.build().forSegment("loyal");

        assertThat(loyal.source()).isEqualTo(Source.BASE);
        assertThat(loyal.reason()).startsWith("sBG: none of the 80 customers churned");
    }

    @Test
    void aBaseWithConstantRetentionUsesTheConstantChurnRate() {
        // 10000 customers, 10% churn at every period: the maximum is the constant-churn limit
        SegmentRetention.Builder b = SegmentRetention.builder(10);
        long alive = 10_000;
        long churned = 0;
        long exposure = 0;
        for (int t = 1; t <= 6; t++) {
            long lost = alive / 10;
            b.add("s", t, true, lost);
            alive -= lost;
            churned += lost;
            exposure += t * lost;
        }
        b.add("s", 6, false, alive);
        exposure += 6 * alive;

        Fit fit = b.build().forSegment("s");

        assertThat(fit.source()).isEqualTo(Source.CONSTANT_CHURN);
        assertThat(fit.model()).isNull();
        assertThat(fit.reason()).startsWith("sBG: the retention rate does not rise with tenure")
                .contains("; whole base: sBG: the retention rate does not rise with tenure");
        double theta = fit.churnRate();
        assertThat(theta).isEqualTo((double) churned / exposure).isCloseTo(0.1, within(1e-4));
        // Σ_{k>=1} (1 - θ)^k / (1 + d)^(k - 1), summed out
        double d = 0.01;
        double sum = 0;
        for (int k = 1; k < 5000; k++) {
            sum += Math.pow(1 - theta, k) / Math.pow(1 + d, k - 1);
        }
        assertThat(fit.residualLifetime(0, d)).isCloseTo(sum, within(1e-9));
        assertThat(fit.residualLifetime(7, d)).isEqualTo(fit.residualLifetime(0, d));
    }

    @Test
    void withoutChurnThereIsNoModel() {
        Fit fit = SegmentRetention.builder(1).add("s", 4, false, 20).build().forSegment("s");

        assertThat(fit.source()).isEqualTo(Source.NONE);
        assertThat(fit.residualLifetime(2, 0.01)).isNaN();
        assertThat(SegmentRetention.builder(5).build().base().source()).isEqualTo(Source.NONE);
        assertThat(SegmentRetention.builder(5).build().base().churnRate()).isNaN();
    }

    @Test
    void periodsCountTheMonthAChurnedCustomerLeftInAndCompleteMonthsOfActiveOnes() {
        assertThat(SegmentRetention.periods(0.0, true)).isEqualTo(1);
        assertThat(SegmentRetention.periods(0.4, true)).isEqualTo(1);
        assertThat(SegmentRetention.periods(3.0, true)).isEqualTo(3);
        assertThat(SegmentRetention.periods(3.0 + 1e-12, true)).isEqualTo(3);
        assertThat(SegmentRetention.periods(3.2, true)).isEqualTo(4);
        assertThat(SegmentRetention.periods(3.9, false)).isEqualTo(3);
        assertThat(SegmentRetention.periods(4.0 - 1e-12, false)).isEqualTo(4);
        assertThat(SegmentRetention.periods(Double.NaN, false)).isZero();
        assertThat(SegmentRetention.monthlyDiscount(0.10)).isCloseTo(0.00797414, within(1e-8));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> SegmentRetention.builder(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SegmentRetention.builder(1).add("s", 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periods must be >= 1");
        assertThatThrownBy(() -> SegmentRetention.builder(1).add("s", 1, false, -1))
                .isInstanceOf(IllegalArgumentException.class);
        Fit none = SegmentRetention.builder(1).build().base();
        assertThatThrownBy(() -> none.residualLifetime(-1, 0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
