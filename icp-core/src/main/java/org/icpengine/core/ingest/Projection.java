package org.icpengine.core.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.icpengine.core.config.AttributeConfig;
import org.icpengine.core.config.DateFormats;
import org.icpengine.core.config.SourceConfig;
import org.icpengine.core.schema.CanonicalTable;
import org.icpengine.core.schema.Column;
import org.icpengine.core.schema.ColumnType;

/**
 * Builds the one query that turns a source's raw text columns into typed canonical columns and finds,
 * per row, the first check it fails ({@code _err}, an index into {@link #checks()}) and the offending
 * value ({@code _errval}).
 *
 * <p>Layers: raw text (from the reader) → {@code v_i}: trimmed, {@code values}-mapped, defaulted text →
 * {@code t_i}: typed value → checks → the stored columns.
 */
final class Projection {

    /** One check: a failing row is rejected with this column and reason. */
    record Check(String column, String reason, Sql failsWhen, Sql value) {
    }

    /** One output column: its stored name, type and where its raw text comes from. */
    record Output(String name, Column column, Sql raw) {
    }

    private final CanonicalTable table;
    private final SourceConfig source;
    private final List<Output> outputs;
    private final LocalDate latestAllowed;
    private final List<Check> checks = new ArrayList<>();
    private final List<Sql> passThrough;
    private final List<Check> preChecks;
    private final boolean hasLine;
    private final boolean readerNulls;

    /**
     * @param passThrough reader columns carried along as {@code t.p_k} for {@code preChecks}; when
     *                    {@code hasLine}, {@code p_0} is the row's line number
     * @param preChecks   reader-level checks (for example "not valid JSON"), tried before column checks
     * @param readerNulls whether the reader already turned the source's {@code null_values} into NULL
     *                    ({@code read_csv} does); otherwise they are matched here, after trimming
     */
    Projection(CanonicalTable table, SourceConfig source, List<Output> outputs, LocalDate latestAllowed,
               List<Sql> passThrough, List<Check> preChecks, boolean hasLine, boolean readerNulls) {
        this.table = table;
        this.source = source;
        this.outputs = outputs;
        this.latestAllowed = latestAllowed;
        this.passThrough = passThrough;
        this.preChecks = preChecks;
        this.hasLine = hasLine;
        this.readerNulls = readerNulls;
    }

    List<Check> checks() {
        return checks;
    }

    /** Index of the check "duplicate key within the file". */
    int duplicateCheck() {
        return checks.size();
    }


    static Column attributeColumn(AttributeConfig a) {
        return new Column(a.name(), a.type().columnType(), false, List.of(), Double.NaN, Double.NaN);
    }

    /** The SELECT producing the stored columns plus {@code _err} and {@code _errval} from {@code fromClause}. */
    Sql select(Sql fromClause) {
        checks.clear();
        Sql rLayer = Sql.of("SELECT ");
        for (int i = 0; i < outputs.size(); i++) {
            Sql raw = outputs.get(i).raw();
            rLayer.sql(i > 0 ? ", " : "").append(raw == null ? Sql.of("CAST(NULL AS VARCHAR)") : raw).sql(" AS r_" + i);
        }
        for (int k = 0; k < passThrough.size(); k++) {
            rLayer.sql(outputs.isEmpty() && k == 0 ? "" : ", ").append(passThrough.get(k)).sql(" AS p_" + k);
        }
        rLayer.sql(" FROM ").append(fromClause);

        Sql vLayer = Sql.of("SELECT ");
        for (int i = 0; i < outputs.size(); i++) {
            vLayer.sql(i > 0 ? ", " : "").append(valueText(outputs.get(i), "r.r_" + i)).sql(" AS v_" + i);
        }
        for (int k = 0; k < passThrough.size(); k++) {
            vLayer.sql(outputs.isEmpty() && k == 0 ? "" : ", ").sql("r.p_" + k + " AS p_" + k);
        }
        vLayer.sql(" FROM (").append(rLayer).sql(") r");

        Sql tLayer = Sql.of("SELECT v.*");
        for (int i = 0; i < outputs.size(); i++) {
            tLayer.sql(", ").append(typed(outputs.get(i).column(), "v.v_" + i)).sql(" AS t_" + i);
        }
        tLayer.sql(" FROM (").append(vLayer).sql(") v");

        buildChecks();
        Sql eLayer = Sql.of("SELECT t.*, ");
        if (checks.isEmpty()) {
            eLayer.sql("CAST(NULL AS INTEGER)");
        } else {
            eLayer.sql("CASE");
            for (int k = 0; k < checks.size(); k++) {
                eLayer.sql(" WHEN ").append(checks.get(k).failsWhen()).sql(" THEN " + k);
            }
            eLayer.sql(" END");
        }
        eLayer.sql(" AS _err FROM (").append(tLayer).sql(") t");
        // the outer layer keeps the alias t, so that check values (written over t) resolve there too

        Sql out = Sql.of("SELECT ");
        for (int i = 0; i < outputs.size(); i++) {
            out.sql("t.t_" + i + " AS " + ident(outputs.get(i).name()) + ", ");
        }
        out.sql("t._err, ");
        if (checks.isEmpty()) {
            out.sql("CAST(NULL AS VARCHAR)");
        } else {
            out.sql("CASE t._err");
            for (int k = 0; k < checks.size(); k++) {
                out.sql(" WHEN " + k + " THEN ").append(checks.get(k).value());
            }
            out.sql(" END");
        }
        out.sql(" AS _errval, CAST(NULL AS BIGINT) AS _ref, ").sql(hasLine ? "t.p_0" : "CAST(NULL AS BIGINT)")
                .sql(" AS _line FROM (").append(eLayer).sql(") t");
        return out;
    }

