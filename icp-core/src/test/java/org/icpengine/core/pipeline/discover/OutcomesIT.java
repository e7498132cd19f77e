package org.icpengine.core.pipeline.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.icpengine.core.config.ConfigLoader;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.pipeline.Outcomes;
import org.icpengine.core.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Outcomes} on a hand-made {@code account_metrics} table: who is a mature customer, that an unknown
 * condition is left out rather than counted as "not ideal", and why labels cannot be learned from.
 */
class OutcomesIT {

    static final LocalDate T = LocalDate.of(2026, 6, 30);

    @TempDir
    Path dir;

    WorkspaceConfig config;
    DuckDbEngine engine;

    @BeforeEach
    void store() throws IOException {
        Files.writeString(dir.resolve("icp.yaml"), "sources:\n  accounts: { path: data/accounts.csv }\n");
        config = ConfigLoader.loadWorkspace(dir);
        engine = DuckDbEngine.owning(Store.inMemory());
        List<String> defs = new ArrayList<>();
        AccountMetrics.columns(config).forEach((name, type) -> defs.add(Store.quoteIdent(name) + " " + type.sqlType()));
        engine.execute("CREATE TABLE " + AccountMetrics.TABLE + " (" + String.join(", ", defs) + ")");
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        engine.close();
    }

    private void row(LocalDate asOf, String id, Boolean customer, LocalDate since, Boolean retained, Double nrr,
                     Double ltvCac) {
        List<Object> values = new ArrayList<>(List.of(asOf, id));
        List<String> slots = new ArrayList<>(List.of("?", "?"));
        for (Object v : new Object[] {customer, since, retained, nrr, ltvCac}) {
            if (v == null) {
                slots.add("NULL");
            } else {
                slots.add("?");
                values.add(v);
            }
        }
        engine.execute(new SqlFragment("INSERT INTO " + AccountMetrics.TABLE + " (as_of, account_id, is_customer, "
                + "customer_since, retained_12m, nrr_12m, ltv_cac) VALUES (" + String.join(", ", slots) + ")", values));
    }

    @Test
    void onlyMatureCustomersAreLabelledAndUnknownConditionsAreLeftOut() {
        LocalDate old = LocalDate.of(2024, 5, 1);
        row(T, "ideal", true, old, true, 1.2, 4.0);
        row(T, "churned", true, old, false, null, 5.0);       // false AND NULL is false: known
        row(T, "low-nrr", true, old, true, 0.8, 4.0);
        row(T, "no-spend", true, old, true, 1.1, null);       // TRUE AND NULL is NULL: unknown
        row(T, "exactly-12m", true, T.minusMonths(12), true, 1.0, 3.0);
        row(T, "young", true, T.minusMonths(11), true, 2.0, 9.0);
        row(T, "prospect", false, null, null, null, null);
        row(LocalDate.of(2026, 1, 1), "other-date", true, old, true, 2.0, 9.0);

        Outcomes.Labels labels = Outcomes.at(engine, config, T);

        assertThat(labels.labels()).containsExactly(java.util.Map.entry("churned", false),
                java.util.Map.entry("exactly-12m", true), java.util.Map.entry("ideal", true),
                java.util.Map.entry("low-nrr", false));
        assertThat(labels.mature()).isEqualTo(5);
        assertThat(labels.unknown()).isEqualTo(1);
        assertThat(labels.ideal()).isEqualTo(2);
        assertThat(labels.columns()).containsExactlyInAnyOrder("retained_12m", "nrr_12m", "ltv_cac");
        assertThat(labels.unusableBecause()).isNull();
    }

    @Test
    void unusableBecauseNamesTheReason() {
        assertThat(Outcomes.at(engine, config, T).unusableBecause()).startsWith("no customer was acquired 12 months "
                + "or more before the date");

        row(T, "a", true, LocalDate.of(2024, 1, 1), true, 1.5, null);
        assertThat(Outcomes.at(engine, config, T).unusableBecause()).startsWith("the ideal outcome is unknown for every "
                + "mature customer: it reads ").contains("ltv_cac").contains("change 'ideal:' in icp.yaml");

        row(T, "b", true, LocalDate.of(2024, 1, 1), true, 1.5, 4.0);
        assertThat(Outcomes.at(engine, config, T).unusableBecause())
                .isEqualTo("all 1 labelled customers are ideal; a model needs both outcomes");

        row(T, "c", true, LocalDate.of(2024, 1, 1), false, 1.5, 4.0);
        assertThat(Outcomes.at(engine, config, T).unusableBecause()).isNull();
    }
}
