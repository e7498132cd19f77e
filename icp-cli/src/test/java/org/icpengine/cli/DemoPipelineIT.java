package org.icpengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icp demo} runs the whole pipeline and says where every output is. */
class DemoPipelineIT {

    @TempDir
    Path tmp;

    @Test
    void demoRunsEveryStepAndWritesEveryOutput() {
        Path dir = tmp.resolve("demo");
        CliRun run = CliRun.icp("demo", "--accounts", "1500", "--seed", "42", "--dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Pipeline as of 2026-06-30", "metrics", "segments", "best by ICP index",
                "discover", "out/discover.json", "fit", "out/models", "validate", "export", "out/exports",
                "Planted ICP:     Fintech or SaaS, 51-200 employees, uses snowflake", "Top rule found:  ");
        assertThat(run.out()).containsPattern("Top rule found: +\\S.*\\d+(\\.\\d+)?× the ideal rate, n = \\d+");
        assertThat(run.out()).contains("out/validation.json");
        assertThat(dir.resolve("out/discover.json")).exists();
        assertThat(dir.resolve("out/validation.json")).exists();
        for (String m : new String[] {"fit", "conversion", "health"}) {
            assertThat(dir.resolve("out/models/" + m + ".json")).exists();
            assertThat(dir.resolve("out/models/" + m + ".csv")).exists();
        }
        for (String f : new String[] {"marketing_audiences.csv", "marketing_audience_members.csv", "sales_priority.csv",
                "product_use_cases.csv", "cs_watchlist.csv", "README.txt"}) {
            assertThat(dir.resolve("out/exports/" + f)).exists();
        }
    }
}
