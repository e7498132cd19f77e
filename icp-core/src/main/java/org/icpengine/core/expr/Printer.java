package org.icpengine.core.expr;

import java.util.List;

/**
 * Writes a tree back as expression text in canonical form: lower-case keywords, single spaces,
 * parentheses only where needed to keep the same tree.
 */
final class Printer {

    private Printer() {
    }

    static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        write(e, sb, 0);
        return sb.toString();
    }

    private static void write(Expr e, StringBuilder sb, int depth) {
        Trees.checkDepth(depth);
        if (e instanceof Expr.Or or) {
            join(or.operands(), " or ", sb, depth, Expr.Or.class);
        } else if (e instanceof Expr.And and) {
            join(and.operands(), " and ", sb, depth, Expr.And.class);
        } else if (e instanceof Expr.Not not) {
            writeNot(not.operand(), sb, depth);
        } else {
            writeLeaf(e, sb);
        }
    }

    private static void writeLeaf(Expr e, StringBuilder sb) {
        if (e instanceof Expr.Compare c) {
            sb.append(c.column()).append(' ').append(c.op().symbol()).append(' ').append(c.value().text());
        } else if (e instanceof Expr.Between b) {
            writeBetween(b, false, sb);
        } else if (e instanceof Expr.In in) {
            writeIn(in, false, sb);
        } else if (e instanceof Expr.IsNull n) {
            sb.append(n.column()).append(" is null");
        } else if (e instanceof Expr.Contains c) {
            sb.append(new Literal.TextValue(c.value()).text()).append(" in ").append(c.column());
        } else if (e instanceof Expr.BooleanColumn b) {
            sb.append(b.column());
        } else {
            throw Trees.unknownNode(e);
        }
    }

    private static void writeNot(Expr operand, StringBuilder sb, int depth) {
        if (operand instanceof Expr.Between b) {
            writeBetween(b, true, sb);
        } else if (operand instanceof Expr.In in) {
            writeIn(in, true, sb);
        } else if (operand instanceof Expr.IsNull n) {
            sb.append(n.column()).append(" is not null");
        } else if (operand instanceof Expr.Contains c) {
            sb.append(new Literal.TextValue(c.value()).text()).append(" not in ").append(c.column());
        } else if (operand instanceof Expr.And || operand instanceof Expr.Or) {
            sb.append("not (");
            write(operand, sb, depth + 1);
            sb.append(')');
        } else {
            sb.append("not ");
            write(operand, sb, depth + 1);
        }
    }

    private static void join(List<Expr> operands, String operator, StringBuilder sb, int depth,
                             Class<? extends Expr> self) {
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sb.append(operator);
            }
            Expr operand = operands.get(i);
            // an 'or' inside an 'and' needs parentheses; so does a nested node of the same kind,
            // which the parser would otherwise flatten into its parent
            boolean parens = operand instanceof Expr.Or || operand.getClass() == self;
            if (parens) {
                sb.append('(');
            }
            write(operand, sb, depth + 1);
            if (parens) {
                sb.append(')');
            }
        }
    }

    private static void writeBetween(Expr.Between b, boolean negated, StringBuilder sb) {
        sb.append(b.column()).append(negated ? " not between " : " between ")
                .append(b.low().text()).append(" and ").append(b.high().text());
    }

    private static void writeIn(Expr.In in, boolean negated, StringBuilder sb) {
        sb.append(in.column()).append(negated ? " not in (" : " in (");
        for (int i = 0; i < in.values().size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(in.values().get(i).text());
        }
        sb.append(')');
    }
}
