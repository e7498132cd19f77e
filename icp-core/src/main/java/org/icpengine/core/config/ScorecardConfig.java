package org.icpengine.core.config;

import java.util.List;

/**
 * A hand-written scoring table from {@code scorecards:}, evaluated like a learned one.
 *
 * @param name     the scorecard's name
 * @param criteria its criteria, each scoring the first band whose condition holds
 */
public record ScorecardConfig(String name, List<Criterion> criteria) {
    public ScorecardConfig {
        criteria = List.copyOf(criteria);
    }

    /** One criterion: bands tried in order. */
    public record Criterion(String name, List<Band> bands) {
        public Criterion {
            bands = List.copyOf(bands);
        }
    }

    /** A band: {@code when} holds → {@code points}; {@code when == null} is the {@code else} band. */
    public record Band(ConfigExpression when, double points) {
        /** Whether this is the {@code else} band. */
        public boolean isElse() {
            return when == null;
        }
    }
}
