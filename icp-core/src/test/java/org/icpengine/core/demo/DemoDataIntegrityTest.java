package org.icpengine.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the generated files against the rules ingestion enforces (DESIGN.md), on one small workspace. */
class DemoDataIntegrityTest {

    @TempDir
    static Path dir;

    static DemoWorkspace ws;
    static Instant endOfAsOf;

    @BeforeAll
    static void generate() throws IOException {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(500)).generate(dir);
        ws = DemoWorkspace.load(dir);
        endOfAsOf = ws.asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    void everyAccountIdInTheOtherTablesExistsInAccounts() throws IOException {
        for (String table : List.of("subscriptions", "usage_events", "nps_responses", "support_tickets", "research_notes")) {
            assertThat(ws.table(table).column("account_id")).as(table).allMatch(ws.accounts::containsKey);
        }
        assertThat(ws.opportunities).allMatch(o -> ws.accounts.containsKey(o.account()));
    }

    @Test
    void everyCustomerHasAWonNewBusinessDealAndASubscription() {
        Set<String> won = new HashSet<>();
        for (DemoWorkspace.Opp o : ws.opportunities) {
            if (o.type().equals("new_business") && o.stage().equals("won")) {
                won.add(o.account());
            }
        }
        assertThat(won).isNotEmpty().isEqualTo(ws.subsByAccount.keySet()).isEqualTo(ws.customerSince.keySet());
        // customer_since is the same day either way: the deal closes the day the subscription starts.
        for (String account : won) {
            LocalDate firstStart = ws.subsByAccount.get(account).stream().map(DemoWorkspace.Sub::start).min(LocalDate::compareTo).orElseThrow();
            assertThat(ws.customerSince.get(account)).isEqualTo(firstStart);
        }
    }

    @Test
    void keysAreUnique() throws IOException {
        assertThat(ws.opportunities.stream().map(DemoWorkspace.Opp::id).distinct().count()).isEqualTo(ws.opportunities.size());
        assertThat(ws.subscriptions.stream().map(DemoWorkspace.Sub::id).distinct().count()).isEqualTo(ws.subscriptions.size());
        List<String> tickets = ws.table("support_tickets").column("ticket_id");
        assertThat(new HashSet<>(tickets)).hasSameSizeAs(tickets);
    }

    @Test
    void valuesAreInRange() throws IOException {
        assertThat(ws.table("nps_responses").column("score")).allSatisfy(s -> assertThat(Integer.parseInt(s)).isBetween(0, 10));
        assertThat(ws.table("research_notes").column("culture_fit")).allSatisfy(s -> assertThat(Integer.parseInt(s)).isBetween(1, 5));
        assertThat(ws.table("support_tickets").column("effort_minutes")).allSatisfy(s -> assertThat(Integer.parseInt(s)).isPositive());
        assertThat(ws.table("usage_events").column("quantity")).allSatisfy(s -> assertThat(Integer.parseInt(s)).isPositive());
        assertThat(ws.table("spend").column("amount")).allSatisfy(s -> assertThat(Double.parseDouble(s)).isNotNegative());
        assertThat(ws.subscriptions).allSatisfy(s -> assertThat(s.mrr()).isPositive());
        assertThat(ws.opportunities).allSatisfy(o -> assertThat(o.amount() == null || o.amount() >= 0).isTrue());
        assertThat(ws.accounts.values()).allSatisfy(a -> assertThat(a.employees() == null || a.employees() > 0).isTrue());
    }

    @Test
    void enumerationsUseCanonicalValues() throws IOException {
        assertThat(ws.opportunities).extracting(DemoWorkspace.Opp::type).containsOnly("new_business", "expansion", "renewal");
        assertThat(ws.opportunities).extracting(DemoWorkspace.Opp::stage).containsOnly("won", "lost", "open");
        assertThat(ws.table("support_tickets").column("priority")).containsOnly("low", "normal", "high", "urgent");
        assertThat(ws.table("research_notes").column("source")).containsOnly("interview", "win_loss", "cs");
        assertThat(ws.table("spend").column("kind")).containsOnly("marketing", "sales");
        assertThat(ws.accounts.values()).extracting(DemoWorkspace.Acc::industry).doesNotContainNull()
                .containsOnly(Catalog.INDUSTRIES);
        Set<String> channels = new HashSet<>(List.of(Catalog.CHANNELS));
        assertThat(ws.accounts.values()).allSatisfy(a -> assertThat(a.channel() == null || channels.contains(a.channel())).isTrue());
        assertThat(ws.table("subscriptions").column("is_addon")).containsOnly("true", "false");
        assertThat(ws.table("usage_events").column("event")).containsOnly(Catalog.EVENTS);
    }

