package org.icpengine.core.pipeline.exports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.icpengine.core.engine.Engine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.pipeline.model.ModelScore;

/**
 * Customer success: tier A/B customers (the two best tiers of the score model) that are active and show at
 * least one warning sign of {@link #reasons}: falling usage, a detractor NPS or rising tickets
 * (thresholds in {@link ExportSettings}). Ordered by number of signs, then MRR, both descending, then
 * {@code account_id}.
 */
final class Watchlist {

    static final String FILE = "cs_watchlist.csv";

    static final List<String> HEADER = List.of("account_id", "name", "domain", "tier", "score", "mrr", "reasons",
            "falling_usage", "detractor_nps", "rising_tickets", "usage_trend", "active_days_per_week", "nps",
            "tickets_recent", "tickets_before", "health_tier", "p_retained");

    private Watchlist() {
    }

    /**
     * The signals of one customer and what they mean.
     *
     * @param usageKnown        whether there are usage events at all (else usage signals are not judged)
     * @param usageTrend        {@code usage_trend}, NaN when unknown
     * @param activeDaysPerWeek {@code active_days_per_week}, NaN when unknown
     * @param nps               the latest NPS answer, or null
     * @param ticketsKnown      whether there are support tickets at all
     * @param recentTickets     tickets opened in the last window
     * @param earlierTickets    tickets opened in the window before
     */
    record Signals(boolean usageKnown, double usageTrend, double activeDaysPerWeek, Integer nps, boolean ticketsKnown,
                   long recentTickets, long earlierTickets) {
    }

    /**
     * The warning signs of a customer, in words, in the order usage, NPS, tickets; empty when none applies.
     * <ul>
     *   <li>falling usage: {@code usage_trend < usageTrendBelow}, or no active day in the usage window;</li>
     *   <li>detractor: latest NPS {@code <= detractorMax};</li>
     *   <li>rising tickets: {@code recent >= ticketsMin} and {@code recent >= ticketRise × earlier}.</li>
     * </ul>
     */
    static List<String> reasons(Signals s, ExportSettings settings) {
        List<String> out = new ArrayList<>();
        if (fallingUsage(s, settings)) {
            out.add(s.activeDaysPerWeek() == 0 || Double.isNaN(s.activeDaysPerWeek())
                    ? "no product usage in the last 90 days"
                    : String.format(Locale.ROOT, "usage falling (%+.1f%% a week)", 100 * s.usageTrend()));
        }
        if (detractor(s, settings)) {
            out.add("detractor NPS (" + s.nps() + ")");
        }
        if (risingTickets(s, settings)) {
            out.add("tickets rising (" + s.recentTickets() + " in the last " + settings.ticketWindowDays() + " days vs "
                    + s.earlierTickets() + " before)");
        }
        return out;
    }

    static boolean fallingUsage(Signals s, ExportSettings settings) {
        if (!s.usageKnown()) {
            return false;
        }
        boolean idle = s.activeDaysPerWeek() == 0 || Double.isNaN(s.activeDaysPerWeek());
        return idle || (!Double.isNaN(s.usageTrend()) && s.usageTrend() < settings.usageTrendBelow());
    }

    static boolean detractor(Signals s, ExportSettings settings) {
        return s.nps() != null && s.nps() <= settings.detractorMax();
    }

    static boolean risingTickets(Signals s, ExportSettings settings) {
        return s.ticketsKnown() && s.recentTickets() >= settings.ticketsMin()
                && s.recentTickets() >= settings.ticketRise() * s.earlierTickets();
    }

