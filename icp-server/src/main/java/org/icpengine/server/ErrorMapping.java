package org.icpengine.server;

import java.util.LinkedHashMap;
import java.util.Map;

import org.icpengine.errors.InputException;
import org.icpengine.server.internal.ApiException;
import org.icpengine.server.internal.Bodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;

/**
 * The one place where failures become HTTP answers: always {@code {"error":{"code":…,"message":…}}}, never a
 * stack trace. {@link ApiException} gives its own status and code; {@link InputException} (a bad parameter, an
 * expression the parser rejects) is 400 {@code bad_input} with its message; Javalin's own answers (413 from its
 * body limit, 404 for an unknown route) keep their status; anything else is a bug: 500 {@code internal} with a
 * generic message, its stack trace logged on the server only.
 */
final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private final long maxBody;

    ErrorMapping(long maxBody) {
        this.maxBody = maxBody;
    }

    void install(Javalin app) {
        app.exception(ApiException.class, this::api);
        app.exception(InputException.class, this::input);
        app.exception(HttpResponseException.class, this::javalin);
        app.exception(Exception.class, this::internal);
        app.error(404, this::notFound);
        app.error(405, ctx -> {
            if (ctx.resultInputStream() == null) {
                send(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path());
            }
        });
    }

    private void api(ApiException e, Context ctx) {
        if (e.status() == 401) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer realm=\"icp\"");
        }
        send(ctx, e.status(), e.code(), e.getMessage());
    }

    private void input(InputException e, Context ctx) {
        send(ctx, 400, "bad_input", e.getMessage());
    }

    private void javalin(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 413 -> send(ctx, 413, "body_too_large", Bodies.tooLarge(maxBody).getMessage());
            case 404 -> send(ctx, 404, "not_found", "no route " + ctx.method() + " " + ctx.path());
            case 400 -> send(ctx, 400, "bad_request", "the request is malformed");
            default -> send(ctx, e.getStatus(), "http_" + e.getStatus(), "the request could not be served");
        }
    }

    private void internal(Exception e, Context ctx) {
        LOG.error("internal error serving {} {}", ctx.method(), ctx.path(), e);
        send(ctx, 500, "internal", "internal error; the server log has the details");
    }

    private void notFound(Context ctx) {
        if (ctx.resultInputStream() == null) {
            send(ctx, 404, "not_found", "no route " + ctx.method() + " " + ctx.path());
        }
    }

    static void send(Context ctx, int status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        ctx.status(status).json(Map.of("error", error));
    }
}
