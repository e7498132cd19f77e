package org.icpengine.core.pipeline.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "partial data is the normal case": a workspace holding only accounts and opportunities. Customers
 * exist (won deals) and are mature, but without subscriptions and spend {@code retained_12m}, {@code nrr_12m} and
 * {@code ltv_cac} are null, so {@code ideal} is unknown for everyone: every part is skipped with a note naming the
 * data that would enable it, and nothing fails.
 */
class PartialDataIT {

    static final LocalDate T = LocalDate.of(2026, 6, 30);

    @TempDir
    Path dir;

    /** Writes icp.yaml and 60 accounts, 40 of them with a deal closed in 2024 (won or lost). */
    static Path accountsAndOpportunities(Path dir) throws IOException {
        Files.writeString(dir.resolve("icp.yaml"), """
                as_of: 2026-06-30
                sources:
                  accounts: { path: data/accounts.csv }
                  opportunities: { path: data/opportunities.csv }
                tech_stack_flags: [snowflake]
                """);
        StringBuilder accounts = new StringBuilder("account_id,industry,employees,country,tech_stack\n");
        StringBuilder deals = new StringBuilder("opportunity_id,account_id,stage,amount,created_at,closed_at\n");
        String[] industries = {"SaaS", "Retail", "Fintech"};
        for (int i = 0; i < 60; i++) {
            accounts.append("a").append(i).append(',').append(industries[i % 3]).append(',').append(20 + 7 * i)
                    .append(',').append(i % 2 == 0 ? "Germany" : "France").append(',')
                    .append(i % 4 == 0 ? "snowflake" : "").append('\n');
            if (i < 40) {
                deals.append("o").append(i).append(",a").append(i).append(',').append(i % 3 == 0 ? "lost" : "won")
                        .append(',').append(1000 + 10 * i).append(",2024-01-10,2024-03-").append(10 + i % 15).append('\n');
            }
        }
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/accounts.csv"), accounts);
        Files.writeString(dir.resolve("data/opportunities.csv"), deals);
        return dir;
    }

    @Test
    void onlyAccountsAndOpportunitiesSkipsEveryPartWithTheDataThatWouldEnableIt() throws IOException {
        Workspace ws = Workspace.open(accountsAndOpportunities(dir));
        Ingestor.run(ws);

        DiscoveryReport report;
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            report = Discovery.run(engine, ws.config(), T);
        }

        assertThat(report.population().accounts()).isEqualTo(60);
        assertThat(report.population().customers()).isEqualTo(26);
        assertThat(report.population().mature()).isEqualTo(26);
        assertThat(report.population().labelled()).isZero();
        assertThat(report.population().idealRate()).isNull();
        assertThat(report.indicators()).isEmpty();
        assertThat(report.rules()).isEmpty();
        assertThat(report.personas()).isEmpty();
        assertThat(report.skipped()).containsOnlyKeys("indicators", "rules", "personas");
        assertThat(report.skipped().get("rules")).startsWith("the ideal outcome cannot be learned: the ideal outcome "
                        + "is unknown for every mature customer")
                .endsWith("data that would enable it: subscriptions (retained_12m, nrr_12m), subscriptions and spend "
                        + "(ltv_cac)");
        assertThat(report.notes()).contains("account metrics as of 2026-06-30 were computed for this run");
        assertThat(Discovery.fromJson(Discovery.toJson(report))).isEqualTo(report);
    }

    @Test
    void noMatureCustomerYetSaysSo() throws IOException {
        Workspace ws = Workspace.open(accountsAndOpportunities(dir));
        Ingestor.run(ws);

        DiscoveryReport report;
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            report = Discovery.run(engine, ws.config(), LocalDate.of(2024, 12, 31));
        }

        assertThat(report.population().mature()).isZero();
        assertThat(report.skipped().get("indicators")).contains("no customer was acquired 12 months or more before "
                + "the date");
    }
}
