package org.icpengine.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planted profile, measured simply from the generated files: its customers win, retain,
 * expand, use the product and like it clearly more than the rest.
 */
class PlantedIcpTest {

    @TempDir
    static Path dir;

    static DemoWorkspace ws;
    static JsonNode truth;
    static Map<String, long[]> usage;

    @BeforeAll
    static void generate() throws IOException {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(1500)).generate(dir);
        ws = DemoWorkspace.load(dir);
        truth = new ObjectMapper().readTree(dir.resolve("demo-truth.json").toFile());
        usage = usageByAccount();
    }

    @Test
    void truthListsExactlyTheAccountsWhoseRecordedTraitsMatch() {
        Set<String> matching = new TreeSet<>();
        ws.accounts.values().stream().filter(DemoWorkspace.Acc::icp).forEach(a -> matching.add(a.id()));
        Set<String> listed = new TreeSet<>();
        truth.get("icp_account_ids").forEach(n -> listed.add(n.asText()));

        assertThat(listed).isEqualTo(matching);
        assertThat(truth.at("/planted_icp/expression").asText())
                .isEqualTo("industry in ('Fintech', 'SaaS') and employees between 51 and 200 and 'snowflake' in tech_stack");
    }

    @Test
    void profileHasEnoughCustomersForStatistics() {
        long icpCustomers = ws.customerSince.keySet().stream().filter(id -> ws.accounts.get(id).icp()).count();

        assertThat(icpCustomers).isGreaterThanOrEqualTo(60).isLessThan(ws.customerSince.size() / 2);
    }

    @Test
    void profileCustomersRetainAndExpandClearlyMore() {
        DemoWorkspace.Rates icp = ws.rates(true);
        DemoWorkspace.Rates rest = ws.rates(false);

        assertThat(icp.mature()).isGreaterThanOrEqualTo(30);
        assertThat(icp.retention12m()).isGreaterThan(0.82).isGreaterThan(rest.retention12m() + 0.2);
        assertThat(rest.retention12m()).isBetween(0.45, 0.75);
        assertThat(icp.nrr12m()).isGreaterThan(1.08).isGreaterThan(rest.nrr12m() + 0.3);
    }

    @Test
    void profileAccountsWinMoreOften() {
        int[] icp = new int[2];
        int[] rest = new int[2];
        for (DemoWorkspace.Opp o : ws.opportunities) {
            if (o.type().equals("new_business") && !o.stage().equals("open")) {
                int[] group = ws.accounts.get(o.account()).icp() ? icp : rest;
                group[o.stage().equals("won") ? 0 : 1]++;
            }
        }
        double icpRate = icp[0] / (double) (icp[0] + icp[1]);
        double restRate = rest[0] / (double) (rest[0] + rest[1]);

        assertThat(icpRate).isGreaterThan(restRate + 0.2);
    }

    @Test
    void profileCustomersAreHappierNeedLessSupportAndFitTheCulture() throws IOException {
        assertThat(mean("nps_responses", "score", true)).isGreaterThan(mean("nps_responses", "score", false) + 1.0);
        assertThat(mean("research_notes", "culture_fit", true)).isGreaterThan(mean("research_notes", "culture_fit", false) + 0.8);
        assertThat(perCustomer("support_tickets", true)).isLessThan(perCustomer("support_tickets", false) * 0.7);
        assertThat(usagePerCustomer(true)).isGreaterThan(usagePerCustomer(false) * 2);
    }

    @Test
    void profilePainPointsAreOverRepresented() throws IOException {
        CsvTable notes = ws.table("research_notes");
        Map<Boolean, int[]> counts = new HashMap<>();
        List<String> planted = List.of(Catalog.PAIN_POINTS).subList(0, Catalog.ICP_PAIN_POINTS);
        for (String[] r : notes.rows()) {
            int[] c = counts.computeIfAbsent(ws.accounts.get(r[notes.col("account_id")]).icp(), k -> new int[2]);
            for (String tag : r[notes.col("pain_points")].split(";")) {
                c[0] += planted.contains(tag) ? 1 : 0;
                c[1]++;
            }
        }
        double icpShare = counts.get(true)[0] / (double) counts.get(true)[1];
        double restShare = counts.get(false)[0] / (double) counts.get(false)[1];

        assertThat(icpShare).isGreaterThan(2 * restShare);
    }

    @Test
    void highValueUseCasesTakeALargerShareOfProfileUsage() {
        long[] icp = new long[2];
        long[] rest = new long[2];
        usage.forEach((account, u) -> {
            long[] g = ws.accounts.get(account).icp() ? icp : rest;
            g[0] += u[2];
            g[1] += u[1];
        });

        assertThat(icp[0] / (double) icp[1]).isGreaterThan(1.5 * rest[0] / rest[1]);
    }

    /**
     * Per account: all events, events in the last 90 days, high-value events in the last 90 days.
     * Streams the file line by line (usage rows never need quoting; the integrity test checks that).
     */
    private static Map<String, long[]> usageByAccount() throws IOException {
        Set<String> highValue = new TreeSet<>();
        for (Catalog.UseCase u : Catalog.USE_CASES) {
            if (u.highValue()) {
                for (int e : u.events()) {
                    highValue.add(Catalog.EVENTS[e]);
                }
            }
        }
        String from = ws.asOf.minusDays(90).toString();
        Map<String, long[]> out = new HashMap<>();
        try (Stream<String> lines = Files.lines(ws.dir.resolve("data/usage_events.csv"))) {
            lines.skip(1).forEach(line -> {
                String[] f = line.split(",", -1);
                long[] u = out.computeIfAbsent(f[0], k -> new long[3]);
                u[0]++;
                if (f[2].substring(0, 10).compareTo(from) > 0) {
                    u[1]++;
                    u[2] += highValue.contains(f[3]) ? 1 : 0;
                }
            });
        }
        return out;
    }

    private static double mean(String table, String column, boolean icp) throws IOException {
        CsvTable t = ws.table(table);
        double sum = 0;
        int n = 0;
        for (String[] r : t.rows()) {
            if (ws.accounts.get(r[t.col("account_id")]).icp() == icp) {
                sum += Double.parseDouble(r[t.col(column)]);
                n++;
            }
        }
        return sum / n;
    }

    private static double usagePerCustomer(boolean icp) {
        long events = usage.entrySet().stream().filter(e -> ws.accounts.get(e.getKey()).icp() == icp)
                .mapToLong(e -> e.getValue()[0]).sum();
        long customers = ws.customerSince.keySet().stream().filter(id -> ws.accounts.get(id).icp() == icp).count();
        return events / (double) customers;
    }

    /** Rows per customer of the group (customers only, so prospects' trials count little). */
    private static double perCustomer(String table, boolean icp) throws IOException {
        CsvTable t = ws.table(table);
        long rows = t.column("account_id").stream().filter(id -> ws.accounts.get(id).icp() == icp).count();
        long customers = ws.customerSince.keySet().stream().filter(id -> ws.accounts.get(id).icp() == icp).count();
        return rows / (double) customers;
    }
}