    private Sql valueText(Output o, String r) {
        String name = o.name();
        // trimming every value is costly; only values that start or end with a space need it
        Sql x = o.raw() == null ? Sql.of("CAST(NULL AS VARCHAR)")
                : Sql.of("CASE WHEN " + r + " LIKE ' %' OR " + r + " LIKE '% ' OR " + r + " LIKE '\t%' OR " + r
                + " LIKE '%\t' THEN NULLIF(trim(" + r + ", ' \t'), '') ELSE NULLIF(" + r + ", '') END");
        List<String> nulls = source.nullValues().stream().filter(n -> !n.isEmpty()).distinct().toList();
        if (o.raw() != null && !readerNulls && !nulls.isEmpty()) {
            Sql c = Sql.of("CASE WHEN ").append(x).sql(" IN (");
            for (int k = 0; k < nulls.size(); k++) {
                c.sql(k > 0 ? ", " : "").param(nulls.get(k));
            }
            x = c.sql(") THEN NULL ELSE ").append(x).sql(" END");
        }
        Map<String, String> mapping = source.values().get(name);
        if (mapping != null && !mapping.isEmpty()) {
            Sql c = Sql.of("CASE ").append(x);
            for (Map.Entry<String, String> e : mapping.entrySet()) {
                c.sql(" WHEN ").param(e.getKey()).sql(" THEN ");
                if (e.getValue() == null) {
                    c.sql("CAST(NULL AS VARCHAR)");
                } else {
                    c.param(e.getValue());
                }
            }
            c.sql(" ELSE ").append(x).sql(" END");
            x = c;
        }
        String def = source.defaults().getOrDefault(name, table.builtInDefault(name));
        if (def != null) {
            x = Sql.of("coalesce(").append(x).sql(", ").param(def).sql(")");
        }
        return x;
    }

    private Sql typed(Column c, String v) {
        Optional<String> fmt = source.dateFormat().map(DateFormats::toStrptime);
        return switch (c.type()) {
            case ID, TEXT -> Sql.of(v);
            case ENUM -> Sql.of("lower(" + v + ")");
            case INT -> Sql.of("CASE WHEN TRY_CAST(" + v + " AS DOUBLE) = round(TRY_CAST(" + v + " AS DOUBLE)) "
                    + "AND abs(TRY_CAST(" + v + " AS DOUBLE)) < 9e15 THEN CAST(TRY_CAST(" + v + " AS DOUBLE) AS BIGINT) END");
            case NUMBER -> Sql.of("CASE WHEN isfinite(TRY_CAST(" + v + " AS DOUBLE)) THEN TRY_CAST(" + v + " AS DOUBLE) END");
            case MONEY -> Sql.of("TRY_CAST(" + v + " AS DECIMAL(18,2))");
            case BOOL -> Sql.of("CASE WHEN lower(" + v + ") IN ('true','t','yes','y','1') THEN true "
                    + "WHEN lower(" + v + ") IN ('false','f','no','n','0') THEN false END");
            case DATE -> {
                Sql s = Sql.of("coalesce(");
                fmt.ifPresent(f -> s.sql("CAST(try_strptime(" + v + ", ").param(f).sql(") AS DATE), "));
                s.sql("TRY_CAST(" + v + " AS DATE), CAST(TRY_CAST(" + v + " AS TIMESTAMPTZ) AS DATE)");
                if (table == CanonicalTable.SPEND && c.name().equals("month")) {
                    s.sql(", CAST(try_strptime(" + v + ", '%Y-%m') AS DATE)");
                }
                s.sql(")");
                if (table == CanonicalTable.SPEND && c.name().equals("month")) {
                    yield Sql.of("CAST(date_trunc('month', ").append(s).sql(") AS DATE)");
                }
                yield s;
            }
            case TS -> {
                Sql s = Sql.of("coalesce(");
                fmt.ifPresent(f -> s.sql("CAST(try_strptime(" + v + ", ").param(f).sql(") AS TIMESTAMP), "));
                // a UTC offset must be applied (a plain TIMESTAMP cast would drop it); 'Z' needs no work
                s.sql("CASE WHEN length(" + v + ") > 16 AND (substr(" + v + ", -6, 1) IN ('+', '-') OR substr(" + v
                        + ", -5, 1) IN ('+', '-') OR substr(" + v + ", -3, 1) IN ('+', '-')) THEN CAST(TRY_CAST(" + v
                        + " AS TIMESTAMPTZ) AS TIMESTAMP) ELSE TRY_CAST(" + v + " AS TIMESTAMP) END)");
                yield s;
            }
            case LIST -> Sql.of("CASE WHEN " + v + " IS NULL THEN NULL ELSE list_filter(list_transform(string_split("
                    + v + ", ").param(source.listSeparator()).sql("), x -> trim(x)), x -> x <> '') END");
        };
    }

