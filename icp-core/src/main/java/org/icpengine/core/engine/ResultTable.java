package org.icpengine.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.icpengine.errors.IcpException;

/**
 * The rows of a query, in memory: column names and one {@code Object[]} per row with JDBC-mapped values
 * ({@link String}, {@link Long}, {@link Double}, {@link java.math.BigDecimal}, {@link Boolean},
 * {@link java.time.LocalDate}, {@link java.time.LocalDateTime}, {@link List} for lists; {@code null} for NULL).
 *
 * @param columns column names in order
 * @param rows    the rows
 */
public record ResultTable(List<String> columns, List<Object[]> rows) {

    public ResultTable {
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /** Index of a column; {@link IcpException} if absent. */
    public int index(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IcpException("no column " + column + " in result; columns: " + columns);
        }
        return i;
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    /** Row {@code i} as a column → value map (in column order). */
    public Map<String, Object> row(int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        Object[] r = rows.get(i);
        for (int c = 0; c < columns.size(); c++) {
            m.put(columns.get(c), r[c]);
        }
        return m;
    }

    /** A numeric column as doubles, NaN for NULL. */
    public double[] doubles(String column) {
        int c = index(column);
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = rows.get(i)[c];
            out[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
        }
        return out;
    }

    /** A column as strings, null for NULL. */
    public String[] strings(String column) {
        int c = index(column);
        String[] out = new String[rows.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = rows.get(i)[c];
            out[i] = v == null ? null : v.toString();
        }
        return out;
    }
}
