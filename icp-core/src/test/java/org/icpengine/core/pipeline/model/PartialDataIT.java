package org.icpengine.core.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.icpengine.core.demo.DemoGenerator;
import org.icpengine.core.demo.DemoSettings;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace with only accounts and opportunities: fit and health are skipped with notes, conversion runs. */
class PartialDataIT {

    @TempDir
    Path dir;

    /** Generates a demo workspace and removes every source but accounts and opportunities from its icp.yaml. */
    static Workspace accountsAndDealsOnly(Path dir, int accounts) throws IOException {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(accounts).withSeed(5)).generate(dir);
        Path yaml = dir.resolve("icp.yaml");
        String text = Files.readString(yaml).replaceAll("(?m)^  (subscriptions|usage_events|nps_responses|support_tickets"
                + "|spend|research_notes):\\n    path: [^\\n]*\\n(    list_separator: [^\\n]*\\n)?", "");
        Files.writeString(yaml, text);
        return Workspace.open(dir);
    }

    @Test
    void fitAndHealthAreSkippedWithTheDataThatWouldEnableThemAndConversionRuns() throws IOException {
        Workspace ws = accountsAndDealsOnly(dir, 1200);
        assertThat(ws.config().sources()).hasSize(2);
        Ingestor.run(ws);
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            FitReport r = Models.fit(engine, ws.config(), ws.config().asOf().orElseThrow(), 1);

            assertThat(r.models()).extracting(ModelFile::name).containsExactly("conversion", "kickoff-workshop-2026");
            assertThat(r.skipped()).extracting(FitReport.Skipped::model).containsExactly("fit", "health");
            assertThat(r.skipped().get(0).reason()).contains("unknown for every mature customer");
            assertThat(r.skipped().get(1).reason()).contains("add sources.subscriptions");
            assertThat(r.model("kickoff-workshop-2026").orElseThrow().summary().population()).startsWith("customers at");
        }
    }
}
