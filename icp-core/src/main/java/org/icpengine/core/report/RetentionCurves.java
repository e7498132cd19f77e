package org.icpengine.core.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.Engine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.metrics.SegmentRetention;
import org.icpengine.stats.ltv.SbgModel;

/**
 * Observed survival (Kaplan–Meier on monthly periods, Kaplan &amp; Meier 1958) and sBG fits
 * ({@link SegmentRetention}, Fader &amp; Hardie 2007) per {@code ltv.segment_by} segment, read from the stored
 * account metrics of a date. Periods are counted as {@link SegmentRetention#periods} counts them: a customer who
 * churned after {@code p} periods is a death at {@code p}; one still active is censored after {@code p}.
 */
final class RetentionCurves {

    /** Curves shown: the segments with the most customers. */
    static final int SHOWN = 6;

    /** The observed curve stops where fewer customers than this are still at risk. */
    static final int MIN_AT_RISK = 10;

    /** The longest horizon drawn, in months. */
    static final int MAX_MONTHS = 60;

    private RetentionCurves() {
    }

    /** The curves of the segments with most customers, largest first; empty when no customer has a tenure or
     * none churned (no retention model can be estimated). */
    static List<RetentionCurve> compute(Engine engine, WorkspaceConfig config, LocalDate asOf) {
        List<String> dims = config.ltv().segmentBy();
        StringBuilder select = new StringBuilder("SELECT tenure_months, churned_at IS NOT NULL AND churned_at <= as_of AS gone");
        for (int i = 0; i < dims.size(); i++) {
            select.append(", CAST(").append(engine.dialect().quoteIdentifier(dims.get(i))).append(" AS VARCHAR) AS d").append(i);
        }
        select.append(" FROM ").append(AccountMetrics.TABLE).append(" WHERE as_of = ? AND customer_since IS NOT NULL ")
                .append("AND tenure_months IS NOT NULL");
        ResultTable rows = engine.query(new SqlFragment(select.toString(), List.of(asOf)));
        Map<String, List<int[]>> bySegment = new LinkedHashMap<>();
        SegmentRetention.Builder builder = SegmentRetention.builder(config.ltv().minCustomers());
        for (Object[] r : rows.rows()) {
            boolean gone = Boolean.TRUE.equals(r[1]);
            int periods = SegmentRetention.periods(((Number) r[0]).doubleValue(), gone);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++) {
                parts.add(dims.get(i) + "=" + (r[2 + i] == null ? "(none)" : r[2 + i]));
            }
            String segment = dims.isEmpty() ? "all customers" : String.join(" ", parts);
            builder.add(segment, periods, gone);
            bySegment.computeIfAbsent(segment, s -> new ArrayList<>()).add(new int[] {periods, gone ? 1 : 0});
        }
        if (bySegment.isEmpty()) {
            return List.of();
        }
        SegmentRetention retention = builder.build();
        if (retention.base().source() == SegmentRetention.Source.NONE) {
            return List.of();
        }
        List<RetentionCurve> curves = new ArrayList<>();
        bySegment.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, List<int[]>> e) -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey)).limit(SHOWN)
                .forEach(e -> curves.add(curve(e.getKey(), e.getValue(), retention.forSegment(e.getKey()))));
        return curves;
    }

    /** Kaplan–Meier S(t) over monthly periods and the fit's survival over the same months. */
    static RetentionCurve curve(String segment, List<int[]> customers, SegmentRetention.Fit fit) {
        int max = 0;
        long churned = 0;
        for (int[] c : customers) {
            max = Math.max(max, c[0]);
            churned += c[1];
        }
        int horizon = Math.min(max, MAX_MONTHS);
        long[] deaths = new long[horizon + 2];
        long[] atLeast = new long[horizon + 2];
        for (int[] c : customers) {
            int p = Math.min(c[0], horizon + 1);
            atLeast[p]++;
            if (c[1] == 1 && c[0] <= horizon) {
                deaths[c[0]]++;
            }
        }
        for (int t = horizon; t >= 0; t--) {
            atLeast[t] += atLeast[t + 1];
        }
        List<Double> s = new ArrayList<>();
        s.add(1.0);
        double survival = 1;
        for (int t = 1; t <= horizon && atLeast[t] >= MIN_AT_RISK; t++) {
            survival *= 1 - (double) deaths[t] / atLeast[t];
            s.add(survival);
        }
        double[] observed = s.stream().mapToDouble(Double::doubleValue).toArray();
        SbgModel model = fit.model();
        double[] fitted = model == null ? new double[0] : model.survivalCurve(observed.length - 1);
        return new RetentionCurve(segment, customers.size(), churned, fit.source().name(), observed, fitted);
    }
}
