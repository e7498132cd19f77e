package org.icpengine.server.data;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.icpengine.server.internal.ApiException;

import io.javalin.http.Context;

/** The {@code ?as_of=YYYY-MM-DD} parameter. */
final class Dates {

    private Dates() {
    }

    /** The {@code as_of} of a request, or {@code null} when absent. */
    static LocalDate asOf(Context ctx) {
        String v = ctx.queryParam("as_of");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("as_of must be a date YYYY-MM-DD, got '" + v + "'");
        }
    }
}