    static void write(Engine engine, LocalDate asOf, ScoredAccounts a, ExportSettings settings, CsvOut out,
                      List<String> notes) {
        boolean usage = engine.hasRows("usage_events");
        boolean tickets = engine.hasRows("support_tickets");
        boolean nps = engine.hasRows("nps_responses");
        if (!usage && !tickets && !nps) {
            notes.add(FILE + ": no usage events, NPS answers or support tickets, so no warning sign can be seen; add "
                    + "sources.usage_events, sources.nps_responses or sources.support_tickets");
            return;
        }
        List<String> missing = new ArrayList<>();
        if (!usage) {
            missing.add("usage_events (falling usage)");
        }
        if (!nps) {
            missing.add("nps_responses (detractors)");
        }
        if (!tickets) {
            missing.add("support_tickets (rising tickets)");
        }
        if (!missing.isEmpty()) {
            notes.add(FILE + ": not judged for lack of data: " + String.join(", ", missing));
        }
        Map<String, long[]> ticketCounts = tickets ? tickets(engine, asOf, settings.ticketWindowDays()) : Map.of();
        List<String> top = Audiences.topTiers(a);
        boolean anyActive = false;
        for (int i = 0; i < a.size() && !anyActive; i++) {
            anyActive = a.active(i);
        }
        if (!anyActive) {
            notes.add(FILE + ": no customer is active (no subscriptions?), so every customer is considered");
        }
        record Entry(int account, Signals signals, List<String> reasons) {
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            boolean current = anyActive ? a.active(i) : a.customer(i);
            if (!current || (a.scoreModel != null && (a.tier(i) == null || !top.contains(a.tier(i))))) {
                continue;
            }
            long[] t = ticketCounts.getOrDefault(a.id(i), new long[2]);
            Object n = a.value(i, "nps");
            Signals s = new Signals(usage, a.number(i, "usage_trend"), a.number(i, "active_days_per_week"),
                    n instanceof Number num ? num.intValue() : null, tickets, t[0], t[1]);
            List<String> why = reasons(s, settings);
            if (!why.isEmpty()) {
                entries.add(new Entry(i, s, why));
            }
        }
        entries.sort(Comparator.<Entry>comparingInt(e -> -e.reasons().size())
                .thenComparingDouble(e -> {
                    double mrr = a.number(e.account(), "mrr");
                    return Double.isNaN(mrr) ? Double.POSITIVE_INFINITY : -mrr;
                })
                .thenComparing(e -> a.id(e.account())));
        for (Entry e : entries) {
            int i = e.account();
            Signals s = e.signals();
            ModelScore score = a.scored(i);
            ModelScore health = a.health(i);
            out.row(List.of(CsvOut.text(a.id(i)), CsvOut.text(a.value(i, "name")), CsvOut.text(a.value(i, "domain")),
                    score == null ? "" : score.tier(), score == null ? "" : Integer.toString(score.score()),
                    CsvOut.number(a.number(i, "mrr"), 2), String.join("; ", e.reasons()),
                    Boolean.toString(fallingUsage(s, settings)), Boolean.toString(detractor(s, settings)),
                    Boolean.toString(risingTickets(s, settings)), CsvOut.number(s.usageTrend(), 4),
                    CsvOut.number(s.activeDaysPerWeek(), 3), s.nps() == null ? "" : s.nps().toString(),
                    tickets ? Long.toString(s.recentTickets()) : "", tickets ? Long.toString(s.earlierTickets()) : "",
                    health == null ? "" : health.tier(), health == null ? "" : CsvOut.number(health.probability(), 4)));
        }
    }

    /** Account id → {tickets opened in (T − w, T], tickets opened in (T − 2w, T − w]}. */
    private static Map<String, long[]> tickets(Engine engine, LocalDate asOf, int windowDays) {
        LocalDate split = asOf.minusDays(windowDays);
        ResultTable r = engine.query(new SqlFragment(
                "SELECT account_id, SUM(CASE WHEN d > ? THEN 1 ELSE 0 END) AS recent, "
                        + "SUM(CASE WHEN d <= ? THEN 1 ELSE 0 END) AS earlier "
                        + "FROM (SELECT account_id, CAST(opened_at AS DATE) AS d FROM support_tickets) t "
                        + "WHERE d > ? AND d <= ? GROUP BY account_id",
                List.of(split, split, asOf.minusDays(2L * windowDays), asOf)));
        Map<String, long[]> out = new HashMap<>();
        for (Object[] row : r.rows()) {
            out.put((String) row[0], new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
        }
        return out;
    }
}
