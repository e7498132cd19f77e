package org.icpengine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.icpengine.cli.CliRun.icp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icp demo} names its report; {@code icp report} then reads the pipeline's outputs under out/. */
class ReportCommandIT {

    @TempDir
    Path tmp;

    @Test
    void demoWritesTheReportAndReportRebuildsItFromTheOutputs() throws IOException {
        Path ws = tmp.resolve("demo");
        CliRun demo = icp("demo", "--accounts", "1500", "--dir", ws.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).containsPattern("Report: +\\S*out/reports/icp-report-\\d{4}-\\d{2}-\\d{2}\\.html");

        CliRun r = icp("report", "--workspace", ws.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote ").contains("latest.html");
        Path latest = ws.resolve("out/reports/latest.html");
        String html = Files.readString(latest, StandardCharsets.UTF_8);
        assertThat(html).contains("<h2>Validation</h2>").contains("id=\"chart-roc\"").contains("sales_priority.csv")
                .doesNotContain("computed for this report");
    }

    @Test
    void reportWithoutAStoreSaysToIngestFirst() {
        CliRun r = icp("report", "--workspace", tmp.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("\tat ");
    }
}
