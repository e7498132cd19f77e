package org.icpengine.core.pipeline.exports;

import org.icpengine.errors.InputException;

/**
 * The thresholds behind the team exports, with documented defaults ({@link #DEFAULTS}).
 *
 * <ul>
 *   <li>{@code topSegments = 10}: the audience members file lists the prospects of the ten best segments by ICP
 *       index that are not flagged small and still have prospects: a campaign list, not the whole market.</li>
 *   <li>{@code usageTrendBelow = -0.03}: usage is <em>falling</em> when {@code usage_trend} (the least-squares
 *       slope of weekly events over 12 weeks divided by the mean week) is below −0.03, that is the fitted line
 *       loses more than a third of the average week over the quarter (11 weeks × 3%). A customer with no event at
 *       all in the 90-day usage window also counts as falling, when usage data exists.</li>
 *   <li>{@code detractorMax = 6}: the latest NPS answer 0–6 is a detractor (the NPS definition).</li>
 *   <li>{@code ticketWindowDays = 90}, {@code ticketsMin = 3}, {@code ticketRise = 1.5}: tickets are
 *       <em>rising</em> when at least 3 were opened in the last 90 days and at least 1.5 times as many as in the
 *       90 days before (any number when there were none before).</li>
 * </ul>
 *
 * @param topSegments      segments whose prospects go to the members file, at least 1
 * @param usageTrendBelow  usage trend below which usage is falling
 * @param detractorMax     highest NPS score that is a detractor, 0..10
 * @param ticketWindowDays length of the recent and the earlier ticket window, at least 1
 * @param ticketsMin       fewest recent tickets that can be "rising", at least 1
 * @param ticketRise       recent / earlier tickets ratio that is "rising", at least 1
 */
public record ExportSettings(int topSegments, double usageTrendBelow, int detractorMax, int ticketWindowDays,
                             int ticketsMin, double ticketRise) {

    /** The defaults described above. */
    public static final ExportSettings DEFAULTS = new ExportSettings(10, -0.03, 6, 90, 3, 1.5);

    /** Validates the ranges. */
    public ExportSettings {
        check(topSegments >= 1, "topSegments must be >= 1, got " + topSegments);
        check(!Double.isNaN(usageTrendBelow), "usageTrendBelow must be a number");
        check(detractorMax >= 0 && detractorMax <= 10, "detractorMax must be in 0..10, got " + detractorMax);
        check(ticketWindowDays >= 1, "ticketWindowDays must be >= 1, got " + ticketWindowDays);
        check(ticketsMin >= 1, "ticketsMin must be >= 1, got " + ticketsMin);
        check(ticketRise >= 1, "ticketRise must be >= 1, got " + ticketRise);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new InputException("export settings: " + message);
        }
    }
}
