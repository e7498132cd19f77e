package org.icpengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icp validate} end to end on a demo workspace. */
class ValidateCommandIT {

    @TempDir
    static Path tmp;

    static Path ws;
    static CliRun table;

    @BeforeAll
    static void validate() {
        ws = FitScoreWorkspace.create(tmp.resolve("ws"), 1500);
        table = CliRun.icp("validate", "--workspace", ws.toString());
    }

    @Test
    void validatePrintsTheModelsSideBySideWithAVerdictAndWritesTheReport() throws Exception {
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Validation as of 2026-06-30", "Side by side (test split)",
                "AUC [95% DeLong]", "fit (learned): ", "conversion (learned): ", "health (learned): ",
                "kickoff-workshop-2026 (hand-written): ", "median LTV/CAC", "lift by decile:", "Method: ",
                "Wrote " + ws.resolve("out").resolve("validation.json"));
        JsonNode json = new ObjectMapper().readTree(Files.readString(ws.resolve("out/validation.json")));
        assertThat(json.get("asOf").asText()).isEqualTo("2026-06-30");
        assertThat(json.get("models").get(0).get("name").asText()).isEqualTo("fit");
        assertThat(json.get("models").get(0).get("auc").get("lower").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void jsonFormatPrintsTheSameReportAsTheFile() throws Exception {
        CliRun r = CliRun.icp("validate", "-w", ws.toString(), "--format", "json", "--as-of", "2026-06-30");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("models")).hasSize(4);
        assertThat(json.get("models").get(0).get("verdict").asText()).isNotBlank();
        assertThat(r.out()).isEqualTo(Files.readString(ws.resolve("out/validation.json")));
    }

    @Test
    void aBadFormatExitsTwo() {
        CliRun r = CliRun.icp("validate", "-w", ws.toString(), "--format", "csv");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("expected table or json, got 'csv'");
    }

    @Test
    void validateWithoutAStoreExitsTwo(@TempDir Path empty) {
        assertThat(CliRun.icp("init", empty.resolve("new").toString()).exitCode()).isZero();
        CliRun r = CliRun.icp("validate", "-w", empty.resolve("new").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("run 'icp ingest' first");
    }
}
