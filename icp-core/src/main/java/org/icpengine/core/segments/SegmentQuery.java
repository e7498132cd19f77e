package org.icpengine.core.segments;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.icpengine.errors.InputException;

/**
 * What to segment and how: the dimensions to group by, an optional filter, the small-segment threshold, the
 * sort column and the date of the account metrics. Names are checked against the workspace by
 * {@link Segments#compute}, not here.
 *
 * <pre>{@code
 * SegmentQuery q = SegmentQuery.by("industry", "employees_band").where("region = 'EMEA'").minSize(20);
 * }</pre>
 *
 * @param dimensions dimension names, at least one, in output order
 * @param where      a filter in the expression language, or {@code null} for all accounts
 * @param minSize    segments with fewer accounts are flagged as small; {@code null} = {@code icp_index.min_size}
 * @param sort       the column to sort by, descending ({@code icp_index}, {@code accounts}, {@code customers} or a
 *                   {@link SegmentMetric} name); {@code null} = {@code icp_index}
 * @param asOf       the {@code as_of} of {@code account_metrics} to read; {@code null} = the latest
 */
public record SegmentQuery(List<String> dimensions, String where, Integer minSize, String sort, LocalDate asOf) {

    /**
     * Validates what can be checked without a workspace.
     *
     * @throws InputException if there is no dimension, a dimension is blank or {@code minSize < 1}
     */
    public SegmentQuery {
        Objects.requireNonNull(dimensions, "dimensions");
        if (dimensions.isEmpty()) {
            throw new InputException("segments need at least one dimension to group by");
        }
        for (String d : dimensions) {
            if (d == null || d.isBlank()) {
                throw new InputException("a segment dimension is empty; give names such as industry,employees_band");
            }
        }
        dimensions = List.copyOf(dimensions);
        if (where != null && where.isBlank()) {
            where = null;
        }
        if (minSize != null && minSize < 1) {
            throw new InputException("the minimum segment size must be at least 1, got " + minSize);
        }
        if (sort != null && sort.isBlank()) {
            sort = null;
        }
    }

    /** A query by these dimensions with every other setting at its default. */
    public static SegmentQuery by(String... dimensions) {
        return new SegmentQuery(List.of(dimensions), null, null, null, null);
    }

    /** A query by these dimensions with every other setting at its default. */
    public static SegmentQuery by(List<String> dimensions) {
        return new SegmentQuery(dimensions, null, null, null, null);
    }

    /** This query with a filter ({@code null} for none). */
    public SegmentQuery where(String newWhere) {
        return new SegmentQuery(dimensions, newWhere, minSize, sort, asOf);
    }

    /** This query with a small-segment threshold ({@code null} for the configured one). */
    public SegmentQuery minSize(Integer newMinSize) {
        return new SegmentQuery(dimensions, where, newMinSize, sort, asOf);
    }

    /** This query sorted by another column ({@code null} for the ICP index). */
    public SegmentQuery sort(String newSort) {
        return new SegmentQuery(dimensions, where, minSize, newSort, asOf);
    }

    /** This query on another date ({@code null} for the latest). */
    public SegmentQuery asOf(LocalDate newAsOf) {
        return new SegmentQuery(dimensions, where, minSize, sort, newAsOf);
    }
}
