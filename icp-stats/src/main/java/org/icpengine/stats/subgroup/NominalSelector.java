package org.icpengine.stats.subgroup;

import org.icpengine.stats.internal.Validate;

/**
 * The condition {@code attribute = value} on a nominal attribute. Rows whose value is missing
 * ({@code null}) never match.
 *
 * @param attribute attribute name, not blank
 * @param value the value matched exactly (case-sensitive), not null
 */
public record NominalSelector(String attribute, String value) implements Selector {

    public NominalSelector {
        Validate.isTrue(attribute != null && !attribute.isBlank(), "selector attribute must not be blank");
        Validate.isTrue(value != null, "selector value of '" + attribute + "' must not be null");
    }

    @Override
    public String describe() {
        return attribute + " = '" + value.replace("'", "''") + "'";
    }
}
