package org.icpengine.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.icpengine.cli.Icp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icp stats}: the published numbers of REFERENCE.md, reproduced from the command line. */
class StatsCommandTest {

    @TempDir
    Path tmp;

    private static Path reference(String relative) {
        String shared = System.getProperty("icp.shared.dir", "../../shared");
        return Path.of(shared, "data", "reference", relative);
    }

    private record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run icp(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Icp.run(args, o, e);
        }
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void sbgFitsBothPublishedCohortsFromThePercentAliveFile() throws IOException {
        Run r = icp("stats", "sbg", "--survival", reference("sbg-fader-hardie-2007/survival_pct.csv").toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode high = r.json().get("cohorts").get("highend");
        JsonNode regular = r.json().get("cohorts").get("regular");
        assertThat(high.get("alpha").asDouble()).isCloseTo(0.668, within(0.0005));
        assertThat(high.get("beta").asDouble()).isCloseTo(3.806, within(0.0005));
        assertThat(high.get("log_likelihood").asDouble()).isCloseTo(-1611.16, within(0.01));
        assertThat(regular.get("alpha").asDouble()).isCloseTo(0.704, within(0.0005));
        assertThat(regular.get("beta").asDouble()).isCloseTo(1.182, within(0.0005));
        assertThat(regular.get("log_likelihood").asDouble()).isCloseTo(-1680.27, within(0.01));
        assertThat(regular.get("calibration_periods").asInt()).isEqualTo(7);
        // holdout year 8, fitted on years 0..7 only
        JsonNode year8 = regular.get("survival").get(8);
        assertThat(year8.get("calibration").asBoolean()).isFalse();
        assertThat(year8.get("fitted_pct").asDouble()).isCloseTo(22.0, within(0.1));
        assertThat(high.get("survival").get(12).get("fitted_pct").asDouble()).isCloseTo(37.8, within(0.1));
    }

    @Test
    void sbgAcceptsTenureChurnedRowsAndPrintsATable() throws IOException {
        Path f = tmp.resolve("tenure.csv");
        StringBuilder b = new StringBuilder("tenure,churned\n");
        int[][] rows = {{1, 1}, {1, 1}, {2, 1}, {3, 0}, {3, 0}, {1, 1}, {2, 1}, {3, 0}, {2, 0}, {1, 1}};
        for (int[] row : rows) {
            b.append(row[0]).append(',').append(row[1]).append('\n');
        }
        Files.writeString(f, b);
        Run r = icp("stats", "sbg", "--survival", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("alpha", "beta", "log_likelihood", "derl_renewals_0_to_4");
    }

    @Test
    void bgnbdReproducesTheCdnowParameters() throws IOException {
        Run r = icp("stats", "bgnbd", "--summary", reference("cdnow/cdnow_customers_summary_with_transactions.csv").toString(),
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("r").asDouble()).isCloseTo(0.242593, within(1e-5));
        assertThat(j.get("alpha").asDouble()).isCloseTo(4.413532, within(1e-4));
        assertThat(j.get("a").asDouble()).isCloseTo(0.792886, within(1e-5));
        assertThat(j.get("b").asDouble()).isCloseTo(2.425752, within(1e-4));
        assertThat(j.get("log_likelihood").asDouble()).isCloseTo(-9582.43, within(0.01));
        assertThat(j.get("customers").asInt()).isEqualTo(2357);
    }

    @Test
    void bgnbdReadsTheLifetimesColumnNamesToo() throws IOException {
        Run r = icp("stats", "bgnbd", "--summary", reference("cdnow/cdnow_customers_summary.csv").toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("log_likelihood").asDouble()).isCloseTo(-9582.43, within(0.01));
    }

    @Test
    void paretoNbdReproducesTheCdnowLogLikelihood() throws IOException {
        Run r = icp("stats", "paretonbd", "--summary", reference("cdnow/cdnow_customers_summary_with_transactions.csv").toString(),
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("r").asDouble()).isCloseTo(0.553, within(0.0005));
        assertThat(j.get("s").asDouble()).isCloseTo(0.606, within(0.0005));
        assertThat(j.get("log_likelihood").asDouble()).isCloseTo(-9595.0, within(0.05));
    }

    @Test
    void gammaGammaReproducesParametersAndTheFirstExpectedSpends() throws IOException {
        Run r = icp("stats", "gammagamma", "--summary", reference("cdnow/cdnow_customers_summary_with_transactions.csv").toString(),
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("p").asDouble()).isCloseTo(6.25, within(0.01));
        assertThat(j.get("q").asDouble()).isCloseTo(3.74, within(0.01));
        assertThat(j.get("log_likelihood").asDouble()).isCloseTo(-4055.92, within(0.01));
        assertThat(j.get("customers_with_repeat_purchases").asInt()).isEqualTo(946);
        double[] published = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
        JsonNode rows = j.get("conditional_expected_spend_first_rows");
        for (int i = 0; i < published.length; i++) {
            assertThat(rows.get(i).get("expected_spend").asDouble()).as("customer %d", i + 1).isCloseTo(published[i], within(0.01));
        }
    }

    @Test
    void aMissingColumnIsExitTwoNamingTheFileAndHeader() throws IOException {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "customer,purchases\n1,2\n");
        Run r = icp("stats", "bgnbd", "--summary", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.csv", "repeat purchases", "the header has: customer, purchases");
    }

    @Test
    void aTextCellIsExitTwoNamingTheLineAndColumn() throws IOException {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "x,t_x,T\n1,2,3\n\n2,oops,5\n");
        Run r = icp("stats", "bgnbd", "--summary", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.csv:4", "column 't_x'", "expected a number");
    }

    @Test
    void dataThatCannotIdentifyTheModelIsExitTwoNotNaN() throws IOException {
        Path f = tmp.resolve("nochurn.csv");
        Files.writeString(f, "tenure,churned\n3,0\n4,0\n5,0\n");
        Run r = icp("stats", "sbg", "--survival", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsIgnoringCase("churn");
        assertThat(r.out()).doesNotContain("NaN");
    }

    @Test
    void aMissingFileIsExitTwo() {
        Run r = icp("stats", "gammagamma", "--summary", tmp.resolve("nope.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.csv", "file not found");
    }
}
