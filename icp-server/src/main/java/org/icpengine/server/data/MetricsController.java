package org.icpengine.server.data;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.icpengine.core.engine.ResultTable;
import org.icpengine.server.internal.ApiException;
import org.icpengine.server.internal.JsonValues;
import org.icpengine.server.internal.Paging;

import io.javalin.http.Context;

/**
 * {@code GET /api/v1/metrics}: the account metrics of one date, a page at a time.
 *
 * <p>{@code ?as_of=} picks the date (default: the latest computed); {@code ?limit=&offset=} the page (see
 * {@link Paging}). Answers {@code as_of}, {@code total}, {@code limit}, {@code offset}, {@code columns} and
 * {@code rows} (objects keyed by column; {@code NaN} as {@code null}). 404 when no metrics were computed.
 */
public final class MetricsController {

    private final StoreAccess store;

    /** A controller over the server's store. */
    public MetricsController(StoreAccess store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Handles {@code GET /api/v1/metrics}. */
    public void list(Context ctx) {
        Paging page = Paging.of(ctx);
        LocalDate asOf = Dates.asOf(ctx);
        if (asOf == null) {
            asOf = store.latestMetricsDate();
            if (asOf == null) {
                throw ApiException.notFound("no account metrics yet; run 'icp metrics' first");
            }
        }
        ResultTable t = store.metrics(asOf);
        int total = t.size();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("as_of", asOf.toString());
        out.put("total", total);
        out.put("limit", page.limit());
        out.put("offset", page.offset());
        out.put("columns", t.columns());
        out.put("rows", JsonValues.rows(t, page.from(total), page.to(total)));
        ctx.json(out);
    }
}
