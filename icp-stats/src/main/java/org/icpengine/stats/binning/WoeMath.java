package org.icpengine.stats.binning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Weight of evidence, information value and Gini of binned counts. WoE and IV follow the
 * optbinning convention (Navas-Palencia 2020, "Optimal binning: mathematical programming
 * formulation", arXiv:2001.08025): WoE_i = ln((n_i / N) / (e_i / E)) and
 * IV = sum_i (n_i / N - e_i / E) * WoE_i, where e and n count events and non-events.
 */
final class WoeMath {

    /**
     * Added to both counts of a bin that has no events or no non-events (the Haldane-Anscombe
     * correction), so that its WoE and IV are finite; the totals E and N are left as they are.
     */
    static final double SMOOTHING = 0.5;

    private WoeMath() {
    }

    /** WoE of a bin: 0 when the bin is empty, smoothed when one class is absent. */
    static double woe(long events, long nonEvents, long totalEvents, long totalNonEvents) {
        if (events + nonEvents == 0) {
            return 0.0;
        }
        double e = events;
        double n = nonEvents;
        if (events == 0 || nonEvents == 0) {
            e += SMOOTHING;
            n += SMOOTHING;
        }
        return Math.log((n / totalNonEvents) / (e / totalEvents));
    }

    /** The bin's term of the IV, with the same smoothing as {@link #woe}; 0 for an empty bin. */
    static double iv(long events, long nonEvents, long totalEvents, long totalNonEvents) {
        if (events + nonEvents == 0) {
            return 0.0;
        }
        double e = events;
        double n = nonEvents;
        if (events == 0 || nonEvents == 0) {
            e += SMOOTHING;
            n += SMOOTHING;
        }
        double pe = e / totalEvents;
        double pn = n / totalNonEvents;
        return (pn - pe) * Math.log(pn / pe);
    }

    /** Builds a bin with its WoE and IV computed from the counts. */
    static Bin bin(BinKind kind, double lower, double upper, List<String> categories,
                   long events, long nonEvents, long totalEvents, long totalNonEvents) {
        return new Bin(kind, lower, upper, categories, events, nonEvents,
                woe(events, nonEvents, totalEvents, totalNonEvents),
                iv(events, nonEvents, totalEvents, totalNonEvents));
    }

    /**
     * Gini coefficient 2 * AUC - 1 of the binned variable used as a score: rows are ranked by the
     * event rate of their bin, rows in bins of equal event rate count as ties (half a concordant
     * pair). Empty bins are skipped. Returns {@code NaN} when either class is absent.
     */
    static double gini(List<Bin> bins) {
        List<Bin> nonEmpty = new ArrayList<>();
        long totalEvents = 0;
        long totalNonEvents = 0;
        for (Bin b : bins) {
            if (b.count() > 0) {
                nonEmpty.add(b);
                totalEvents += b.events();
                totalNonEvents += b.nonEvents();
            }
        }
        if (totalEvents == 0 || totalNonEvents == 0) {
            return Double.NaN;
        }
        // compare event rates exactly: e1/(c1) < e2/(c2)  <=>  e1*c2 < e2*c1
        Comparator<Bin> byRate = (a, b) -> Long.compare(
                Math.multiplyExact(a.events(), b.count()), Math.multiplyExact(b.events(), a.count()));
        nonEmpty.sort(byRate);
        double concordant = 0;
        long nonEventsBelow = 0;
        int i = 0;
        while (i < nonEmpty.size()) {
            int j = i;
            long groupEvents = 0;
            long groupNonEvents = 0;
            while (j < nonEmpty.size() && byRate.compare(nonEmpty.get(i), nonEmpty.get(j)) == 0) {
                groupEvents += nonEmpty.get(j).events();
                groupNonEvents += nonEmpty.get(j).nonEvents();
                j++;
            }
            concordant += groupEvents * (nonEventsBelow + 0.5 * groupNonEvents);
            nonEventsBelow += groupNonEvents;
            i = j;
        }
        double auc = concordant / ((double) totalEvents * totalNonEvents);
        return 2 * auc - 1;
    }
}
