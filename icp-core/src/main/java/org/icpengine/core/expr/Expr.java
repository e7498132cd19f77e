package org.icpengine.core.expr;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed condition of the expression language: an immutable tree of records, built by
 * {@link #parse(String, Columns)} and compiled to parameterized SQL ({@link #toSql(Dialect)}) or to an
 * in-memory {@link RowPredicate} ({@link #toPredicate()}) with the same meaning.
 *
 * <h2>Grammar (EBNF)</h2>
 * <pre>
 * expression = or ;
 * or         = and , { "or" , and } ;
 * and        = not , { "and" , not } ;
 * not        = "not" , not | primary ;
 * primary    = "(" , expression , ")" | condition ;
 * condition  = column , compare_op , value
 *            | column , [ "not" ] , "between" , value , "and" , value
 *            | column , [ "not" ] , "in" , "(" , value , { "," , value } , ")"
 *            | column , "is" , [ "not" ] , "null"
 *            | string , [ "not" ] , "in" , column          (* membership in a LIST column *)
 *            | column ;                                    (* a BOOLEAN column on its own *)
 * compare_op = "=" | "!=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ;
 * value      = number | string | "date" , string | "timestamp" , string | "true" | "false" ;
 * number     = [ "-" ] , digit , { digit } , [ "." , digit , { digit } ] ;
 * string     = "'" , { any character except "'" and control characters | "''" } , "'" ;
 * column     = ( letter | "_" ) , { letter | digit | "_" } ;    (* ASCII; not a keyword *)
 * </pre>
 * Keywords and column names are case-insensitive; whitespace is space, tab, CR and LF. {@code not} binds
 * tighter than {@code and}, which binds tighter than {@code or}; a comparison binds tighter than all
 * three, so {@code not a = 1 or b = 2} is {@code (not (a = 1)) or (b = 2)}.
 *
 * <h2>Types</h2>
 * Each column has a {@link ValueType}, and a value must fit it:
 * <ul>
 *   <li>TEXT takes 'strings'; NUMBER takes numbers; BOOLEAN takes {@code true}/{@code false} with
 *       {@code = != in} only.</li>
 *   <li>DATE takes {@code date 'yyyy-mm-dd'} or a bare {@code 'yyyy-mm-dd'} string; TIMESTAMP also takes
 *       {@code timestamp 'yyyy-mm-dd hh:mm:ss'} (a date means midnight UTC).</li>
 *   <li>LIST takes only {@code 'x' in column}, {@code 'x' not in column} and {@code is [not] null}.</li>
 *   <li>{@code between} is inclusive at both ends; a lower bound above the upper one is an error
 *       (the range would be empty). Comparing with {@code null} is an error; write {@code is null}.</li>
 * </ul>
 *
 * <h2>Nulls: three-valued logic</h2>
 * As in SQL, a comparison, {@code between}, {@code in} or membership test on a null value is
 * <em>unknown</em>, not true and not false; {@code not unknown} is unknown; {@code false and unknown} is
 * false; {@code true or unknown} is true. A row is selected (a band applies) only when the whole
 * condition is true, so {@code not (industry = 'SaaS')} does not select rows whose industry is null.
 * Only {@code is null} and {@code is not null} are true or false for a null value. An empty list is not
 * null: {@code 'x' in tech_stack} is false for it; null elements of a list never match.
 *
 * <p>Text comparisons are case-sensitive and order by Unicode code point. A whole-number literal
 * compares exactly; a decimal literal compares in double precision with double columns.
 *
 * <h2>Security</h2>
 * User text reaches SQL only through this parser: column names are checked against {@link Columns}
 * and mapped by the caller's {@link ColumnSql}, and every literal becomes a {@code ?} bind parameter.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * Columns columns = Columns.of(Map.of("industry", ValueType.TEXT, "employees", ValueType.NUMBER,
 *                                     "tech_stack", ValueType.LIST));
 * Expr e = Expr.parse("industry in ('Fintech', 'SaaS') and employees >= 50 and 'snowflake' in tech_stack",
 *                     columns);
 * SqlFragment where = e.toSql(Dialect.duckdb());
 * // where.sql():    (("industry" IN (?, ?)) AND ("employees" >= ?) AND (list_contains("tech_stack", ?)))
 * // where.params(): [Fintech, SaaS, 50, snowflake]
 * boolean ok = e.toPredicate().test(Map.of("industry", "SaaS", "employees", 120L,
 *                                          "tech_stack", List.of("snowflake")));
 * }</pre>
 */
