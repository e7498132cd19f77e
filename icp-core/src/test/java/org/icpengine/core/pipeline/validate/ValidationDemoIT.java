package org.icpengine.core.pipeline.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.icpengine.core.demo.DemoGenerator;
import org.icpengine.core.demo.DemoSettings;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of {@code icp validate} on the demo company, validated once for the class. The size is a
 * system property ({@code icp.validate.demoAccounts}) so the default size can be confirmed by hand.
 */
class ValidationDemoIT {

    static final int ACCOUNTS = Integer.getInteger("icp.validate.demoAccounts", 2000);

    @TempDir
    static Path dir;

    static ValidationReport report;
    static JsonNode truth;

    @BeforeAll
    static void generateIngestAndValidate() throws IOException {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(ACCOUNTS).withSeed(42)).generate(dir);
        Workspace ws = Workspace.open(dir);
        Ingestor.run(ws);
        LocalDate asOf = ws.config().asOf().orElseThrow();
        long t = System.nanoTime();
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            report = Validation.run(engine, ws.config(), asOf, 42);
        }
        System.out.printf("validation of %d accounts took %.1f s%n", ACCOUNTS, (System.nanoTime() - t) / 1e9);
        truth = new ObjectMapper().readTree(dir.resolve("demo-truth.json").toFile());
        report.models().forEach(m -> System.out.println(m.name() + ": " + m.verdict()));
    }

    @Test
    void theFitScorecardsTestAucForIdealIsAtLeast075() {
        assertThat(truth.get("as_of").asText()).isEqualTo(report.asOf());
        ValidationReport.ModelValidation fit = report.model("fit").orElseThrow();
        assertThat(fit.auc().estimate()).isGreaterThanOrEqualTo(0.75);
        assertThat(fit.verdict()).startsWith("holds up");
    }

    @Test
    void tierAsMedianLtvCacIsAtLeastTwiceTierDs() {
        ValidationReport.ModelValidation fit = report.model("fit").orElseThrow();
        double a = fit.tier("A").orElseThrow().medianLtvCac();
        double d = fit.tier("D").orElseThrow().medianLtvCac();
        assertThat(a).isGreaterThanOrEqualTo(2 * d);
    }
}
