package org.icpengine.core.pipeline.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.metrics.MetricsRun;
import org.icpengine.core.engine.ResultTable;

/**
 * The {@code account_metrics} snapshots of a backtest: dates {@code asOf − k × }{@value #STEP_MONTHS}{@code  months}
 * (k = 0, 1, …, each computed from {@code asOf} directly so that month ends do not drift), computed on first use
 * and kept in memory by account. Every snapshot holds only what was known on its date
 * ({@link AccountMetrics#compute}), so a value read from the snapshot on or before a cut-off is point in time.
 *
 * <p>Only the notes of the {@code asOf} snapshot are kept. Computing a snapshot replaces the stored {@code account_metrics} rows of its date. Not thread-safe.
 */
final class Snapshots {

    /** Months between two snapshots. */
    static final int STEP_MONTHS = 3;

    private final AccountMetrics metrics;
    private final LocalDate asOf;
    private final List<String> notes;
    private final Map<LocalDate, Map<String, Object[]>> byDate = new TreeMap<>();
    private List<String> columns;

    Snapshots(AccountMetrics metrics, LocalDate asOf, List<String> notes) {
        this.metrics = metrics;
        this.asOf = asOf;
        this.notes = notes;
    }

    /** The grid date {@code k} steps before {@code asOf}. */
    LocalDate step(int k) {
        return asOf.minusMonths((long) STEP_MONTHS * k);
    }

    /** The latest snapshot date on or before {@code day} (at most {@code asOf}). */
    LocalDate onOrBefore(LocalDate day) {
        int k = 0;
        while (step(k).isAfter(day)) {
            k++;
        }
        return step(k);
    }

    /** The earliest snapshot date on or after {@code day}; {@code day} must not be after {@code asOf}. */
    LocalDate onOrAfter(LocalDate day) {
        int k = 0;
        while (!step(k + 1).isBefore(day)) {
            k++;
        }
        return step(k);
    }

    /** The rows of the snapshot of {@code date} by account_id, computing it on first use. */
    Map<String, Object[]> at(LocalDate date) {
        Map<String, Object[]> rows = byDate.get(date);
        if (rows == null) {
            MetricsRun run = metrics.compute(date);
            if (date.equals(asOf)) {
                // earlier snapshots repeat the same remarks about the data with other numbers
                notes.addAll(run.notes());
            }
            ResultTable table = metrics.read(date);
            columns = table.columns();
            int id = table.index("account_id");
            rows = new HashMap<>();
            for (Object[] r : table.rows()) {
                rows.put((String) r[id], r);
            }
            byDate.put(date, rows);
        }
        return rows;
    }

    /** The columns of every snapshot (those of {@code account_metrics}); call {@link #at} first. */
    List<String> columns() {
        return columns;
    }

    /** The dates computed so far, oldest first. */
    List<String> dates() {
        List<String> out = new ArrayList<>();
        byDate.keySet().forEach(d -> out.add(d.toString()));
        return out;
    }
}
