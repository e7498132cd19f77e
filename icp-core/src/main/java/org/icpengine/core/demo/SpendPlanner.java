package org.icpengine.core.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the monthly spend table: one marketing row per acquisition channel and one sales row
 * ({@code sales_team}) for every month from the first account's month to the {@code as_of} month.
 *
 * <p>Each channel's budget follows the customers it brings in (smoothed over neighbouring months)
 * at a target cost per customer ({@link Catalog#CHANNEL_CAC}), plus a fixed share of its average
 * budget and some noise, so that the CAC the engine computes per channel and window lands near the
 * target: cheap channels (partner, organic, referral) stay cheap. The first months, with few
 * customers yet, are expensive, as in a real ramp.
 */
final class SpendPlanner {

    private static final int STREAM_SPEND = 8;
    private static final double FIXED_SHARE = 0.15;

    /** One spend row; {@code channel} is -1 for the sales row. */
    record Row(int monthDay, int channel, long amountCents) {
    }

    private SpendPlanner() {
    }

    static List<Row> plan(Account[] accounts, LocalDate firstMonth, LocalDate asOf, long seed) {
        LocalDate lastMonth = asOf.withDayOfMonth(1);
        int months = (int) (monthIndex(firstMonth, lastMonth) + 1);
        int channels = Catalog.CHANNELS.length;
        double[][] acquired = new double[channels + 1][months];
        for (Account a : accounts) {
            if (!a.customer) {
                continue;
            }
            int m = (int) monthIndex(firstMonth, LocalDate.ofEpochDay(a.sinceDay).withDayOfMonth(1));
            if (m < 0 || m >= months) {
                continue;
            }
            if (a.channel >= 0) {
                acquired[a.channel][m]++;
            }
            acquired[channels][m]++;
        }
        Rng r = Rng.of(seed, -1, STREAM_SPEND);
        List<Row> rows = new ArrayList<>(months * (channels + 1));
        for (int m = 0; m < months; m++) {
            int day = (int) firstMonth.plusMonths(m).toEpochDay();
            for (int c = 0; c <= channels; c++) {
                boolean sales = c == channels;
                double cac = sales ? Catalog.SALES_CAC : Catalog.CHANNEL_CAC[c];
                double volume = (1 - FIXED_SHARE) * smooth(acquired[c], m, sales ? 2 : 1) + FIXED_SHARE * mean(acquired[c]);
                double amount = cac * volume * r.logNormal(0, sales ? 0.05 : 0.12);
                rows.add(new Row(day, sales ? -1 : c, Math.round(amount) * 100));
            }
        }
        return rows;
    }

    private static long monthIndex(LocalDate firstMonth, LocalDate month) {
        return (month.getYear() - firstMonth.getYear()) * 12L + month.getMonthValue() - firstMonth.getMonthValue();
    }

    /** Triangular moving average with the given half-width; the series is clamped at its ends. */
    private static double smooth(double[] series, int m, int halfWidth) {
        double sum = 0;
        double weights = 0;
        for (int k = -halfWidth; k <= halfWidth; k++) {
            int i = Math.max(0, Math.min(series.length - 1, m + k));
            double w = halfWidth + 1 - Math.abs(k);
            sum += w * series[i];
            weights += w;
        }
        return sum / weights;
    }

    private static double mean(double[] series) {
        double sum = 0;
        for (double v : series) {
            sum += v;
        }
        return sum / series.length;
    }
}
