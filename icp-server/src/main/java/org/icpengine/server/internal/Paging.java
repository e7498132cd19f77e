package org.icpengine.server.internal;

import io.javalin.http.Context;

/**
 * The {@code ?limit=&offset=} of a list route: {@code limit} 1 to {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}),
 * {@code offset} 0 or more (default 0). An offset past the end gives an empty page.
 *
 * @param limit  rows per page
 * @param offset rows skipped
 */
public record Paging(int limit, int offset) {

    /** Rows per page when none is asked for. */
    public static final int DEFAULT_LIMIT = 100;

    /** The largest page. */
    public static final int MAX_LIMIT = 10_000;

    /** Validates the bounds. */
    public Paging {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw ApiException.badRequest("offset must be 0 or more, got " + offset);
        }
    }

    /** The paging of a request. */
    public static Paging of(Context ctx) {
        return new Paging(integer(ctx, "limit", DEFAULT_LIMIT), integer(ctx, "offset", 0));
    }

    /** The first row of the page within {@code total} rows. */
    public int from(int total) {
        return Math.min(offset, total);
    }

    /** One past the last row of the page within {@code total} rows. */
    public int to(int total) {
        return (int) Math.min((long) offset + limit, total);
    }

    /** An integer query parameter, or {@code fallback} when absent or blank. */
    public static int integer(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer, got '" + v + "'");
        }
    }
}
