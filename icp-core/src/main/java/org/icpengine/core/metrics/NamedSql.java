package org.icpengine.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.icpengine.core.expr.SqlFragment;

/**
 * SQL text with {@code :name} placeholders, rendered to a {@link SqlFragment} with one {@code ?} and one bound
 * value per occurrence. The metric SQL is written with names so that it reads like SQL; the values, including
 * everything taken from {@code icp.yaml}, still travel only as bind parameters.
 *
 * <p>A placeholder is a colon followed by a lower-case name, not preceded by a letter, digit, underscore or
 * colon; DuckDB's {@code lambda x: f(x)} (colon then space) is left alone. An unknown name is a bug
 * ({@link IllegalStateException}).
 */
final class NamedSql {

    private static final Pattern PARAM = Pattern.compile("(?<![A-Za-z0-9_:]):([a-z][a-z0-9_]*)");

    private NamedSql() {
    }

    /** Replaces every {@code :name} of {@code sql} by {@code ?}, binding {@code values.get(name)}. */
    static SqlFragment render(String sql, Map<String, Object> values) {
        Matcher m = PARAM.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length());
        List<Object> params = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            if (!values.containsKey(name)) {
                throw new IllegalStateException("no value for :" + name + " in the metric SQL");
            }
            params.add(values.get(name));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return new SqlFragment(out.toString(), params);
    }
}
