package org.icpengine.core.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.icpengine.core.schema.Column.of;
import static org.icpengine.core.schema.Column.oneOf;
import static org.icpengine.core.schema.Column.required;
import static org.icpengine.core.schema.ColumnType.BOOL;
import static org.icpengine.core.schema.ColumnType.DATE;
import static org.icpengine.core.schema.ColumnType.ID;
import static org.icpengine.core.schema.ColumnType.INT;
import static org.icpengine.core.schema.ColumnType.LIST;
import static org.icpengine.core.schema.ColumnType.MONEY;
import static org.icpengine.core.schema.ColumnType.NUMBER;
import static org.icpengine.core.schema.ColumnType.TEXT;
import static org.icpengine.core.schema.ColumnType.TS;

/**
 * The canonical tables of DESIGN.md "Canonical tables": their columns, types, required fields,
 * enumerations, ranges, keys and the date that orders their rows in time.
 *
 * <p>Tables with a natural key ({@link #key()} not empty) are loaded by key: a row with the same key
 * replaces the old one. Event-like tables without one are loaded by source file: re-ingesting a file
 * replaces the rows that came from it. Either way a re-run on the same files changes nothing.
 */
public enum CanonicalTable {

    ACCOUNTS("accounts", List.of("account_id"), "created_at",
            required("account_id", ID), of("name", TEXT), of("domain", TEXT), of("industry", TEXT),
            of("employees", INT).range(0, Double.NaN), of("annual_revenue", MONEY).range(0, Double.NaN),
            of("country", TEXT), of("region", TEXT), of("tech_stack", LIST), of("created_at", DATE),
            of("acquisition_channel", TEXT)),

    OPPORTUNITIES("opportunities", List.of("opportunity_id"), "created_at",
            required("opportunity_id", ID), required("account_id", ID),
            oneOf("type", true, "new_business", "expansion", "renewal"),
            oneOf("stage", true, "open", "won", "lost"),
            of("amount", MONEY).range(0, Double.NaN), required("created_at", DATE), of("closed_at", DATE),
            of("product", TEXT)),

    SUBSCRIPTIONS("subscriptions", List.of("subscription_id"), "start_date",
            of("subscription_id", ID), required("account_id", ID), of("product", TEXT), of("is_addon", BOOL),
            required("start_date", DATE), of("end_date", DATE), required("mrr", MONEY).range(0, Double.NaN)),

    USAGE_EVENTS("usage_events", List.of(), "occurred_at",
            required("account_id", ID), of("user_id", ID), required("occurred_at", TS), required("event", TEXT),
            of("quantity", NUMBER).range(0, Double.NaN)),

    NPS_RESPONSES("nps_responses", List.of(), "responded_at",
            required("account_id", ID), of("respondent", TEXT), required("responded_at", TS),
            required("score", INT).range(0, 10), of("comment", TEXT)),

    SUPPORT_TICKETS("support_tickets", List.of("ticket_id"), "opened_at",
            required("ticket_id", ID), required("account_id", ID), required("opened_at", TS), of("closed_at", TS),
            oneOf("priority", false, "low", "normal", "high", "urgent"),
            of("effort_minutes", NUMBER).range(0, Double.NaN)),

    SPEND("spend", List.of("month", "channel", "kind"), "month",
            required("month", DATE), required("channel", TEXT), oneOf("kind", true, "marketing", "sales"),
            required("amount", MONEY).range(0, Double.NaN)),

    RESEARCH_NOTES("research_notes", List.of(), "noted_at",
            required("account_id", ID), required("noted_at", DATE),
            oneOf("source", false, "interview", "win_loss", "cs"),
            of("culture_fit", INT).range(1, 5), of("pain_points", LIST), of("notes", TEXT));

    /** Built-in defaults applied before checks (DESIGN.md: opportunity type defaults to new_business). */
    private static final Map<String, String> BUILT_IN_DEFAULTS = Map.of(
            "opportunities.type", "new_business", "spend.kind", "marketing", "usage_events.quantity", "1");

    private final String tableName;
    private final List<String> key;
    private final String timeColumn;
    private final List<Column> columns;

    CanonicalTable(String tableName, List<String> key, String timeColumn, Column... columns) {
        this.tableName = tableName;
        this.key = key;
        this.timeColumn = timeColumn;
        this.columns = List.copyOf(Arrays.asList(columns));
    }

    /** The table's name in {@code icp.yaml} and in the store. */
    public String tableName() {
        return tableName;
    }

    /** The natural key, or empty for tables loaded by source file. */
    public List<String> key() {
        return key;
    }

    /** The column that dates a row (used for point-in-time cuts and the "after as_of" check). */
    public String timeColumn() {
        return timeColumn;
    }

    /** The canonical columns in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The column with this name, if canonical. */
    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The names of the canonical columns. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        return names;
    }

    /** Whether rows reference {@code accounts.account_id}. */
    public boolean referencesAccounts() {
        return this != ACCOUNTS && this != SPEND;
    }

    /** The built-in default for a column, or {@code null}. */
    public String builtInDefault(String column) {
        return BUILT_IN_DEFAULTS.get(tableName + "." + column);
    }

    /** The table with this name, if canonical. */
    public static Optional<CanonicalTable> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.tableName.equals(name)).findFirst();
    }

    /** Canonical table names in load order (accounts first, since the others reference it). */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (CanonicalTable t : values()) {
            names.add(t.tableName);
        }
        return names;
    }

    /** Columns by name. */
    public Map<String, Column> columnMap() {
        Map<String, Column> m = new LinkedHashMap<>();
        columns.forEach(c -> m.put(c.name(), c));
        return m;
    }
}