    private int indexOf(String name) {
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void buildChecks() {
        checks.addAll(preChecks);
        for (int i = 0; i < outputs.size(); i++) {
            Column c = outputs.get(i).column();
            String v = "t.v_" + i;
            String t = "t.t_" + i;
            if (c.required()) {
                checks.add(new Check(c.name(), "missing required value", Sql.of(v + " IS NULL"), Sql.of("''")));
            }
            if (c.type() != ColumnType.ID && c.type() != ColumnType.TEXT && c.type() != ColumnType.LIST) {
                String expected = c.type() == ColumnType.DATE || c.type() == ColumnType.TS
                        ? c.type().expected() + " (ISO-8601 such as 2026-06-30"
                        + (c.type() == ColumnType.TS ? " or 2026-06-30T14:05:00Z" : "")
                        + source.dateFormat().map(f -> ", or " + f).orElse("") + ")"
                        : c.type().expected();
                if (c.type() != ColumnType.ENUM) {
                    checks.add(new Check(c.name(), "not " + expected, Sql.of(v + " IS NOT NULL AND " + t + " IS NULL"),
                            Sql.of(v)));
                }
            }
            if (c.type() == ColumnType.ENUM) {
                Sql in = Sql.of(t + " IS NOT NULL AND " + t + " NOT IN (");
                for (int k = 0; k < c.allowed().size(); k++) {
                    in.sql(k > 0 ? ", " : "").param(c.allowed().get(k));
                }
                in.sql(")");
                checks.add(new Check(c.name(), "expected one of " + String.join(", ", c.allowed())
                        + " (map other values under 'values:')", in, Sql.of(v)));
            }
            if (c.hasRange()) {
                if (!Double.isNaN(c.min()) && !Double.isNaN(c.max())) {
                    checks.add(new Check(c.name(), "out of range: expected " + fmt(c.min()) + " to " + fmt(c.max()),
                            Sql.of(t + " < " + fmt(c.min()) + " OR " + t + " > " + fmt(c.max())), Sql.of(v)));
                } else if (!Double.isNaN(c.min())) {
                    checks.add(new Check(c.name(), c.min() == 0 ? "negative: expected a value >= 0"
                            : "out of range: expected a value >= " + fmt(c.min()), Sql.of(t + " < " + fmt(c.min())), Sql.of(v)));
                }
            }
            // only the date of the row itself: planned dates (an open deal's expected close, a scheduled end) may be later
            if (c.isTemporal() && c.name().equals(table.timeColumn()) && latestAllowed != null) {
                checks.add(new Check(c.name(), "dated more than a day after " + latestAllowed.minusDays(1)
                        + " (as_of, or today when as_of is not set)", Sql.of("CAST(" + t + " AS DATE) > ").param(latestAllowed),
                        Sql.of(v)));
            }
        }
        if (table.referencesAccounts()) {
            int acc = indexOf("account_id");
            if (acc >= 0) {
                checks.add(new Check("account_id", "unknown account: no account with this account_id in accounts",
                        Sql.of("t.t_" + acc + " IS NOT NULL AND t.t_" + acc + " NOT IN (SELECT account_id FROM accounts)"),
                        Sql.of("t.v_" + acc)));
            }
        }
        switch (table) {
            case OPPORTUNITIES -> {
                order("created_at", "closed_at", "closed_at is before created_at");
                int stage = indexOf("stage");
                int closed = indexOf("closed_at");
                if (stage >= 0) {
                    String closedNull = closed >= 0 ? "t.t_" + closed + " IS NULL" : "true";
                    checks.add(new Check("closed_at", "missing: closed_at is required unless the stage is open",
                            Sql.of("t.t_" + stage + " IN ('won', 'lost') AND " + closedNull), Sql.of("''")));
                }
            }
            case SUBSCRIPTIONS -> order("start_date", "end_date", "end_date is before start_date");
            case SUPPORT_TICKETS -> order("opened_at", "closed_at", "closed_at is before opened_at");
            default -> {
            }
        }
    }

    private void order(String first, String second, String reason) {
        int a = indexOf(first);
        int b = indexOf(second);
        if (a >= 0 && b >= 0) {
            checks.add(new Check(second, reason,
                    Sql.of("t.t_" + b + " < t.t_" + a), Sql.of("t.v_" + b + " || ' < ' || t.v_" + a)));
        }
    }

    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
