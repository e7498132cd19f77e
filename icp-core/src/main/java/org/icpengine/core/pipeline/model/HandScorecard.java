package org.icpengine.core.pipeline.model;

import java.util.List;
import java.util.Objects;

import org.icpengine.errors.InputException;

/**
 * A hand-written scoring table of {@code icp.yaml} {@code scorecards:} as stored in its model file: each
 * criterion gives the points of its first band whose {@code when} condition holds (SQL null semantics: an
 * unknown condition does not hold), or of its {@code else} band, or 0 when no band applies.
 *
 * @param criteria the criteria, in the order written
 */
public record HandScorecard(List<Criterion> criteria) {

    /** Validates and copies. */
    public HandScorecard {
        criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria"));
        if (criteria.isEmpty()) {
            throw new InputException("a hand-written scorecard needs at least one criterion");
        }
    }

    /**
     * One criterion.
     *
     * @param name       the criterion's name
     * @param bands      its bands, tried in order
     * @param meanPoints mean points over the tiering population: the reference of reasons gained and lost
     */
    public record Criterion(String name, List<Band> bands, double meanPoints) {
        /** Validates and copies. */
        public Criterion {
            Objects.requireNonNull(name, "name");
            bands = List.copyOf(Objects.requireNonNull(bands, "bands"));
        }
    }

    /**
     * One band.
     *
     * @param when   the condition as written, or {@code null} for the {@code else} band
     * @param points the points it gives
     */
    public record Band(String when, int points) {
        /** The band's label in the scoring table: its condition, or {@code else}. */
        public String label() {
            return when == null ? "else" : when;
        }
    }
}
