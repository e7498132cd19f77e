package org.icpengine.core.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.icpengine.core.config.Economics;
import org.icpengine.core.config.LtvSettings;
import org.icpengine.core.engine.ResultTable;

/**
 * What the LTV columns need from the retention models, as small tables joined into the metric SQL: per LTV
 * segment and number of monthly renewals, the discounted expected residual lifetime in months ({@code lf});
 * per segment, {@code ltv_simple} ({@code ls}).
 *
 * <p>{@code ltv_simple = gross_margin × ARPA / c}, where {@code c} is the constant monthly churn rate
 * (churned customers / customer-months observed) and ARPA the mean MRR on T of the active customers, both of
 * the population the segment's retention model comes from (the segment itself, or the whole base when the
 * segment falls back to it). It is the same for every customer of the segment, and null when {@code c} is 0
 * or there is no active customer.
 */
final class LtvFactors {

    /** No factors: the LTV of active customers and {@code ltv_simple} are null. */
    static final LtvFactors NONE = new LtvFactors(List.of(), Map.of());

    private static final int LISTED = 5;

    /** A residual lifetime: segment key, renewals made, months. */
    private record Residual(String segment, long renewals, double months) {
    }

    private final List<Residual> residual;
    private final Map<String, Double> simple;

    private LtvFactors(List<Residual> residual, Map<String, Double> simple) {
        this.residual = List.copyOf(residual);
        this.simple = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(simple));
    }

    /**
     * Fits the retention models on the rows of {@link MetricSql#lifecycle()} and derives the factors; adds a
     * note for each fallback a person should know about.
     */
    static LtvFactors fit(ResultTable lifecycle, LtvSettings settings, Economics economics, List<String> notes) {
        int key = lifecycle.index("seg_key");
        int periods = lifecycle.index("periods");
        int churned = lifecycle.index("churned");
        int active = lifecycle.index("active");
        int count = lifecycle.index("n");
        int mrr = lifecycle.index("mrr");
        SegmentRetention.Builder builder = SegmentRetention.builder(settings.minCustomers());
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, double[]> arpa = new LinkedHashMap<>();
        double[] baseArpa = new double[2];
        for (int i = 0; i < lifecycle.size(); i++) {
            Object[] r = lifecycle.rows().get(i);
            String segment = (String) r[key];
            long n = ((Number) r[count]).longValue();
            builder.add(segment, (int) ((Number) r[periods]).longValue(), (Boolean) r[churned], n);
            labels.computeIfAbsent(segment, s -> label(settings.segmentBy(), r, lifecycle));
            if ((Boolean) r[active]) {
                double sum = ((Number) r[mrr]).doubleValue();
                double[] a = arpa.computeIfAbsent(segment, s -> new double[2]);
                a[0] += sum;
                a[1] += n;
                baseArpa[0] += sum;
                baseArpa[1] += n;
            }
        }
        SegmentRetention retention = builder.build();
        double gm = economics.grossMargin();
        double discount = SegmentRetention.monthlyDiscount(economics.annualDiscountRate());
        List<Residual> residual = new ArrayList<>();
        Map<String, Double> simple = new LinkedHashMap<>();
        List<String> fallbacks = new ArrayList<>();
        boolean infinite = false;
        for (String segment : retention.segments()) {
            SegmentRetention.Fit fit = retention.forSegment(segment);
            if (fit.source() != SegmentRetention.Source.SEGMENT) {
                fallbacks.add(labels.get(segment) + " (" + fit.reason().split("; ")[0] + ")");
            }
            double[] a = fit.source() == SegmentRetention.Source.SEGMENT
                    ? arpa.getOrDefault(segment, new double[2]) : baseArpa;
            double c = fit.churnRate();
            if (a[1] > 0 && c > 0) {
                simple.put(segment, gm * (a[0] / a[1]) / c);
            }
        }
        for (int i = 0; i < lifecycle.size(); i++) {
            Object[] r = lifecycle.rows().get(i);
            if (!(Boolean) r[active]) {
                continue;
            }
            String segment = (String) r[key];
            int renewals = (int) ((Number) r[periods]).longValue();
            double months = retention.forSegment(segment).residualLifetime(renewals, discount);
            if (Double.isFinite(months)) {
                residual.add(new Residual(segment, renewals, months));
            } else if (!Double.isNaN(months)) {
                infinite = true;
            }
        }
        SegmentRetention.Fit base = retention.base();
        switch (base.source()) {
            case BASE -> {
                if (!fallbacks.isEmpty()) {
                    notes.add("ltv: " + fallbacks.size() + " of " + retention.segments().size() + " segments by "
                            + String.join(", ", settings.segmentBy()) + " use the whole customer base's model ("
                            + base.describe() + "): " + listed(fallbacks));
                }
            }
            case CONSTANT_CHURN -> notes.add("ltv: " + base.reason() + "; every segment uses the whole base's "
                    + base.describe());
            case NONE -> notes.add("ltv: no retention model (" + base.reason() + "); ltv of active customers and "
                    + "ltv_simple are null");
        }
        if (infinite) {
            notes.add("ltv: with annual_discount_rate 0 the expected lifetime of some segments does not converge; "
                    + "their active customers' ltv is null");
        }
        return new LtvFactors(residual, simple);
    }

    private static String label(List<String> dims, Object[] row, ResultTable t) {
        if (dims.isEmpty()) {
            return "all customers";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            Object v = row[t.index("d" + i)];
            parts.add(dims.get(i) + "=" + (v == null ? "(none)" : v));
        }
        return String.join(" ", parts);
    }

    private static String listed(List<String> items) {
        List<String> shown = items.subList(0, Math.min(LISTED, items.size()));
        return String.join(", ", shown) + (items.size() > LISTED
                ? String.format(Locale.ROOT, " and %d more", items.size() - LISTED) : "");
    }

    /** Whether there is no factor at all. */
    boolean isEmpty() {
        return residual.isEmpty() && simple.isEmpty();
    }

    /** The CTE {@code lf(seg_key, renewals, derl)}, its values added to {@code values}. */
    String residualCte(Map<String, Object> values) {
        if (residual.isEmpty()) {
            return "lf AS (SELECT CAST(NULL AS STRING) AS seg_key, CAST(NULL AS BIGINT) AS renewals, "
                    + "CAST(NULL AS DOUBLE) AS derl WHERE 1 = 0)";
        }
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < residual.size(); i++) {
            Residual r = residual.get(i);
            values.put("lf_k" + i, r.segment());
            values.put("lf_n" + i, r.renewals());
            values.put("lf_v" + i, r.months());
            rows.add("(CAST(:lf_k" + i + " AS STRING), CAST(:lf_n" + i + " AS BIGINT), CAST(:lf_v" + i + " AS DOUBLE))");
        }
        return "lf AS (SELECT * FROM (VALUES " + String.join(", ", rows) + ") AS x(seg_key, renewals, derl))";
    }

    /** The CTE {@code ls(seg_key, ltv_simple)}, its values added to {@code values}. */
    String simpleCte(Map<String, Object> values) {
        if (simple.isEmpty()) {
            return "ls AS (SELECT CAST(NULL AS STRING) AS seg_key, CAST(NULL AS DOUBLE) AS ltv_simple WHERE 1 = 0)";
        }
        List<String> rows = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Double> e : simple.entrySet()) {
            values.put("ls_k" + i, e.getKey());
            values.put("ls_v" + i, e.getValue());
            rows.add("(CAST(:ls_k" + i + " AS STRING), CAST(:ls_v" + i + " AS DOUBLE))");
            i++;
        }
        return "ls AS (SELECT * FROM (VALUES " + String.join(", ", rows) + ") AS x(seg_key, ltv_simple))";
    }
}