    @Test
    void datesAreOrderedAndNeverAfterAsOf() throws IOException {
        for (DemoWorkspace.Acc a : ws.accounts.values()) {
            assertThat(a.createdAt()).isBeforeOrEqualTo(ws.asOf).isAfter(ws.asOf.minusMonths(43));
        }
        for (DemoWorkspace.Opp o : ws.opportunities) {
            assertThat(o.created()).as(o.id()).isBeforeOrEqualTo(ws.asOf);
            assertThat(o.created()).as(o.id()).isAfterOrEqualTo(ws.accounts.get(o.account()).createdAt());
            if (o.stage().equals("open")) {
                assertThat(o.closed()).as(o.id()).isNull();
            } else {
                assertThat(o.closed()).as(o.id()).isNotNull().isAfterOrEqualTo(o.created()).isBeforeOrEqualTo(ws.asOf);
            }
        }
        for (DemoWorkspace.Sub s : ws.subscriptions) {
            assertThat(s.start()).as(s.id()).isBeforeOrEqualTo(ws.asOf);
            if (s.end() != null) {
                assertThat(s.end()).as(s.id()).isAfter(s.start()).isBeforeOrEqualTo(ws.asOf);
            }
        }
        CsvTable tickets = ws.table("support_tickets");
        for (String[] r : tickets.rows()) {
            Instant opened = Instant.parse(r[tickets.col("opened_at")]);
            assertThat(opened).isBefore(endOfAsOf);
            String closed = r[tickets.col("closed_at")];
            if (!closed.isEmpty()) {
                assertThat(Instant.parse(closed)).isAfterOrEqualTo(opened).isBefore(endOfAsOf);
            }
        }
        assertThat(ws.table("nps_responses").column("responded_at")).allSatisfy(t -> assertThat(Instant.parse(t)).isBefore(endOfAsOf));
        assertThat(ws.table("research_notes").column("noted_at")).allSatisfy(d -> assertThat(LocalDate.parse(d)).isBeforeOrEqualTo(ws.asOf));
        assertThat(ws.table("spend").column("month")).allSatisfy(d -> {
            LocalDate m = LocalDate.parse(d);
            assertThat(m.getDayOfMonth()).isEqualTo(1);
            assertThat(m).isBeforeOrEqualTo(ws.asOf);
        });
    }

    @Test
    void spendHasEveryChannelAndTheSalesTeamEveryMonth() throws IOException {
        CsvTable spend = ws.table("spend");
        Map<String, Set<String>> channelsByMonth = new HashMap<>();
        for (String[] r : spend.rows()) {
            channelsByMonth.computeIfAbsent(r[spend.col("month")], k -> new HashSet<>()).add(r[spend.col("channel")]);
            assertThat(r[spend.col("kind")]).isEqualTo(r[spend.col("channel")].equals("sales_team") ? "sales" : "marketing");
        }
        Set<String> expected = new HashSet<>(List.of(Catalog.CHANNELS));
        expected.add("sales_team");
        assertThat(channelsByMonth).hasSize(43).allSatisfy((m, c) -> assertThat(c).isEqualTo(expected));
    }

    @Test
    void usageHappensOnlyWhileAnAccountIsACustomerOrOnTrial() throws IOException {
        CsvTable usage = ws.table("usage_events");
        Map<String, LocalDate> firstDeal = new HashMap<>();
        for (DemoWorkspace.Opp o : ws.opportunities) {
            firstDeal.merge(o.account(), o.created(), (x, y) -> x.isBefore(y) ? x : y);
        }
        Map<String, LocalDate> churned = new HashMap<>();
        ws.subsByAccount.forEach((account, subs) -> {
            if (subs.stream().allMatch(s -> s.end() != null)) {
                churned.put(account, subs.stream().map(DemoWorkspace.Sub::end).max(LocalDate::compareTo).orElseThrow());
            }
        });
        LocalDate usageFrom = ws.asOf.minusMonths(12).minusDays(121);
        int a = usage.col("account_id");
        int t = usage.col("occurred_at");
        for (String[] r : usage.rows()) {
            LocalDate day = LocalDate.parse(r[t].substring(0, 10));
            LocalDate opened = firstDeal.get(r[a]);
            LocalDate churn = churned.get(r[a]);
            // Trials start after the first deal opens; paid usage ends before the subscriptions do.
            if (day.isAfter(ws.asOf) || !day.isAfter(usageFrom) || opened == null || !day.isAfter(opened)
                    || (churn != null && !day.isBefore(churn))) {
                throw new AssertionError("usage event out of place: " + String.join(",", r));
            }
        }
        assertThat(usage.size()).isPositive();
    }

    @Test
    void usageIsBusierOnWeekdays() throws IOException {
        long[] byDay = new long[7];
        for (String ts : ws.table("usage_events").column("occurred_at")) {
            byDay[LocalDate.parse(ts.substring(0, 10)).getDayOfWeek().getValue() - 1]++;
        }
        long weekend = byDay[DayOfWeek.SATURDAY.getValue() - 1] + byDay[DayOfWeek.SUNDAY.getValue() - 1];
        long midweek = byDay[DayOfWeek.TUESDAY.getValue() - 1] + byDay[DayOfWeek.WEDNESDAY.getValue() - 1];
        assertThat(midweek).isGreaterThan(4 * weekend);
    }

    @Test
    void mrrIsConsistentWithTheDeals() {
        for (DemoWorkspace.Opp o : ws.opportunities) {
            if (o.type().equals("new_business") && o.stage().equals("won")) {
                // The first-year contract value is twelve times the MRR on the first day.
                assertThat(o.amount()).as(o.id()).isCloseTo(12 * ws.mrr(o.account(), o.closed()), org.assertj.core.data.Offset.offset(0.01));
            }
        }
    }

    @Test
    void textFieldsNeedingQuotesRoundTrip() throws IOException {
        // Comments and notes carry commas and quotes; the strict reader above already parsed them.
        assertThat(ws.table("nps_responses").column("comment")).anyMatch(c -> c.contains(",")).anyMatch(c -> c.contains("\""));
        assertThat(ws.table("research_notes").column("notes")).anyMatch(c -> c.contains(",")).anyMatch(c -> c.contains("\""));
        assertThat(ws.table("accounts").column("company_name")).anyMatch(c -> c.contains(", Inc."))
                .anyMatch(c -> c.chars().anyMatch(ch -> ch > 127));
        assertThat(ws.table("research_notes").column("pain_points")).anyMatch(c -> c.contains(";"));
    }
}
