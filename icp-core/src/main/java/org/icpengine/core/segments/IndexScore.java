package org.icpengine.core.segments;

import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The ICP index of a segment: {@code 100 × Σ w_m · r_m / Σ w_m} over the weighted metrics m that are
 * available, where {@code r_m} compares the segment's shrunk value with the population's value:
 * <ul>
 *   <li>{@code segment / population} for metrics where higher is better, {@code population / segment} for the
 *       others ({@code cac}, {@code sales_cycle_days}, {@code tickets_per_month});</li>
 *   <li>NPS (−100..100) is shifted by +100 first, so that a ratio of two values means something;</li>
 *   <li>each ratio is clipped to [0, {@value #MAX_RATIO}], so that one metric cannot outweigh the others (a
 *       segment with a CAC of 0 gets the maximum);</li>
 *   <li>a metric is skipped when its weight is 0, the segment or population value is missing (NaN), or the
 *       population value is not positive (no ratio can be formed).</li>
 * </ul>
 * The population itself scores 100 when every weighted metric is available; the index is NaN when none is.
 */
final class IndexScore {

    /**
     * The largest ratio one metric can contribute: a segment three times as good as the average account on one
     * metric is exceptional already, and the clip keeps one metric (typically LTV/CAC of a segment of one or two
     * customers) from deciding the rank on its own.
     */
    static final double MAX_RATIO = 3;

    private IndexScore() {
    }

    /**
     * The index from the segment's and the population's values.
     *
     * @param weights    metric name → weight; names that are not {@link SegmentMetric}s are ignored
     * @param segment    the segment's (shrunk) value of a metric, NaN for none
     * @param population the population's value of a metric, NaN for none
     */
    static double index(Map<String, Double> weights, ToDoubleFunction<SegmentMetric> segment,
                        ToDoubleFunction<SegmentMetric> population) {
        double sum = 0;
        double total = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            SegmentMetric m = SegmentMetric.byName(e.getKey()).orElse(null);
            double w = e.getValue() == null ? 0 : e.getValue();
            if (m == null || !(w > 0)) {
                continue;
            }
            double r = ratio(m, segment.applyAsDouble(m), population.applyAsDouble(m));
            if (Double.isNaN(r)) {
                continue;
            }
            sum += w * r;
            total += w;
        }
        return total == 0 ? Double.NaN : 100 * sum / total;
    }

    /** The clipped ratio of one metric, NaN when it is skipped. */
    static double ratio(SegmentMetric m, double segment, double population) {
        if (Double.isNaN(segment) || Double.isNaN(population)) {
            return Double.NaN;
        }
        double s = m == SegmentMetric.NPS ? segment + 100 : segment;
        double p = m == SegmentMetric.NPS ? population + 100 : population;
        if (!(p > 0)) {
            return Double.NaN;
        }
        double r;
        if (m.higherIsBetter()) {
            r = s / p;
        } else {
            r = s > 0 ? p / s : MAX_RATIO;
        }
        return Math.max(0, Math.min(MAX_RATIO, r));
    }
}
