package org.icpengine.server.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.icpengine.core.pipeline.discover.Discovery;
import org.icpengine.core.pipeline.validate.Validation;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.server.internal.ApiException;

import io.javalin.http.Context;
import io.javalin.http.ContentType;

/**
 * {@code GET /api/v1/discovery} and {@code GET /api/v1/validation}: the JSON files {@code icp discover} and
 * {@code icp validate} wrote under {@code out/}, as they are (read on each request, so a re-run shows at once).
 * 404 when the step has not been run.
 */
public final class ResultsController {

    private final Workspace workspace;

    /** A controller over a workspace's {@code out/}. */
    public ResultsController(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** Handles {@code GET /api/v1/discovery}: {@code out/discover.json}. */
    public void discovery(Context ctx) {
        send(ctx, workspace.outDir().resolve(Discovery.FILE_NAME), "icp discover");
    }

    /** Handles {@code GET /api/v1/validation}: {@code out/validation.json}. */
    public void validation(Context ctx) {
        send(ctx, workspace.outDir().resolve(Validation.FILE), "icp validate");
    }

    private static void send(Context ctx, Path file, String command) {
        if (!Files.isRegularFile(file)) {
            throw ApiException.notFound("no " + file.getFileName() + " yet; run '" + command + "' first");
        }
        try {
            ctx.contentType(ContentType.APPLICATION_JSON).result(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
