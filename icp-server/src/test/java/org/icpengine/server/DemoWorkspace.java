package org.icpengine.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.icpengine.core.demo.DemoGenerator;
import org.icpengine.core.demo.DemoSettings;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.pipeline.discover.Discovery;
import org.icpengine.core.pipeline.exports.Exports;
import org.icpengine.core.pipeline.model.FitReport;
import org.icpengine.core.pipeline.model.ModelFile;
import org.icpengine.core.pipeline.model.Models;
import org.icpengine.core.pipeline.validate.Validation;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;

/**
 * A demo workspace with the whole pipeline run, built with the core APIs as {@code icp demo} does: generate,
 * ingest, metrics, discover, fit (model files written), validate and export.
 */
final class DemoWorkspace {

    private DemoWorkspace() {
    }

    static Workspace create(Path dir, int accounts) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DemoGenerator.of(DemoSettings.defaults().withAccounts(accounts).withSeed(7)).generate(dir);
        Workspace ws = Workspace.open(dir);
        Ingestor.run(ws);
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            store.ensureSchema(ws.config());
            LocalDate asOf = AccountMetrics.on(engine, ws.config()).defaultAsOf();
            AccountMetrics.on(engine, ws.config()).compute(asOf);
            Discovery.write(Discovery.run(engine, ws.config(), asOf), ws.outDir());
            FitReport fit = Models.fit(engine, ws.config(), asOf, 42);
            Path models = ws.outDir().resolve("models");
            for (ModelFile m : fit.models()) {
                m.write(models);
            }
            Validation.write(Validation.run(engine, ws.config(), asOf, 42), ws.outDir());
            Exports.run(engine, ws.config(), asOf, ws.outDir());
        }
        return ws;
    }

    /** Rows of a table of the (closed) store, or -1 if it does not exist. */
    static long rows(Workspace ws, String table) {
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            return engine.hasTable(table)
                    ? ((Number) engine.query("SELECT COUNT(*) AS n FROM " + table).rows().get(0)[0]).longValue() : -1;
        }
    }
}
