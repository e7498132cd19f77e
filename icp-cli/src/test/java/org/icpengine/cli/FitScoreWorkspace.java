package org.icpengine.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.icpengine.core.demo.DemoGenerator;
import org.icpengine.core.demo.DemoSettings;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.workspace.Workspace;

/** A small ingested demo workspace for the fit and score command tests. */
final class FitScoreWorkspace {

    private FitScoreWorkspace() {
    }

    static Path create(Path dir, int accounts) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        DemoGenerator.of(DemoSettings.defaults().withAccounts(accounts).withSeed(3)).generate(dir);
        Ingestor.run(Workspace.open(dir));
        return dir;
    }
}
