package org.icpengine.core.config;

import java.util.List;

/**
 * How lifetime value is modelled ({@code ltv:} in {@code icp.yaml}): the sBG retention model is fitted
 * per segment of {@code segment_by}; segments with fewer than {@code min_customers} customers use the
 * whole customer base instead.
 *
 * @param segmentBy    dimensions of the LTV segments (default {@code [industry]})
 * @param minCustomers smallest segment fitted on its own (default 50)
 */
public record LtvSettings(List<String> segmentBy, int minCustomers) {

    public static final LtvSettings DEFAULT = new LtvSettings(List.of("industry"), 50);

    public LtvSettings {
        segmentBy = List.copyOf(segmentBy);
    }
}
