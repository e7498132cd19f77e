/**
 * The expression language of {@code --where} filters, the {@code ideal} outcome and hand-written
 * scorecard bands: a hand-written tokenizer and recursive descent parser that turns text such as
 * {@code industry in ('Fintech', 'SaaS') and employees >= 50} into an immutable, type-checked tree,
 * compiled to parameterized SQL or to an in-memory predicate with the same three-valued null semantics.
 *
 * <p>Start at {@link org.icpengine.core.expr.Expr}, whose documentation holds the grammar in EBNF, the
 * typing rules and the null semantics. Callers describe the known columns with
 * {@link org.icpengine.core.expr.Columns}, compile with a {@link org.icpengine.core.expr.Dialect}, and
 * catch {@link org.icpengine.core.expr.ExpressionException} (an
 * {@link org.icpengine.errors.InputException}) for bad input. User text never reaches SQL except as bind
 * parameters and as column names checked against the known columns.
 */
package org.icpengine.core.expr;
