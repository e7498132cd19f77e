package org.icpengine.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a tree as portable SQL. Every node is parenthesized, so the result can be embedded in any
 * boolean context; every literal is a {@code ?} whose value goes to the parameter list. SQL's own
 * three-valued logic gives the null semantics documented on {@link Expr}.
 */
final class SqlCompiler {

    private final Dialect dialect;
    private final ColumnSql columns;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private SqlCompiler(Dialect dialect, ColumnSql columns) {
        this.dialect = dialect;
        this.columns = columns;
    }

    static SqlFragment compile(Expr e, Dialect dialect, ColumnSql columns) {
        SqlCompiler compiler = new SqlCompiler(dialect, columns);
        compiler.write(e, 0);
        return new SqlFragment(compiler.sql.toString(), compiler.params);
    }

    private void write(Expr e, int depth) {
        // only the boolean structure recurses; leaves are written by a separate, non-recursive
        // method so that each level of recursion costs a small stack frame
        Trees.checkDepth(depth);
        if (e instanceof Expr.And and) {
            join(and.operands(), " AND ", depth);
        } else if (e instanceof Expr.Or or) {
            join(or.operands(), " OR ", depth);
        } else if (e instanceof Expr.Not not) {
            sql.append("(NOT ");
            write(not.operand(), depth + 1);
            sql.append(')');
        } else {
            writeLeaf(e);
        }
    }

    private void writeLeaf(Expr e) {
        if (e instanceof Expr.Compare c) {
            sql.append('(').append(column(c.column())).append(' ').append(c.op().sql()).append(' ');
            param(c.value());
            sql.append(')');
        } else if (e instanceof Expr.Between b) {
            sql.append('(').append(column(b.column())).append(" BETWEEN ");
            param(b.low());
            sql.append(" AND ");
            param(b.high());
            sql.append(')');
        } else if (e instanceof Expr.In in) {
            sql.append('(').append(column(in.column())).append(" IN (");
            for (int i = 0; i < in.values().size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                param(in.values().get(i));
            }
            sql.append("))");
        } else if (e instanceof Expr.IsNull n) {
            sql.append('(').append(column(n.column())).append(" IS NULL)");
        } else if (e instanceof Expr.Contains c) {
            sql.append('(').append(dialect.listContains(column(c.column()), "?")).append(')');
            params.add(c.value());
        } else if (e instanceof Expr.BooleanColumn b) {
            sql.append('(').append(column(b.column())).append(')');
        } else {
            throw Trees.unknownNode(e);
        }
    }

    private void join(List<Expr> operands, String operator, int depth) {
        sql.append('(');
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sql.append(operator);
            }
            write(operands.get(i), depth + 1);
        }
        sql.append(')');
    }

    private String column(String name) {
        return Objects.requireNonNull(columns.sql(name), () -> "ColumnSql gave no SQL for column " + name);
    }

    private void param(Literal literal) {
        sql.append('?');
        params.add(literal.sqlValue());
    }
}
