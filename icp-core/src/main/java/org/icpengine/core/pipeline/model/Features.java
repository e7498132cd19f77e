package org.icpengine.core.pipeline.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.metrics.MetricCatalog;
import org.icpengine.core.schema.ColumnType;
import org.icpengine.errors.ConfigException;
import org.icpengine.stats.scorecard.Feature;

/**
 * Turns {@code account_metrics} rows into icp-stats {@link Feature}s for a model's {@code attributes}.
 *
 * <ul>
 *   <li>Numbers ({@code int}, {@code number}, {@code money}) are numeric features, binned automatically;
 *       dates are numeric as days since 1970-01-01.</li>
 *   <li>Text, enumerations and booleans are categorical ({@code "true"}/{@code "false"}).</li>
 *   <li>A list column becomes one yes/no categorical feature per element: for {@code tech_stack}, one per
 *       configured {@code tech_stack_flags} entry (named {@code has_<tech>}, the firmographic flag of
 *       DESIGN.md); for other list columns, and for {@code tech_stack} when no flags are configured, one per
 *       element held by at least {@value #MIN_ELEMENT_SHARE} of the training rows, at most
 *       {@value #MAX_ELEMENTS}, most frequent first (ties by name), named {@code <column>:<element>}.</li>
 *   <li>Null is missing and falls in the criterion's own "missing" bin, both in training and in scoring.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class Features {

    /** Smallest share of training rows holding a list element for it to become a feature. */
    public static final double MIN_ELEMENT_SHARE = 0.05;

    /** Most features made from one list column's frequent elements. */
    public static final int MAX_ELEMENTS = 10;

    private Features() {
    }

    /**
     * The criteria of a model over the given attributes, in attribute order.
     *
     * @param config     the workspace, for the column types and {@code tech_stack_flags}
     * @param attributes the model's attributes, names of {@link MetricCatalog#accountColumns}
     * @param training   the training rows, to find frequent list elements
     * @throws ConfigException for an attribute that is not an account column
     */
    public static List<FeatureSpec> specs(WorkspaceConfig config, List<String> attributes, ResultTable training) {
        Map<String, ColumnType> types = MetricCatalog.accountColumns(config);
        List<FeatureSpec> out = new ArrayList<>();
        for (String a : attributes) {
            ColumnType t = types.get(a);
            if (t == null) {
                throw new ConfigException(config.file().getFileName() + ": models: attribute '" + a + "' is not an "
                        + "account column or metric; known names: " + String.join(", ", types.keySet()));
            }
            switch (t) {
                case INT, NUMBER, MONEY, DATE, TS -> out.add(new FeatureSpec(a, a, FeatureSpec.Kind.NUMERIC, null));
                case LIST -> {
                    boolean flags = a.equals("tech_stack") && !config.techStackFlags().isEmpty();
                    List<String> elements = flags ? config.techStackFlags() : frequentElements(training, a);
                    for (String e : elements) {
                        String name = a.equals("tech_stack") ? "has_" + e : a + ":" + e;
                        out.add(new FeatureSpec(name, a, FeatureSpec.Kind.LIST_ELEMENT, e));
                    }
                }
                default -> out.add(new FeatureSpec(a, a, FeatureSpec.Kind.CATEGORICAL, null));
            }
        }
        return List.copyOf(out);
    }

    /** The icp-stats features of {@code rows}, one per spec, in spec order. */
    public static List<Feature> extract(List<FeatureSpec> specs, ResultTable rows) {
        List<Feature> out = new ArrayList<>(specs.size());
        for (FeatureSpec s : specs) {
            int c = rows.index(s.column());
            Object[] values = new Object[rows.size()];
            for (int i = 0; i < values.length; i++) {
                Object raw = rows.rows().get(i)[c];
                values[i] = s.isNumeric() ? (Object) s.numeric(raw) : s.categorical(raw);
            }
            out.add(s.feature(values));
        }
        return out;
    }

    /** Whether every row of {@code rows} has a null in {@code column} (also true for no rows). */
    public static boolean allNull(ResultTable rows, String column) {
        int c = rows.index(column);
        for (Object[] r : rows.rows()) {
            if (r[c] != null) {
                return false;
            }
        }
        return true;
    }

    /** The rows of {@code table} whose {@code account_id} is a key of {@code keep}, in table order. */
    static ResultTable select(ResultTable table, Map<String, ?> keep) {
        int id = table.index("account_id");
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : table.rows()) {
            if (keep.containsKey((String) r[id])) {
                rows.add(r);
            }
        }
        return new ResultTable(table.columns(), rows);
    }

    /** Row {@code i} of a table as a column lookup. */
    static Function<String, Object> row(ResultTable table, int i) {
        Object[] r = table.rows().get(i);
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < table.columns().size(); c++) {
            index.put(table.columns().get(c), c);
        }
        return name -> {
            Integer c = index.get(name);
            return c == null ? null : r[c];
        };
    }

    private static List<String> frequentElements(ResultTable rows, String column) {
        if (rows.size() == 0) {
            return List.of();
        }
        int c = rows.index(column);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Object[] r : rows.rows()) {
            if (r[c] instanceof Collection<?> list) {
                list.stream().filter(o -> o != null && !o.toString().isBlank())
                        .map(o -> o.toString().strip().toLowerCase(Locale.ROOT)).distinct()
                        .forEach(e -> counts.merge(e, 1, Integer::sum));
            }
        }
        double min = MIN_ELEMENT_SHARE * rows.size();
        return counts.entrySet().stream().filter(e -> e.getValue() >= min)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_ELEMENTS).map(Map.Entry::getKey).toList();
    }
}
