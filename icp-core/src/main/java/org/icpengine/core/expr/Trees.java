package org.icpengine.core.expr;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Checks shared by the tree records and the tree walkers. */
final class Trees {

    /**
     * The deepest tree the walkers accept. A parsed tree is at most 2 × {@link Limits#DEPTH_CEILING} + 1
     * deep (an 'or' and an 'and' per parenthesis); this bound protects callers that build trees in code.
     */
    static final int MAX_TREE_DEPTH = 500;

    private Trees() {
    }

    static List<Expr> operands(List<Expr> operands, String what) {
        List<Expr> copy = List.copyOf(operands);
        if (copy.size() < 2) {
            throw new IllegalArgumentException("'" + what + "' needs at least two operands, got " + copy.size());
        }
        return copy;
    }

    static void checkColumn(String column) {
        Objects.requireNonNull(column, "column");
        if (!Columns.isValidName(column)) {
            throw new IllegalArgumentException("not a valid column name: '" + Texts.abbreviate(column) + "'");
        }
    }

    static void checkDepth(int depth) {
        if (depth > MAX_TREE_DEPTH) {
            throw new IllegalArgumentException("expression tree deeper than " + MAX_TREE_DEPTH + " levels");
        }
    }

    static void collectColumns(Expr e, Set<String> into, int depth) {
        checkDepth(depth);
        List<Expr> operands = e instanceof Expr.And and ? and.operands()
                : e instanceof Expr.Or or ? or.operands() : null;
        if (operands != null) {
            for (Expr operand : operands) {
                collectColumns(operand, into, depth + 1);
            }
        } else if (e instanceof Expr.Not not) {
            collectColumns(not.operand(), into, depth + 1);
        } else {
            into.add(leafColumn(e));
        }
    }

    /** The column of a leaf (a condition on one column). */
    static String leafColumn(Expr e) {
        if (e instanceof Expr.Compare c) {
            return c.column();
        } else if (e instanceof Expr.Between b) {
            return b.column();
        } else if (e instanceof Expr.In in) {
            return in.column();
        } else if (e instanceof Expr.IsNull n) {
            return n.column();
        } else if (e instanceof Expr.Contains c) {
            return c.column();
        } else if (e instanceof Expr.BooleanColumn b) {
            return b.column();
        }
        throw unknownNode(e);
    }

    static IllegalStateException unknownNode(Expr e) {
        return new IllegalStateException("unknown expression node " + e.getClass().getName());
    }
}
