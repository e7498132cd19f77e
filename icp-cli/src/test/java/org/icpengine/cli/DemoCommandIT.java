package org.icpengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code icp demo}: generates, ingests and summarizes; protects folders that are not earlier demos. */
class DemoCommandIT {

    @TempDir
    Path tmp;

    @Test
    void demoWritesAWorkspaceIngestsItAndSaysWhereThingsAre() throws Exception {
        Path dir = tmp.resolve("demo");
        CliRun run = CliRun.icp("demo", "--accounts", "300", "--seed", "5", "--dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("300 accounts", "usage_events", "rejected", ".icp/icp.duckdb", "demo-truth.json");
        assertThat(dir.resolve("icp.yaml")).exists();
        assertThat(dir.resolve("data/usage_events.csv")).exists();
        long accounts = count(dir, "accounts");
        assertThat(accounts).isEqualTo(300);
        assertThat(count(dir, "usage_events")).isPositive();
        assertThat(count(dir, "rejected_rows")).isZero();
    }

    @Test
    void aSecondRunReplacesAnEarlierDemo() throws Exception {
        Path dir = tmp.resolve("demo");
        assertThat(CliRun.icp("demo", "--accounts", "200", "--dir", dir.toString()).exitCode()).isZero();
        byte[] first = Files.readAllBytes(dir.resolve("data/accounts.csv"));
        CliRun again = CliRun.icp("demo", "--accounts", "200", "--dir", dir.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("data/accounts.csv"))).isEqualTo(first);
        assertThat(count(dir, "accounts")).isEqualTo(200);
    }

    @Test
    void aFolderThatIsNotAnEarlierDemoIsLeftAlone() throws IOException {
        Path dir = tmp.resolve("mine");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("icp.yaml"), "currency: EUR\n");
        CliRun run = CliRun.icp("demo", "--accounts", "200", "--dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not empty", "choose another --dir");
        assertThat(Files.readString(dir.resolve("icp.yaml"))).isEqualTo("currency: EUR\n");
    }

    @Test
    void aSizeOutOfRangeIsExitTwo() {
        CliRun run = CliRun.icp("demo", "--accounts", "3", "--dir", tmp.resolve("d").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--accounts");
    }

    private static long count(Path dir, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(".icp/icp.duckdb"));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
