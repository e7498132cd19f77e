package org.icpengine.core.expr;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.icpengine.core.expr.Comparisons.ValueComparator;

/**
 * Compiles a tree into nested evaluators once, so that evaluating a row does no tree walking, type
 * dispatch on literals or allocation. Results are three-valued: {@link #TRUE}, {@link #FALSE},
 * {@link #UNKNOWN}.
 */
final class PredicateCompiler {

    static final int FALSE = 0;
    static final int TRUE = 1;
    static final int UNKNOWN = 2;

    /** One compiled node. */
    interface Node {
        int eval(Function<String, ?> row);
    }

    private PredicateCompiler() {
    }

    static RowPredicate compile(Expr e) {
        return new Compiled(e, node(e, 0));
    }

    private record Compiled(Expr expr, Node root) implements RowPredicate {
        @Override
        public Boolean evaluate(Function<String, ?> row) {
            int r = root.eval(row);
            return r == UNKNOWN ? null : r == TRUE;
        }

        @Override
        public boolean test(Function<String, ?> row) {
            return root.eval(row) == TRUE;
        }

        @Override
        public String toString() {
            return "RowPredicate[" + expr.text() + "]";
        }
    }

    private static Node node(Expr e, int depth) {
        Trees.checkDepth(depth);
        if (e instanceof Expr.And and) {
            Node[] ops = nodes(and.operands(), depth);
            return row -> {
                int result = TRUE;
                for (Node op : ops) {
                    int r = op.eval(row);
                    if (r == FALSE) {
                        return FALSE;
                    }
                    if (r == UNKNOWN) {
                        result = UNKNOWN;
                    }
                }
                return result;
            };
        }
        if (e instanceof Expr.Or or) {
            Node[] ops = nodes(or.operands(), depth);
            return row -> {
                int result = FALSE;
                for (Node op : ops) {
                    int r = op.eval(row);
                    if (r == TRUE) {
                        return TRUE;
                    }
                    if (r == UNKNOWN) {
                        result = UNKNOWN;
                    }
                }
                return result;
            };
        }
        if (e instanceof Expr.Not not) {
            Node op = node(not.operand(), depth + 1);
            return row -> {
                int r = op.eval(row);
                return r == UNKNOWN ? UNKNOWN : (r == TRUE ? FALSE : TRUE);
            };
        }
        return leaf(e);
    }

    /** A condition on one column; not recursive. */
    private static Node leaf(Expr e) {
        if (e instanceof Expr.Compare c) {
            String column = c.column();
            CompareOp op = c.op();
            ValueComparator cmp = Comparisons.comparator(column, c.value());
            return row -> {
                Object v = row.apply(column);
                return v == null ? UNKNOWN : of(op.accepts(cmp.compare(v)));
            };
        }
        if (e instanceof Expr.Between b) {
            String column = b.column();
            ValueComparator low = Comparisons.comparator(column, b.low());
            ValueComparator high = Comparisons.comparator(column, b.high());
            return row -> {
                Object v = row.apply(column);
                return v == null ? UNKNOWN : of(low.compare(v) >= 0 && high.compare(v) <= 0);
            };
        }
        if (e instanceof Expr.In in) {
            return inNode(in);
        }
        if (e instanceof Expr.IsNull n) {
            String column = n.column();
            return row -> of(row.apply(column) == null);
        }
        if (e instanceof Expr.Contains c) {
            String column = c.column();
            String value = c.value();
            return row -> {
                Object v = row.apply(column);
                if (v == null) {
                    return UNKNOWN;
                }
                for (Object element : Comparisons.list(column, v)) {
                    // null elements never match (DuckDB list_contains)
                    if (element != null && value.equals(Comparisons.text(column, element))) {
                        return TRUE;
                    }
                }
                return FALSE;
            };
        }
        if (e instanceof Expr.BooleanColumn b) {
            String column = b.column();
            return row -> {
                Object v = row.apply(column);
                return v == null ? UNKNOWN : of(Comparisons.bool(column, v));
            };
        }
        throw Trees.unknownNode(e);
    }

    private static Node inNode(Expr.In in) {
        String column = in.column();
        boolean allText = in.values().stream().allMatch(v -> v instanceof Literal.TextValue);
        if (allText) {
            Set<String> values = new HashSet<>();
            in.values().forEach(v -> values.add(((Literal.TextValue) v).value()));
            return row -> {
                Object v = row.apply(column);
                return v == null ? UNKNOWN : of(values.contains(Comparisons.text(column, v)));
            };
        }
        ValueComparator[] cmps = in.values().stream()
                .map(v -> Comparisons.comparator(column, v)).toArray(ValueComparator[]::new);
        return row -> {
            Object v = row.apply(column);
            if (v == null) {
                return UNKNOWN;
            }
            for (ValueComparator cmp : cmps) {
                if (cmp.compare(v) == 0) {
                    return TRUE;
                }
            }
            return FALSE;
        };
    }

    private static Node[] nodes(List<Expr> operands, int depth) {
        Node[] nodes = new Node[operands.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = node(operands.get(i), depth + 1);
        }
        return nodes;
    }

    private static int of(boolean b) {
        return b ? TRUE : FALSE;
    }
}
