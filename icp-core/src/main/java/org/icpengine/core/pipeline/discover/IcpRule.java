package org.icpengine.core.pipeline.discover;

import java.util.List;
import java.util.Objects;

/**
 * One ICP rule found by subgroup discovery: a conjunction of conditions on firmographic, technographic and
 * custom attributes whose customers are ideal markedly more often than the labelled customers as a whole.
 *
 * @param conditions   the conditions, all of which hold
 * @param sentence     the rule in words, e.g. "Fintech or SaaS companies with 51–200 employees using Snowflake:
 *                     3.1× the ideal rate, n = 84"
 * @param expression   the rule in the expression language of {@code icp.yaml} (for {@code --where} or a
 *                     hand-written scorecard)
 * @param customers    labelled customers the rule covers (n)
 * @param ideal        of them, ideal ones
 * @param idealRate    {@code ideal / customers}
 * @param lift         {@code idealRate} over the ideal rate of all labelled customers
 * @param idealRateLow lower bound of the 95% Wilson interval of {@code idealRate}
 * @param idealRateHigh upper bound of that interval
 * @param medianLtvCac median {@code ltv_cac} of the covered customers that have one; {@code null} if none has
 * @param quality      StandardQF(a) of the rule: {@code (n/N)^a · (idealRate − base rate)}
 */
public record IcpRule(List<Condition> conditions, String sentence, String expression, int customers, int ideal,
                      double idealRate, double lift, double idealRateLow, double idealRateHigh, Double medianLtvCac,
                      double quality) {

    /** Validates and copies. */
    public IcpRule {
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(expression, "expression");
    }

    /** The attributes the rule's conditions are on, in order. */
    public List<String> attributes() {
        return conditions.stream().map(Condition::attribute).toList();
    }

    /**
     * One condition of a rule: either a set of values ({@code values}, any of which matches) or a numeric
     * interval {@code lower <= attribute < upper} ({@code values} empty; a {@code null} bound is open).
     *
     * @param attribute the column of {@code account_metrics}
     * @param values    the matching values of a category attribute ({@code "true"}/{@code "false"} for booleans)
     * @param lower     inclusive lower bound of an interval, or {@code null}
     * @param upper     exclusive upper bound of an interval, or {@code null}
     */
    public record Condition(String attribute, List<String> values, Double lower, Double upper) {
        /** Validates and copies. */
        public Condition {
            Objects.requireNonNull(attribute, "attribute");
            values = List.copyOf(values);
        }
    }
}
