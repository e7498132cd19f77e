package org.icpengine.core.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.icpengine.stats.ltv.SbgModel;
import org.icpengine.stats.ltv.SbgTrainer;
import org.junit.jupiter.api.Test;

/** Monthly lifetimes from account metrics, and the lifetime formulas. */
class RetentionTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @Test
    void churnedCustomersChurnAtTheEndOfTheirLastStartedMonthAndActiveOnesAreCensored() {
        // Fader & Hardie (2007) "regular" cohort scaled to 100: alive 100, 63, 47, 38, 33, 29, 26, 24 after 0..7 periods
        long[] alive = {100, 63, 47, 38, 33, 29, 26, 24};
        Retention r = new Retention();
        for (int t = 1; t < alive.length; t++) {
            for (long i = 0; i < alive[t - 1] - alive[t]; i++) {
                // a churn date inside month t: tenure t - 0.4 months rounds up to t
                r.add(t - 0.4, null, AS_OF.minusDays(1), AS_OF);
            }
        }
        for (int i = 0; i < 24; i++) {
            // still active after 7.6 months: censored after 7 complete months
            r.add(7.6, null, null, AS_OF);
        }

        SbgModel fitted = r.fit();
        SbgModel expected = new SbgTrainer().fitCounts(alive);
        assertThat(r.size()).isEqualTo(100);
        assertThat(fitted.alpha()).isCloseTo(expected.alpha(), within(1e-9));
        assertThat(fitted.beta()).isCloseTo(expected.beta(), within(1e-9));
    }

    @Test
    void tenureComesFromTheDatesWhenItIsMissing() {
        Retention r = new Retention();
        r.add(null, AS_OF.minusDays(365), null, AS_OF);          // 12.0 months, censored after 11 or 12
        r.add(null, AS_OF.minusDays(100), AS_OF.minusDays(10), AS_OF); // churned after 2.96 months: period 3
        r.add(null, null, null, AS_OF);                            // nothing known: left out
        r.add(0.0, AS_OF, AS_OF, AS_OF);                           // churned at once: period 1

        assertThat(r.size()).isEqualTo(3);
        // churned 2 in 11 or 12 + 3 + 1 customer-months
        assertThat(r.constantChurn()).isBetween(2.0 / 16, 2.0 / 15);
    }

    @Test
    void aChurnDateAfterAsOfIsNotAChurn() {
        Retention r = new Retention();
        r.add(5.0, null, AS_OF.plusDays(3), AS_OF);

        assertThat(r.constantChurn()).isZero();
    }

    @Test
    void constantChurnLifetimeIsTheDiscountedGeometricSeries() {
        double d = 0.01;
        double theta = 0.05;
        double sum = 0;
        for (int t = 0; t < 5000; t++) {
            sum += Math.pow((1 - theta) / (1 + d), t);
        }
        assertThat(Retention.constantLifetime(theta, d)).isCloseTo(sum, within(1e-9));
        assertThat(Retention.constantLifetime(0, 0)).isNaN();
        assertThat(Retention.monthlyRate(0.10)).isCloseTo(Math.pow(1.1, 1 / 12.0) - 1, within(1e-15));
        assertThat(Math.pow(1 + Retention.monthlyRate(0.10), 12)).isCloseTo(1.10, within(1e-12));
    }
}
