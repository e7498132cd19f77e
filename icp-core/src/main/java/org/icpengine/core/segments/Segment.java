package org.icpengine.core.segments;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a {@link SegmentTable}: a segment's dimension values, sizes, metrics and ICP index. The
 * population row of a table has no dimension values.
 *
 * @param key       dimension name → value ({@link String} or {@link Boolean}; {@code null} where the account has
 *                  no value, which is a segment of its own), in the order of the query
 * @param accounts  accounts in the segment
 * @param customers customers among them
 * @param small     whether {@code accounts} is below the minimum size (the segment is flagged, not hidden)
 * @param icpIndex  the ICP index (100 = the population), or {@code NaN} when no weighted metric is available
 * @param icpRank   1-based position of the segment in ICP-index order (ties broken by more accounts, then by
 *                  dimension values), whatever the table is sorted by; 0 for the population row
 * @param ltvSource which retention model the LTV value comes from ({@link LtvSource#NONE} without a value); for
 *                  the population row, {@code SEGMENT…} means a model of the accounts that pass the filter
 * @param metrics   every {@link SegmentMetric}, in declaration order
 */
public record Segment(Map<String, Object> key, long accounts, long customers, boolean small, double icpIndex,
                      int icpRank, LtvSource ltvSource, Map<SegmentMetric, Estimate> metrics) {

    public Segment {
        key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
        Objects.requireNonNull(ltvSource, "ltvSource");
        EnumMap<SegmentMetric, Estimate> copy = new EnumMap<>(SegmentMetric.class);
        for (SegmentMetric m : SegmentMetric.values()) {
            copy.put(m, metrics.getOrDefault(m, Estimate.NONE));
        }
        metrics = Collections.unmodifiableMap(copy);
    }

    /** The estimate of one metric ({@link Estimate#NONE} if it has no data). */
    public Estimate metric(SegmentMetric metric) {
        return metrics.get(metric);
    }

    /** The segment's value of one dimension ({@code null} for none). */
    public Object value(String dimension) {
        if (!key.containsKey(dimension)) {
            throw new IllegalArgumentException("not a dimension of this segment: " + dimension + "; dimensions: "
                    + key.keySet());
        }
        return key.get(dimension);
    }

    /** The dimension values joined with " · " for people, {@code (none)} for a missing value. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : key.entrySet()) {
            if (sb.length() > 0) {
                sb.append(" · ");
            }
            sb.append(e.getValue() instanceof Boolean b ? (b ? "" : "not ") + e.getKey()
                    : e.getValue() == null ? "(none)" : e.getValue().toString());
        }
        return sb.length() == 0 ? "all accounts" : sb.toString();
    }

    Segment withRanking(double newIndex, int newRank) {
        return new Segment(key, accounts, customers, small, newIndex, newRank, ltvSource, metrics);
    }
}
