package org.icpengine.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.icpengine.core.expr.Columns;
import org.icpengine.core.expr.Expr;
import org.icpengine.core.expr.ExpressionException;
import org.icpengine.core.expr.ValueType;
import org.icpengine.core.schema.ColumnType;
import org.icpengine.errors.ConfigException;

/**
 * Parses every expression of a configuration ({@code ideal}, scorecard {@code when}s) against the
 * account vocabulary, so that a typo is reported at load time with the file, line and key.
 */
final class ExpressionCheck {

    private ExpressionCheck() {
    }

    static void check(WorkspaceConfig config, Map<String, ColumnType> known) {
        Columns columns = columns(known);
        parse(config.ideal(), columns);
        for (ScorecardConfig sc : config.scorecards()) {
            for (ScorecardConfig.Criterion c : sc.criteria()) {
                for (ScorecardConfig.Band b : c.bands()) {
                    if (!b.isElse()) {
                        parse(b.when(), columns);
                    }
                }
            }
        }
    }

    private static void parse(ConfigExpression e, Columns columns) {
        try {
            Expr.parse(e.text(), columns);
        } catch (ExpressionException ex) {
            throw new ConfigException(e.where() + ex.getMessage());
        }
    }

    /** The expression vocabulary for a set of typed columns. */
    static Columns columns(Map<String, ColumnType> known) {
        Map<String, ValueType> types = new LinkedHashMap<>();
        known.forEach((name, type) -> types.put(name, valueType(type)));
        return Columns.of(types);
    }

    /** The expression type of a stored column type. */
    static ValueType valueType(ColumnType type) {
        return switch (type) {
            case ID, TEXT, ENUM -> ValueType.TEXT;
            case INT, NUMBER, MONEY -> ValueType.NUMBER;
            case BOOL -> ValueType.BOOLEAN;
            case DATE -> ValueType.DATE;
            case TS -> ValueType.TIMESTAMP;
            case LIST -> ValueType.LIST;
        };
    }
}
