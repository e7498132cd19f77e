package org.icpengine.core.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A generated demo workspace read back for the tests: the parsed {@code icp.yaml}, and the
 * accounts, deals and subscriptions mapped to canonical names and values through the file's own
 * {@code columns:}, {@code values:} and {@code null_values:} (so the mapping is tested too), with
 * the simple commercial metrics of DESIGN.md computed from them.
 */
final class DemoWorkspace {

    record Acc(String id, String industry, Integer employees, List<String> tech, String channel, LocalDate createdAt) {
        boolean icp() {
            return PlantedIcp.DEFAULT.matches(industry, employees, tech);
        }
    }

    record Opp(String id, String account, String type, String stage, Double amount, LocalDate created, LocalDate closed) {
    }

    record Sub(String id, String account, String product, boolean addon, LocalDate start, LocalDate end, double mrr) {
        boolean activeOn(LocalDate day) {
            return !start.isAfter(day) && (end == null || day.isBefore(end));
        }
    }

    final Path dir;
    final Map<String, Object> config;
    final LocalDate asOf;
    final Map<String, Acc> accounts = new LinkedHashMap<>();
    final List<Opp> opportunities = new ArrayList<>();
    final List<Sub> subscriptions = new ArrayList<>();
    final Map<String, List<Sub>> subsByAccount = new HashMap<>();
    final Map<String, LocalDate> customerSince = new HashMap<>();
    private final Map<String, CsvTable> tables = new HashMap<>();

    private DemoWorkspace(Path dir, Map<String, Object> config) {
        this.dir = dir;
        this.config = config;
        this.asOf = LocalDate.parse(String.valueOf(config.get("as_of")));
    }

    @SuppressWarnings("unchecked")
    static DemoWorkspace load(Path dir) throws IOException {
        Object parsed = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(dir.resolve("icp.yaml")));
        DemoWorkspace w = new DemoWorkspace(dir, (Map<String, Object>) parsed);
        w.readAccounts();
        w.readOpportunities();
        w.readSubscriptions();
        return w;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> source(String table) {
        return (Map<String, Object>) ((Map<String, Object>) config.get("sources")).get(table);
    }

    /** The file of a canonical table, read once and cached. */
    CsvTable table(String table) throws IOException {
        CsvTable t = tables.get(table);
        if (t == null) {
            t = CsvTable.read(dir.resolve(String.valueOf(source(table).get("path"))));
            tables.put(table, t);
        }
        return t;
    }

    /** A canonical column's value in a row, after the source's column, value and null mappings. */
    @SuppressWarnings("unchecked")
    String value(String table, CsvTable t, String[] row, String canonical) {
        Map<String, Object> src = source(table);
        Map<String, Object> columns = (Map<String, Object>) src.getOrDefault("columns", Map.of());
        String column = String.valueOf(columns.getOrDefault(canonical, canonical));
        String raw = row[t.col(column)];
        List<Object> nulls = (List<Object>) src.getOrDefault("null_values", List.of(""));
        if (nulls.contains(raw)) {
            Map<String, Object> defaults = (Map<String, Object>) src.getOrDefault("defaults", Map.of());
            Object d = defaults.get(canonical);
            return d == null ? null : String.valueOf(d);
        }
        Map<String, Object> values = (Map<String, Object>) src.getOrDefault("values", Map.of());
        Map<String, Object> mapping = (Map<String, Object>) values.getOrDefault(canonical, Map.of());
        Object mapped = mapping.get(raw);
        return mapped == null ? raw : String.valueOf(mapped);
    }

    private void readAccounts() throws IOException {
        CsvTable t = table("accounts");
        String separator = String.valueOf(source("accounts").get("list_separator"));
        for (String[] r : t.rows()) {
            String employees = value("accounts", t, r, "employees");
            String tech = value("accounts", t, r, "tech_stack");
            String created = value("accounts", t, r, "created_at");
            Acc a = new Acc(value("accounts", t, r, "account_id"), value("accounts", t, r, "industry"),
                    employees == null ? null : Integer.valueOf(employees),
                    tech == null ? List.of() : Arrays.asList(tech.split(java.util.regex.Pattern.quote(separator))),
                    value("accounts", t, r, "acquisition_channel"), LocalDate.parse(created));
            if (accounts.put(a.id(), a) != null) {
                throw new AssertionError("duplicate account id " + a.id());
            }
        }
    }

    private void readOpportunities() throws IOException {
        CsvTable t = table("opportunities");
        for (String[] r : t.rows()) {
            String amount = value("opportunities", t, r, "amount");
            String closed = value("opportunities", t, r, "closed_at");
            Opp o = new Opp(value("opportunities", t, r, "opportunity_id"), value("opportunities", t, r, "account_id"),
                    value("opportunities", t, r, "type"), value("opportunities", t, r, "stage"),
                    amount == null ? null : Double.valueOf(amount), LocalDate.parse(value("opportunities", t, r, "created_at")),
                    closed == null ? null : LocalDate.parse(closed));
            opportunities.add(o);
            if (o.type().equals("new_business") && o.stage().equals("won")) {
                customerSince.merge(o.account(), o.closed(), (x, y) -> x.isBefore(y) ? x : y);
            }
        }
    }

    private void readSubscriptions() throws IOException {
        CsvTable t = table("subscriptions");
        for (String[] r : t.rows()) {
            String end = r[t.col("end_date")];
            Sub s = new Sub(r[t.col("subscription_id")], r[t.col("account_id")], r[t.col("product")],
                    Boolean.parseBoolean(r[t.col("is_addon")]), LocalDate.parse(r[t.col("start_date")]),
                    end.isEmpty() ? null : LocalDate.parse(end), Double.parseDouble(r[t.col("mrr")]));
            subscriptions.add(s);
            subsByAccount.computeIfAbsent(s.account(), k -> new ArrayList<>()).add(s);
            customerSince.merge(s.account(), s.start(), (x, y) -> x.isBefore(y) ? x : y);
        }
    }

    /** MRR of an account on a day (rows active that day; an end date is the first day not counted). */
    double mrr(String account, LocalDate day) {
        double sum = 0;
        for (Sub s : subsByAccount.getOrDefault(account, List.of())) {
            if (s.activeOn(day)) {
                sum += s.mrr();
            }
        }
        return sum;
    }

    /** Rates for a group of customers: 12-month logo retention and NRR over the last 12 months. */
    record Rates(int customers, int mature, double retention12m, double nrr12m) {
    }

    Rates rates(boolean icp) {
        int customers = 0;
        int mature = 0;
        int retained = 0;
        double now = 0;
        double then = 0;
        LocalDate yearAgo = asOf.minusMonths(12);
        for (Map.Entry<String, LocalDate> e : customerSince.entrySet()) {
            if (accounts.get(e.getKey()).icp() != icp) {
                continue;
            }
            customers++;
            LocalDate anniversary = e.getValue().plusMonths(12);
            if (!anniversary.isAfter(asOf)) {
                mature++;
                retained += mrr(e.getKey(), anniversary) > 0 ? 1 : 0;
            }
            double before = mrr(e.getKey(), yearAgo);
            if (before > 0) {
                then += before;
                now += mrr(e.getKey(), asOf);
            }
        }
        return new Rates(customers, mature, retained / (double) Math.max(1, mature), now / Math.max(1e-9, then));
    }
}
