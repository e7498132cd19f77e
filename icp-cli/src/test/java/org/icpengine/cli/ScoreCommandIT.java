package org.icpengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icp score} end to end: a file in the accounts source's own format, with one bad row. */
class ScoreCommandIT {

    @TempDir
    static Path tmp;

    static Path ws;
    static Path input;

    @BeforeAll
    static void fitAndWriteAnInput() throws Exception {
        ws = FitScoreWorkspace.create(tmp.resolve("ws"), 1500);
        CliRun fit = CliRun.icp("fit", "-w", ws.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        List<String> lines = Files.readAllLines(ws.resolve("data/accounts.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int employees = header.indexOf("employee_count");
        List<String> out = new ArrayList<>(lines.subList(0, 21));
        String[] bad = lines.stream().skip(1).filter(l -> !l.contains("\"")).findFirst().orElseThrow().split(",", -1);
        bad[0] = "BAD-1";
        bad[employees] = "lots";
        out.add(String.join(",", bad));
        input = tmp.resolve("leads.csv");
        Files.write(input, out);
    }

    @Test
    void scoresEveryGoodRowKeepsTheInputColumnsAndReportsTheBadRow() throws Exception {
        Path output = tmp.resolve("scored.csv");
        CliRun r = CliRun.icp("score", "-w", ws.toString(), "--input", input.toString(), "--output", output.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("read 21 = scored 20 + rejected 1");
        assertThat(r.err()).contains("leads.csv:22 column employees value 'lots': not a whole number");
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(21);
        String inputHeader = Files.readAllLines(input).get(0);
        assertThat(lines.get(0)).startsWith(inputHeader + ",").contains("fit_score", "fit_tier", "fit_probability",
                "fit_reasons_gained", "fit_reasons_lost", "fit_missing_inputs", "conversion_score", "health_score",
                "kickoff-workshop-2026_score", "expected_value");
        assertThat(lines.get(1)).startsWith(Files.readAllLines(input).get(1).split(",")[0] + ",");
        assertThat(Files.readString(tmp.resolve("scored.rejected.csv"))).contains(",22,employees,lots,not a whole number");
    }

    @Test
    void oneModelOnly() throws Exception {
        Path output = tmp.resolve("fit-only.csv");
        CliRun r = CliRun.icp("score", "-w", ws.toString(), "-i", input.toString(), "-o", output.toString(), "--model", "fit");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String header = Files.readAllLines(output).get(0);
        assertThat(header).contains("fit_score").doesNotContain("conversion_score");
    }

    @Test
    void anUnknownModelOrAMissingFileExitsTwo() {
        CliRun r = CliRun.icp("score", "-w", ws.toString(), "-i", input.toString(), "-o", tmp.resolve("x.csv").toString(),
                "--model", "nope");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--model nope: no such model");
        CliRun missing = CliRun.icp("score", "-w", ws.toString(), "-i", tmp.resolve("none.csv").toString(), "-o",
                tmp.resolve("y.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("file not found");
    }
}
