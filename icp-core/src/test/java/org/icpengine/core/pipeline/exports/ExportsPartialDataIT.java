package org.icpengine.core.pipeline.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.icpengine.core.demo.DemoGenerator;
import org.icpengine.core.demo.DemoSettings;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.pipeline.model.FitReport;
import org.icpengine.core.pipeline.model.ModelFile;
import org.icpengine.core.pipeline.model.Models;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of a workspace with only accounts and opportunities: every file written, the gaps noted. */
class ExportsPartialDataIT {

    @TempDir
    Path dir;

    @Test
    void accountsAndDealsOnlyWriteEveryFileAndNoteWhatIsMissing() throws IOException {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(1200).withSeed(5)).generate(dir);
        Path yaml = dir.resolve("icp.yaml");
        Files.writeString(yaml, Files.readString(yaml).replaceAll("(?m)^  (subscriptions|usage_events|nps_responses"
                + "|support_tickets|spend|research_notes):\\n    path: [^\\n]*\\n(    list_separator: [^\\n]*\\n)?", ""));
        Workspace ws = Workspace.open(dir);
        assertThat(ws.config().sources()).hasSize(2);
        Ingestor.run(ws);
        LocalDate asOf = ws.config().asOf().orElseThrow();
        ExportReport report;
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            FitReport fit = Models.fit(engine, ws.config(), asOf, 1);
            for (ModelFile m : fit.models()) {
                m.write(ws.outDir().resolve("models"));
            }
            report = Exports.run(engine, ws.config(), asOf, ws.outDir());
        }
        assertThat(report.files()).hasSize(5).allSatisfy(f -> assertThat(f.path()).exists());
        assertThat(report.notes()).anyMatch(n -> n.contains("hand-written scorecard 'kickoff-workshop-2026'"))
                .anyMatch(n -> n.contains("no discovery report"))
                .anyMatch(n -> n.contains("product_use_cases.csv: no usage events"))
                .anyMatch(n -> n.contains("cs_watchlist.csv: no usage events, NPS answers or support tickets"));

        CsvRows sales = CsvRows.read(report.file("sales_priority.csv").path());
        assertThat(sales.rows()).isNotEmpty();
        assertThat(sales.column("tier")).allMatch(t -> !t.isEmpty());
        assertThat(sales.column("p_win")).allMatch(p -> !p.isEmpty());
        assertThat(sales.column("expected_value")).as("no fit model, no LTV").allMatch(String::isEmpty);
        double previous = 1;
        for (String p : sales.column("p_win")) {
            assertThat(Double.parseDouble(p)).isLessThanOrEqualTo(previous);
            previous = Double.parseDouble(p);
        }
        assertThat(CsvRows.read(report.file("marketing_audiences.csv").path()).rows()).isNotEmpty();
        assertThat(CsvRows.read(report.file("product_use_cases.csv").path()).rows()).isEmpty();
        assertThat(CsvRows.read(report.file("cs_watchlist.csv").path()).rows()).isEmpty();
        assertThat(dir.resolve("out/exports/README.txt")).content().contains("Notes", "no usage events");
    }

    @Test
    void withNoModelAtAllTheFilesAreStillWritten() throws IOException {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(300).withSeed(2)).generate(dir);
        Workspace ws = Workspace.open(dir);
        Ingestor.run(ws);
        ExportReport report;
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            report = Exports.run(engine, ws.config(), ws.config().asOf().orElseThrow(), ws.outDir());
        }
        assertThat(report.notes()).anyMatch(n -> n.contains("account metrics as of"))
                .anyMatch(n -> n.contains("no fit model and no hand-written scorecard"));
        CsvRows sales = CsvRows.read(report.file("sales_priority.csv").path());
        assertThat(sales.rows()).isNotEmpty();
        assertThat(sales.column("score")).allMatch(String::isEmpty);
        assertThat(sales.column("account_id")).isSorted();
    }
}
