package org.icpengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icp fit} end to end on a demo workspace. */
class FitCommandIT {

    @TempDir
    static Path tmp;

    static Path ws;
    static CliRun first;

    @BeforeAll
    static void fit() {
        ws = FitScoreWorkspace.create(tmp.resolve("ws"), 1500);
        first = CliRun.icp("fit", "--workspace", ws.toString(), "--seed", "7");
    }

    @Test
    void fitPrintsTheScoringTablesAndWritesModelFilesAndPlaybookTables() throws Exception {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Scorecard fit (learned), label: ideal:", "criterion", "points",
                "Scorecard conversion", "Scorecard health", "Scorecard kickoff-workshop-2026 (hand-written)",
                "tiers: A >= ", "Wrote 4 models to");
        Path models = ws.resolve("out/models");
        for (String name : new String[] {"fit", "conversion", "health", "kickoff-workshop-2026"}) {
            assertThat(models.resolve(name + ".json")).exists();
            assertThat(Files.readString(models.resolve(name + ".csv"))).startsWith("criterion,bin,points,accounts,rate\n");
            assertThat(Files.readString(models.resolve(name + ".md"))).contains("| Criterion | Bin | Points |");
        }
    }

    @Test
    void fittingAgainWithTheSameSeedWritesTheSameBytes() throws Exception {
        byte[] before = Files.readAllBytes(ws.resolve("out/models/fit.json"));
        CliRun again = CliRun.icp("fit", "-w", ws.toString(), "--seed", "7");
        assertThat(again.exitCode()).isZero();
        assertThat(Files.readAllBytes(ws.resolve("out/models/fit.json"))).isEqualTo(before);
    }

    @Test
    void fitWithoutAStoreExitsTwo(@TempDir Path empty) {
        CliRun init = CliRun.icp("init", empty.resolve("new").toString());
        assertThat(init.exitCode()).isZero();
        CliRun r = CliRun.icp("fit", "-w", empty.resolve("new").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("run 'icp ingest' first");
    }

    @Test
    void aBadDateExitsTwo() {
        CliRun r = CliRun.icp("fit", "-w", ws.toString(), "--as-of", "last year");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("expected a date yyyy-mm-dd");
    }
}
