package org.icpengine.core.pipeline.validate;

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

/** A workspace with only accounts and opportunities: conversion is validated, the rest skipped with notes. */
class PartialDataValidationIT {

    @TempDir
    Path dir;

    @Test
    void modelsWithoutLabelsAreSkippedWithTheDataThatWouldEnableThemAndConversionIsValidated() throws IOException {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(1200).withSeed(5)).generate(dir);
        Path yaml = dir.resolve("icp.yaml");
        Files.writeString(yaml, Files.readString(yaml).replaceAll("(?m)^  (subscriptions|usage_events|nps_responses"
                + "|support_tickets|spend|research_notes):\\n    path: [^\\n]*\\n(    list_separator: [^\\n]*\\n)?", ""));
        Workspace ws = Workspace.open(dir);
        assertThat(ws.config().sources()).hasSize(2);
        Ingestor.run(ws);
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            ValidationReport r = Validation.run(engine, ws.config(), ws.config().asOf().orElseThrow(), 1);

            assertThat(r.models()).extracting(ValidationReport.ModelValidation::name).containsExactly("conversion");
            assertThat(r.skipped()).extracting(ValidationReport.Skipped::model)
                    .containsExactly("fit", "health", "kickoff-workshop-2026");
            assertThat(r.skipped().get(0).reason()).contains("unknown for every mature customer");
            assertThat(r.skipped().get(1).reason()).contains("add sources.subscriptions");
            assertThat(r.skipped().get(2).reason()).contains("validated against the ideal outcome");
            ValidationReport.ModelValidation conversion = r.model("conversion").orElseThrow();
            assertThat(conversion.tiers()).extracting(ValidationReport.TierOutcome::tier)
                    .containsExactly("A", "B", "C", "D");
            assertThat(conversion.tiers().get(0).medianLtv()).isNull();
            assertThat(Validation.toJson(r)).contains("\"medianLtv\" : null");
        }
    }
}
