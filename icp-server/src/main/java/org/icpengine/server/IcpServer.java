package org.icpengine.server;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.icpengine.core.pipeline.model.ModelFile;
import org.icpengine.core.pipeline.model.Scoring;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.InputException;
import org.icpengine.server.auth.ApiKeys;
import org.icpengine.server.auth.BearerAuth;
import org.icpengine.server.auth.KeyFileWatch;
import org.icpengine.server.data.ChartsController;
import org.icpengine.server.data.ExportsController;
import org.icpengine.server.data.MetricsController;
import org.icpengine.server.data.ResultsController;
import org.icpengine.server.data.SegmentsController;
import org.icpengine.server.data.StoreAccess;
import org.icpengine.server.scoring.ModelsController;
import org.icpengine.server.scoring.ScoreController;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;

/**
 * The {@code icp serve} HTTP server of one workspace: a Javalin app with the JSON API under {@value #API}, built by
 * {@link #create} and not yet listening until {@link #start}.
 *
 * <p>The dashboard ({@link Dashboard}) is served at {@code /}: a public static page with its script and ECharts
 * under {@code /assets/}; it holds no data and calls the API with the key the user enters.
 *
 * <p>Security: it binds to {@link ServerSettings#host} (loopback by default); every {@code /api} request except
 * {@value #API}{@code /openapi.json} needs {@code Authorization: Bearer <key>} with a key of
 * {@link ApiKeys#file the workspace's key file} (401 otherwise); request bodies are limited to
 * {@link ServerSettings#maxBodyBytes} (413); every error is JSON without a stack trace ({@link ErrorMapping}).
 *
 * <p>Keys are re-read when the key file changes (at most once a second), so a key created with
 * {@code icp serve --new-key} while the server runs works at once.
 *
 * <p>The store is opened once for the server's lifetime and used by one request at a time ({@link StoreAccess});
 * models are read from {@code out/models/} once at creation, so a refit shows after a restart. Scoring uses no
 * store and runs in parallel on Jetty's thread pool.
 */
public final class IcpServer implements AutoCloseable {

    /** The prefix of every API route. */
    public static final String API = "/api/v1";

    /** The path of the OpenAPI document (public). */
    public static final String OPENAPI = API + "/openapi.json";

    /**
     * One registered route.
     *
     * @param method the HTTP method, such as {@code GET}
     * @param path   the path with {@code {param}} placeholders
     */
    public record Route(String method, String path) {
        /** Checks both parts are present. */
        public Route {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final Javalin app;
    private final StoreAccess store;
    private final ServerSettings settings;
    private final List<Route> routes;
    private final Map<String, Object> openApi;

    private IcpServer(Javalin app, StoreAccess store, ServerSettings settings, List<Route> routes,
                      Map<String, Object> openApi) {
        this.app = app;
        this.store = store;
        this.settings = settings;
        this.routes = routes;
        this.openApi = openApi;
    }

    /**
     * Builds the server over a workspace, not yet listening: loads its API keys and models and opens its store.
     *
     * @throws InputException if the workspace has no API key (create one with {@code icp serve --new-key}), no
     *                        store yet, or another process holds the store
     */
    public static IcpServer create(Workspace workspace, ServerSettings settings) {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(settings, "settings");
        KeyFileWatch keys = new KeyFileWatch(ApiKeys.file(workspace));
        if (keys.get().isEmpty()) {
            throw new InputException("the workspace has no API key in " + ApiKeys.file(workspace)
                    + "; create one with 'icp serve --new-key'");
        }
        List<ModelFile> models = ModelFile.readAll(workspace.outDir().resolve("models"));
        Scoring scoring = models.isEmpty() ? null : Scoring.of(models, workspace.config());
        StoreAccess store = StoreAccess.open(workspace);
        try {
            return build(workspace, settings, keys, models, scoring, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static IcpServer build(Workspace workspace, ServerSettings settings, KeyFileWatch keys, List<ModelFile> models,
                                   Scoring scoring, StoreAccess store) {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> openApi = OpenApi.document(version());
        BearerAuth auth = new BearerAuth(keys, Set.of(OPENAPI));
        MetricsController metrics = new MetricsController(store);
        SegmentsController segments = new SegmentsController(store);
        ResultsController results = new ResultsController(workspace);
        ChartsController charts = new ChartsController(workspace, segments);
        ExportsController exports = new ExportsController(workspace);
        ModelsController modelsController = new ModelsController(models);
        ScoreController score = new ScoreController(scoring, mapper, settings.maxBodyBytes());
        Dashboard dashboard = Dashboard.load();
        List<Route> routes = new CopyOnWriteArrayList<>();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.jetty.defaultHost = settings.host();
            config.jetty.defaultPort = settings.port();
            config.events.handlerAdded(info -> {
                // the API routes only: the dashboard's static page and assets are not part of the API document
                if (info.getHttpMethod().isHttpMethod() && info.getPath().startsWith(API)) {
                    routes.add(new Route(info.getHttpMethod().name(), info.getPath()));
                }
            });
            config.router.apiBuilder(() -> {
                before("/api/*", auth);
                get("/", dashboard::page);
                get(Dashboard.SCRIPT, dashboard::script);
                get(Dashboard.ECHARTS, dashboard::echarts);
                path(API, () -> {
                    get("openapi.json", ctx -> ctx.json(openApi));
                    get("metrics", metrics::list);
                    get("segments", segments::table);
                    get("discovery", results::discovery);
                    get("models", modelsController::list);
                    get("models/{name}", modelsController::one);
                    get("validation", results::validation);
                    get("exports", exports::list);
                    get("exports/{name}", exports::one);
                    get("charts/segments", charts::segments);
                    get("charts/validation/gains", charts::gains);
                    get("charts/validation/calibration", charts::calibration);
                    post("score", score::score);
                });
            });
        });
        new ErrorMapping(settings.maxBodyBytes()).install(app);
        return new IcpServer(app, store, settings, routes, openApi);
    }

    /** The Javalin app, for tests and embedding. */
    public Javalin app() {
        return app;
    }

    /**
     * Starts listening on the settings' host and port; returns this server.
     *
     * @throws InputException if the port is in use or the address is not one of this machine's (the server is
     *                        then closed)
     */
    public IcpServer start() {
        try {
            app.start(settings.host(), settings.port());
        } catch (JavalinBindException e) {
            close();
            throw new InputException("cannot listen on " + settings.host() + ":" + settings.port()
                    + " (in use, or not an address of this machine); choose another --port or --host");
        }
        return this;
    }

    /** The port listened on (the actual one when the settings asked for 0); only after {@link #start}. */
    public int port() {
        return app.port();
    }

    /** The base URL, such as {@code http://127.0.0.1:7070/}; only after {@link #start}. */
    public String url() {
        String h = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + h + ":" + port() + "/";
    }

    /** The settings. */
    public ServerSettings settings() {
        return settings;
    }

    /**
     * Every registered API route (HTTP methods only, not before-handlers), in registration order; the dashboard's
     * public page and assets ({@code /}, {@code /assets/...}) are left out.
     */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The OpenAPI document served at {@value #OPENAPI}. */
    public Map<String, Object> openApi() {
        return openApi;
    }

    /** The routes the OpenAPI document lists, as {@code METHOD path}. */
    public List<String> documentedRoutes() {
        return OpenApi.routes(openApi);
    }

    /** Stops listening and closes the store. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            store.close();
        }
    }

    private static String version() {
        String v = IcpServer.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
