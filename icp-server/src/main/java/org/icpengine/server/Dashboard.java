package org.icpengine.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.icpengine.core.report.HtmlReport;

import io.javalin.http.Context;

/**
 * The dashboard at {@code /}: one static HTML page and one plain-JS file from this package's {@code dashboard/}
 * resources, plus ECharts served from its webjar (the library the HTML report inlines), all read once at creation.
 *
 * <p>The page and assets are public and hold no data; the page asks for the API key and sends it as
 * {@code Authorization: Bearer} on every {@code /api} request. A strict Content-Security-Policy allows scripts only
 * from this server, so nothing is loaded from the network.
 */
final class Dashboard {

    /** Where the page's script is served. */
    static final String SCRIPT = "/assets/dashboard.js";

    /** Where ECharts is served. */
    static final String ECHARTS = "/assets/echarts.min.js";

    private static final String CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final byte[] page;
    private final byte[] script;
    private final byte[] echarts;

    private Dashboard(byte[] page, byte[] script, byte[] echarts) {
        this.page = page;
        this.script = script;
        this.echarts = echarts;
    }

    /**
     * Reads the page, its script and ECharts from the classpath.
     *
     * @throws IllegalStateException if one is missing (a packaging bug)
     */
    static Dashboard load() {
        return new Dashboard(resource("org/icpengine/server/dashboard/index.html"),
                resource("org/icpengine/server/dashboard/dashboard.js"), resource(HtmlReport.ECHARTS));
    }

    void page(Context ctx) {
        send(ctx, "text/html; charset=utf-8", page);
    }

    void script(Context ctx) {
        send(ctx, "text/javascript; charset=utf-8", script);
    }

    void echarts(Context ctx) {
        send(ctx, "text/javascript; charset=utf-8", echarts);
    }

    private static void send(Context ctx, String type, byte[] body) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(type).result(body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Dashboard.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
