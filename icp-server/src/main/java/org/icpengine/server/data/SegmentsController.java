package org.icpengine.server.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.icpengine.core.segments.Estimate;
import org.icpengine.core.segments.Segment;
import org.icpengine.core.segments.SegmentMetric;
import org.icpengine.core.segments.SegmentQuery;
import org.icpengine.core.segments.SegmentTable;
import org.icpengine.core.segments.Segments;
import org.icpengine.server.internal.ApiException;
import org.icpengine.server.internal.JsonValues;
import org.icpengine.server.internal.Paging;

import io.javalin.http.Context;

/**
 * {@code GET /api/v1/segments}: the segment table of {@code icp segments}, with its parameters:
 * {@code ?by=industry,employees_band} (required), {@code where=} (an expression of the expression language, compiled
 * by its parser to bind parameters; never pasted into SQL), {@code min_size=}, {@code sort=} and {@code as_of=}.
 * A bad expression or name answers 400 with the parser's message.
 */
public final class SegmentsController {

    private final StoreAccess store;

    /** A controller over the server's store. */
    public SegmentsController(StoreAccess store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Handles {@code GET /api/v1/segments}. */
    public void table(Context ctx) {
        SegmentTable t = compute(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("as_of", t.asOf().toString());
        out.put("dimensions", t.dimensions());
        out.put("available_dimensions", Segments.dimensions(store.config()));
        out.put("where", t.where());
        out.put("min_size", t.minSize());
        out.put("sort", t.sort());
        out.put("weights", t.weights());
        out.put("population", segment(t.population()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Segment s : t.segments()) {
            rows.add(segment(s));
        }
        out.put("segments", rows);
        out.put("notes", t.notes());
        ctx.json(out);
    }

    /**
     * The segment table of the request's {@code by}, {@code where}, {@code min_size}, {@code sort} and {@code as_of}
     * (shared with the segments chart of {@link ChartsController}).
     */
    SegmentTable compute(Context ctx) {
        String by = ctx.queryParam("by");
        if (by == null || by.isBlank()) {
            throw ApiException.badRequest("by is required: the dimensions to group by, such as by=industry,employees_band; "
                    + "dimensions: " + String.join(", ", Segments.dimensions(store.config())));
        }
        List<String> dims = Arrays.stream(by.split(",")).map(String::strip).toList();
        String minSize = ctx.queryParam("min_size");
        SegmentQuery q = SegmentQuery.by(dims).where(ctx.queryParam("where"))
                .minSize(minSize == null || minSize.isBlank() ? null : Paging.integer(ctx, "min_size", 0))
                .sort(ctx.queryParam("sort")).asOf(Dates.asOf(ctx));
        return store.with(engine -> Segments.compute(engine, store.config(), q));
    }

    private static Map<String, Object> segment(Segment s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", JsonValues.of(s.key()));
        m.put("label", s.key().isEmpty() ? "all accounts" : s.label());
        m.put("accounts", s.accounts());
        m.put("customers", s.customers());
        m.put("small", s.small());
        m.put("icp_index", JsonValues.number(s.icpIndex()));
        m.put("icp_rank", s.icpRank());
        m.put("ltv_source", s.ltvSource().name().toLowerCase(java.util.Locale.ROOT));
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (SegmentMetric metric : SegmentMetric.values()) {
            Estimate e = s.metric(metric);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", JsonValues.number(e.value()));
            v.put("lower", JsonValues.number(e.lower()));
            v.put("upper", JsonValues.number(e.upper()));
            v.put("shrunk", JsonValues.number(e.shrunk()));
            v.put("n", e.n());
            metrics.put(metric.metricName(), v);
        }
        m.put("metrics", metrics);
        return m;
    }
}
