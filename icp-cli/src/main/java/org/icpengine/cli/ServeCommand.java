package org.icpengine.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.icpengine.core.workspace.Workspace;
import org.icpengine.server.IcpServer;
import org.icpengine.server.ServerSettings;
import org.icpengine.server.auth.ApiKeys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code icp serve}: the JSON API of the workspace under {@code /api/v1} until interrupted; {@code icp serve
 * --new-key} creates an API key, prints it once and stores only its salted hash.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the workspace's results and scoring as a JSON API under /api/v1 (OpenAPI document at",
                "/api/v1/openapi.json) until interrupted with Ctrl-C. Every API request needs",
                "'Authorization: Bearer <key>'. If the workspace has no key yet, one is created and printed once;",
                "'--new-key' creates another. Only salted hashes of keys are stored, in .icp/api-keys.json.",
                "The server holds the store open: other icp commands wait until it stops."},
        footer = {"", "Examples:", "  icp serve", "  icp serve --port 8080 --workspace demo", "  icp serve --new-key"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerSettings.DEFAULT_PORT,
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServerSettings.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--new-key", description = "Create a new API key, print it once and exit.")
    boolean newKey;

    @Override
    public Integer call() throws InterruptedException {
        Workspace ws = workspace.open();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (newKey) {
            String key = ApiKeys.create(ApiKeys.file(ws), Clock.systemUTC());
            out.println("New API key (shown once; only its hash is stored in "
                    + IngestCommand.relative(ws, ApiKeys.file(ws)) + "):");
            out.println("  " + key);
            out.println("Send it as: Authorization: Bearer " + key);
            out.flush();
            return ExitCodes.OK;
        }
        ServerSettings settings = ServerSettings.defaults().withHost(host).withPort(port);
        if (!settings.loopback()) {
            err.println("icp: warning: listening on " + host + ", which is not a loopback address: other machines "
                    + "can reach the API (it still needs the key); use a TLS proxy in front of it");
            err.flush();
        }
        String created = null;
        if (ApiKeys.load(ApiKeys.file(ws)).isEmpty()) {
            created = ApiKeys.create(ApiKeys.file(ws), Clock.systemUTC());
        }
        IcpServer server = IcpServer.create(ws, settings).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "icp-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("ICP Engine API for " + ws.dir() + " at " + server.url() + "api/v1/");
        out.println("  Dashboard:        " + server.url() + " (asks for the API key)");
        out.println("  OpenAPI document: " + server.url() + "api/v1/openapi.json");
        if (created != null) {
            out.println("  API key (created now, shown once; only its hash is stored): " + created);
        } else {
            out.println("  API key: the one created earlier (create another with 'icp serve --new-key')");
        }
        out.println("  Try: curl -H 'Authorization: Bearer <key>' " + server.url() + "api/v1/models");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