public sealed interface Expr {

    /**
     * Parses {@code text} with {@link Limits#DEFAULT} and checks it against {@code columns}.
     *
     * @throws ExpressionException if the text is not a well-formed, well-typed expression over the
     *                             columns, or exceeds a limit; never a stack overflow
     */
    static Expr parse(String text, Columns columns) {
        return parse(text, columns, Limits.DEFAULT);
    }

    /** As {@link #parse(String, Columns)}, with explicit limits. */
    static Expr parse(String text, Columns columns, Limits limits) {
        return Parser.parse(Objects.requireNonNull(text, "text"), Objects.requireNonNull(columns, "columns"),
                Objects.requireNonNull(limits, "limits"));
    }

    /** The names of the columns this expression refers to, as declared, in order of first appearance. */
    default Set<String> columns() {
        Set<String> names = new LinkedHashSet<>();
        Trees.collectColumns(this, names, 0);
        return Collections.unmodifiableSet(names);
    }

    /** This expression in canonical form; parsing it again gives an equal tree. */
    default String text() {
        return Printer.print(this);
    }

    /**
     * Compiles to SQL for {@code dialect}, with each column written as the dialect's quoted identifier.
     *
     * @see #toSql(Dialect, ColumnSql)
     */
    default SqlFragment toSql(Dialect dialect) {
        Objects.requireNonNull(dialect, "dialect");
        return toSql(dialect, dialect::quoteIdentifier);
    }

    /**
     * Compiles to a SQL boolean expression, parenthesized so it can be embedded anywhere (a
     * {@code WHERE}, a {@code CASE WHEN}, a {@code FILTER}). Every literal is a {@code ?} parameter, listed
     * in order in {@link SqlFragment#params()}; columns are written as {@code columns} maps them.
     *
     * @param columns maps each column name of {@link #columns()} to trusted SQL
     */
    default SqlFragment toSql(Dialect dialect, ColumnSql columns) {
        return SqlCompiler.compile(this, Objects.requireNonNull(dialect, "dialect"),
                Objects.requireNonNull(columns, "columns"));
    }

    /**
     * Compiles to an in-memory predicate with the same meaning as the SQL, including null semantics.
     * The predicate is immutable and thread-safe.
     */
    default RowPredicate toPredicate() {
        return PredicateCompiler.compile(this);
    }

    // ---------------------------------------------------------------------------------------------

    /** All operands are true; at least two. */
    record And(List<Expr> operands) implements Expr {
        public And {
            operands = Trees.operands(operands, "and");
        }
    }

    /** At least one operand is true; at least two. */
    record Or(List<Expr> operands) implements Expr {
        public Or {
            operands = Trees.operands(operands, "or");
        }
    }

    /** The operand is false (unknown stays unknown). */
    record Not(Expr operand) implements Expr {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** {@code column op value}. */
    record Compare(String column, CompareOp op, Literal value) implements Expr {
        public Compare {
            Trees.checkColumn(column);
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code column between low and high}, inclusive at both ends. */
    record Between(String column, Literal low, Literal high) implements Expr {
        public Between {
            Trees.checkColumn(column);
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
        }
    }

    /** {@code column in (values…)}; at least one value. */
    record In(String column, List<Literal> values) implements Expr {
        public In {
            Trees.checkColumn(column);
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("an in-list needs at least one value");
            }
        }
    }

    /** {@code column is null}; write {@code is not null} as {@code Not(IsNull)}. */
    record IsNull(String column) implements Expr {
        public IsNull {
            Trees.checkColumn(column);
        }
    }

    /** {@code 'value' in column}: the LIST column contains {@code value}. */
    record Contains(String column, String value) implements Expr {
        public Contains {
            Trees.checkColumn(column);
            Objects.requireNonNull(value, "value");
        }
    }

    /** A BOOLEAN column on its own: true when the column is true. */
    record BooleanColumn(String column) implements Expr {
        public BooleanColumn {
            Trees.checkColumn(column);
        }
    }
}
