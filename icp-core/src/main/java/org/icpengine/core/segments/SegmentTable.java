package org.icpengine.core.segments;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link Segments#compute}: segments in the requested order, the population they are
 * compared with, and what was assumed on the way. Immutable.
 *
 * @param asOf       the {@code as_of} of the account metrics read
 * @param dimensions the dimensions, as declared in the workspace
 * @param where      the filter in canonical form, or {@code null} for all accounts
 * @param minSize    the small-segment threshold used
 * @param sort       the column sorted by (descending): {@code icp_index}, {@code accounts}, {@code customers} or a
 *                   metric name
 * @param population all accounts that pass the filter, as one row: the base of the ICP index (its index is 100
 *                   when every weighted metric is available)
 * @param segments   the segments, sorted; empty when no account passes the filter
 * @param weights    the ICP index weights used (metric name → weight)
 * @param notes      fallbacks taken (no shrinkage possible, LTV from the whole base, …), one sentence each
 */
public record SegmentTable(LocalDate asOf, List<String> dimensions, String where, int minSize, String sort,
                           Segment population, List<Segment> segments, Map<String, Double> weights,
                           List<String> notes) {

    public SegmentTable {
        Objects.requireNonNull(asOf, "asOf");
        dimensions = List.copyOf(dimensions);
        Objects.requireNonNull(population, "population");
        segments = List.copyOf(segments);
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        notes = List.copyOf(notes);
    }

    /** Number of small segments. */
    public long smallSegments() {
        return segments.stream().filter(Segment::small).count();
    }
}
