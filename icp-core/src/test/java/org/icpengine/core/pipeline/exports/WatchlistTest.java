package org.icpengine.core.pipeline.exports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CS watchlist rule on hand-made customers. */
class WatchlistTest {

    private static final ExportSettings S = ExportSettings.DEFAULTS;

    private static Watchlist.Signals healthy() {
        return new Watchlist.Signals(true, 0.01, 4.0, 9, true, 1, 1);
    }

    @Test
    void aHealthyCustomerHasNoReason() {
        assertThat(Watchlist.reasons(healthy(), S)).isEmpty();
    }

    @Test
    void usageFallsBelowTheThresholdOrStops() {
        assertThat(Watchlist.reasons(new Watchlist.Signals(true, -0.031, 3.0, 9, true, 0, 0), S))
                .containsExactly("usage falling (-3.1% a week)");
        assertThat(Watchlist.reasons(new Watchlist.Signals(true, -0.03, 3.0, 9, true, 0, 0), S))
                .as("the threshold itself is not below it").isEmpty();
        assertThat(Watchlist.reasons(new Watchlist.Signals(true, 0, 0, 9, true, 0, 0), S))
                .containsExactly("no product usage in the last 90 days");
        assertThat(Watchlist.reasons(new Watchlist.Signals(false, Double.NaN, Double.NaN, 9, true, 0, 0), S))
                .as("without usage data, usage is not judged").isEmpty();
    }

    @Test
    void detractorsAreZeroToSix() {
        assertThat(Watchlist.reasons(new Watchlist.Signals(true, 0, 2, 6, true, 0, 0), S))
                .containsExactly("detractor NPS (6)");
        assertThat(Watchlist.reasons(new Watchlist.Signals(true, 0, 2, 0, true, 0, 0), S))
                .containsExactly("detractor NPS (0)");
        assertThat(Watchlist.reasons(new Watchlist.Signals(true, 0, 2, 7, true, 0, 0), S)).isEmpty();
        assertThat(Watchlist.reasons(new Watchlist.Signals(true, 0, 2, null, true, 0, 0), S)).isEmpty();
    }

    @Test
    void ticketsRiseWithAtLeastThreeAndOneAndAHalfTimesTheWindowBefore() {
        assertThat(Watchlist.reasons(new Watchlist.Signals(true, 0, 2, 9, true, 3, 2), S))
                .containsExactly("tickets rising (3 in the last 90 days vs 2 before)");
        assertThat(Watchlist.reasons(new Watchlist.Signals(true, 0, 2, 9, true, 3, 0), S)).hasSize(1);
        assertThat(Watchlist.reasons(new Watchlist.Signals(true, 0, 2, 9, true, 2, 0), S))
                .as("fewer than three is not rising").isEmpty();
        assertThat(Watchlist.reasons(new Watchlist.Signals(true, 0, 2, 9, true, 5, 4), S))
                .as("5 < 1.5 x 4").isEmpty();
        assertThat(Watchlist.reasons(new Watchlist.Signals(true, 0, 2, 9, true, 6, 4), S)).hasSize(1);
    }

    @Test
    void everySignIsListedInOrder() {
        assertThat(Watchlist.reasons(new Watchlist.Signals(true, -0.1, 1, 2, true, 9, 1), S)).containsExactly(
                "usage falling (-10.0% a week)", "detractor NPS (2)", "tickets rising (9 in the last 90 days vs 1 before)");
    }
}
