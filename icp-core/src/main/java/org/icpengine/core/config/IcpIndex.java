package org.icpengine.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How segments are ranked ({@code icp_index:} in {@code icp.yaml}): weights over the segment metrics
 * (shrunk rates where the metric is a rate), and the size below which a segment is flagged as small.
 *
 * @param weights metric name → weight (> 0)
 * @param minSize segments with fewer accounts than this are flagged, not hidden
 */
public record IcpIndex(Map<String, Double> weights, int minSize) {

    /** Metrics an ICP index may weigh. */
    public static final java.util.List<String> METRICS = java.util.List.of("win_rate", "conversion", "retained_12m",
            "nrr_12m", "ltv_cac", "ltv", "aov", "nps", "tickets_per_month", "culture_fit", "active_days_per_week",
            "expansion_mrr_12m", "cac", "sales_cycle_days");

    /** Documented defaults: the commercial outcomes the framework cares most about, NPS at half weight. */
    public static final IcpIndex DEFAULT = new IcpIndex(defaults(), 30);

    public IcpIndex {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    private static Map<String, Double> defaults() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("win_rate", 1.0);
        m.put("retained_12m", 1.0);
        m.put("nrr_12m", 1.0);
        m.put("ltv_cac", 1.0);
        m.put("nps", 0.5);
        return m;
    }
}
