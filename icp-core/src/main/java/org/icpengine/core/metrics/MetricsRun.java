package org.icpengine.core.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one computation of the account metrics did: the date, how many rows it stored in
 * {@code account_metrics}, and the notes a person should read (missing tables, LTV fallbacks).
 *
 * @param asOf      the date the metrics are as of
 * @param accounts  rows stored (accounts created on or before {@code asOf}, or without a creation date)
 * @param customers of which customers on {@code asOf}
 * @param notes     one line per missing or empty table and per modelling fallback, in a stable order
 */
public record MetricsRun(LocalDate asOf, long accounts, long customers, List<String> notes) {

    /** Validates and copies the notes. */
    public MetricsRun {
        Objects.requireNonNull(asOf, "asOf");
        notes = List.copyOf(notes);
        if (accounts < 0 || customers < 0 || customers > accounts) {
            throw new IllegalArgumentException("need 0 <= customers <= accounts, got " + customers + " and " + accounts);
        }
    }
}
