package org.icpengine.server.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.icpengine.core.engine.ResultTable;

/**
 * Converts values the engine and the core records hold into values Jackson writes as plain JSON: {@code NaN} and
 * infinities become {@code null}, dates and times their ISO-8601 text, arrays and collections lists, anything else
 * unknown its {@code toString()}.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /** One value as plain JSON (see the class comment); {@code null} stays {@code null}. */
    public static Object of(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof BigDecimal || v instanceof BigInteger || v instanceof Short || v instanceof Byte) {
            return v;
        }
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Float f) {
            return number(f.doubleValue());
        }
        if (v instanceof Number n) {
            return number(n.doubleValue());
        }
        if (v instanceof TemporalAccessor) {
            return v.toString();
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) {
                out.add(of(o));
            }
            return out;
        }
        if (v instanceof Object[] a) {
            return of(Arrays.asList(a));
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), of(x)));
            return out;
        }
        return v.toString();
    }

    /** A double, or {@code null} for {@code NaN} and infinities (which JSON cannot hold). */
    public static Double number(double d) {
        return Double.isFinite(d) ? d : null;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of a table as objects keyed by column. */
    public static List<Map<String, Object>> rows(ResultTable table, int from, int to) {
        List<Map<String, Object>> out = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            Object[] r = table.rows().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < table.columns().size(); c++) {
                row.put(table.columns().get(c), of(r[c]));
            }
            out.add(row);
        }
        return out;
    }
}
