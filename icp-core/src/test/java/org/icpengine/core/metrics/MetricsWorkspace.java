package org.icpengine.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.icpengine.core.config.ConfigLoader;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.ingest.IngestReport;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;

/**
 * A workspace in a temporary folder for metric tests: write {@code icp.yaml} and source CSVs, ingest with a
 * fixed clock (so rows dated up to 2026-12-01 are accepted), compute the metrics on the real DuckDB store
 * and read them back by account.
 */
final class MetricsWorkspace {

    /** The clock of every ingest: a day late enough for the rows "after T" of the point-in-time tests. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

    /** The usual T of these tests. */
    static final LocalDate T = LocalDate.of(2026, 6, 30);

    final Path dir;

    MetricsWorkspace(Path dir) {
        this.dir = dir;
    }

    MetricsWorkspace yaml(String text) {
        return file(ConfigLoader.FILE_NAME, text);
    }

    MetricsWorkspace file(String relative, String content) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Workspace open() {
        return Workspace.open(dir);
    }

    /** Ingests every source; fails the test if a row is rejected. */
    MetricsWorkspace ingest() {
        Workspace ws = open();
        IngestReport report;
        try (Store store = Store.open(ws.storeFile())) {
            report = Ingestor.run(ws, store, CLOCK);
        }
        assertThat(report.rejected()).as("rejected rows in " + report.rejectedFiles()).isZero();
        return this;
    }

    /** Computes the metrics as of {@code t}. */
    MetricsRun compute(LocalDate t) {
        Workspace ws = open();
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            store.ensureSchema(ws.config());
            return AccountMetrics.on(engine, ws.config()).compute(t);
        }
    }

    /** The stored metrics of {@code t}. */
    ResultTable table(LocalDate t) {
        Workspace ws = open();
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            return AccountMetrics.on(engine, ws.config()).read(t);
        }
    }

    /** The stored metrics of {@code t} by account id, each row column → value. */
    Map<String, Map<String, Object>> rows(LocalDate t) {
        ResultTable table = table(t);
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (int i = 0; i < table.size(); i++) {
            Map<String, Object> row = table.row(i);
            out.put((String) row.get("account_id"), row);
        }
        return out;
    }

    /** Rows of a query on the store. */
    ResultTable query(String sql) {
        Workspace ws = open();
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            return engine.query(sql);
        }
    }

    /**
     * Asserts that {@code actual} holds exactly the columns of {@code expected} with equal values: numbers within
     * 1e-9 relative, everything else equal.
     */
    static void assertRow(String account, Map<String, Object> actual, Map<String, Object> expected) {
        assertThat(actual.keySet()).as(account + ": columns").containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object want = e.getValue();
            Object have = actual.get(e.getKey());
            String what = account + "." + e.getKey();
            if (want instanceof Double w) {
                assertThat(have).as(what).isInstanceOf(Double.class);
                assertThat((Double) have).as(what).isCloseTo(w, within(1e-9 * Math.max(1, Math.abs(w))));
            } else {
                assertThat(have).as(what).isEqualTo(want);
            }
        }
    }

    /** A mutable row: column → expected value, in insertion order. */
    static Map<String, Object> row(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** The given columns all null. */
    static Map<String, Object> nulls(List<String> columns) {
        Map<String, Object> m = new LinkedHashMap<>();
        columns.forEach(c -> m.put(c, null));
        return m;
    }
}
