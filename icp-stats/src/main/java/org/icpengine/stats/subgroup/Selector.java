package org.icpengine.stats.subgroup;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One condition on one attribute, the building block of a subgroup description; a subgroup is the
 * conjunction (AND) of its selectors. In JSON a selector carries a {@code "type"} of
 * {@code "nominal"} or {@code "interval"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NominalSelector.class, name = "nominal"),
    @JsonSubTypes.Type(value = IntervalSelector.class, name = "interval")
})
public sealed interface Selector permits NominalSelector, IntervalSelector {

    /** The attribute the condition is on. */
    String attribute();

    /** The condition in words, for example {@code purpose = 'car (new)'} or {@code 25 <= age < 35}. */
    String describe();
}
