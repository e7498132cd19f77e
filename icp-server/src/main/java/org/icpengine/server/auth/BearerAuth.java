package org.icpengine.server.auth;

import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.icpengine.server.internal.ApiException;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;

/**
 * The before-handler of every {@code /api} route: lets a request through only with
 * {@code Authorization: Bearer <key>} naming a stored {@link ApiKeys key}, and answers 401 {@code unauthorized}
 * otherwise (with {@code WWW-Authenticate: Bearer}), before any route or 404 is reached, so that nothing about
 * the API's data is visible without a key. Paths in {@code publicPaths} are let through without a key.
 */
public final class BearerAuth implements Handler {

    private static final String SCHEME = "Bearer ";

    private final Supplier<ApiKeys> keys;
    private final Set<String> publicPaths;

    /**
     * A check against the keys {@code keys} gives at each request.
     *
     * @param keys        the stored keys (such as a {@link KeyFileWatch})
     * @param publicPaths exact request paths that need no key (the OpenAPI document)
     */
    public BearerAuth(Supplier<ApiKeys> keys, Set<String> publicPaths) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.publicPaths = Set.copyOf(publicPaths);
    }

    @Override
    public void handle(Context ctx) {
        if (publicPaths.contains(ctx.path())) {
            return;
        }
        String header = ctx.header(Header.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw unauthorized("this API needs a key: send 'Authorization: Bearer <key>' (create one with 'icp serve --new-key')");
        }
        if (header.length() < SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw unauthorized("the Authorization header must be 'Bearer <key>'");
        }
        if (!keys.get().matches(header.substring(SCHEME.length()).strip())) {
            throw unauthorized("the API key is not valid");
        }
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }
}
