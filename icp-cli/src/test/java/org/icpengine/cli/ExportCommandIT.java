package org.icpengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icp export} through the command line. */
class ExportCommandIT {

    @TempDir
    static Path tmp;

    static Path ws;

    @BeforeAll
    static void workspace() {
        ws = FitScoreWorkspace.create(tmp.resolve("ws"), 800);
    }

    @Test
    void exportAfterFitWritesEveryTeamFileAndSaysWhere() throws Exception {
        assertThat(CliRun.icp("fit", "-w", ws.toString()).exitCode()).isZero();
        CliRun run = CliRun.icp("export", "--workspace", ws.toString(), "--as-of", "2026-06-30");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Team exports as of 2026-06-30 in out/exports", "marketing_audiences.csv",
                "marketing_audience_members.csv", "sales_priority.csv", "product_use_cases.csv", "cs_watchlist.csv");
        for (String f : new String[] {"marketing_audiences.csv", "marketing_audience_members.csv", "sales_priority.csv",
                "product_use_cases.csv", "cs_watchlist.csv", "README.txt"}) {
            assertThat(ws.resolve("out/exports/" + f)).exists();
        }
        assertThat(Files.readString(ws.resolve("out/exports/sales_priority.csv")))
                .startsWith("rank,account_id,name,domain,industry,employees_band,country,score,tier,p_win,expected_value,");
    }

    @Test
    void exportIsListedInHelp() {
        CliRun help = CliRun.icp("--help");
        assertThat(help.out()).contains("export");
        CliRun own = CliRun.icp("export", "--help");
        assertThat(own.exitCode()).isZero();
        assertThat(own.out()).contains("--as-of", "--workspace", "out/exports/");
    }

    @Test
    void exportWithoutAStoreOrWithABadDateExitsTwo(@TempDir Path empty) {
        assertThat(CliRun.icp("init", empty.resolve("new").toString()).exitCode()).isZero();
        CliRun r = CliRun.icp("export", "-w", empty.resolve("new").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("run 'icp ingest' first");
        CliRun bad = CliRun.icp("export", "-w", ws.toString(), "--as-of", "soon");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("expected a date yyyy-mm-dd");
    }
}
