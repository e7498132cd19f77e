package org.icpengine.core.pipeline.discover;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code icp discover} found, as of a date: winning indicators, ICP rules and personas, the population
 * they were measured on, the settings used, and a note for every part that was skipped and why.
 * Immutable; {@link Discovery#toJson} and {@link Discovery#fromJson} round trip it.
 *
 * @param asOf        the date of the account metrics
 * @param ideal       the {@code ideal} condition of {@code icp.yaml}
 * @param population  who was labelled
 * @param indicators  ranked by information value, highest first; empty when skipped
 * @param rules       best first (StandardQF); empty when skipped
 * @param personas    largest first; empty when skipped
 * @param skipped     per part ({@code indicators}, {@code rules}, {@code personas}, {@code pain_points},
 *                    {@code culture_fit}) that could not run: why, and which data would enable it
 * @param notes       anything else worth knowing (excluded columns, imputed values, ...)
 * @param settings    the settings of the run
 */
public record DiscoveryReport(LocalDate asOf, String ideal, Population population, List<Indicator> indicators,
                              List<IcpRule> rules, List<Persona> personas, Map<String, String> skipped,
                              List<String> notes, DiscoverySettings settings) {

    /** Validates and copies. */
    public DiscoveryReport {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(ideal, "ideal");
        Objects.requireNonNull(population, "population");
        indicators = List.copyOf(indicators);
        rules = List.copyOf(rules);
        personas = List.copyOf(personas);
        skipped = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skipped));
        notes = List.copyOf(notes);
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * The accounts behind the report.
     *
     * @param accounts  accounts in {@code account_metrics} at the date
     * @param customers of them, customers
     * @param mature    customers acquired 12 months or more before the date
     * @param labelled  mature customers whose {@code ideal} condition is known
     * @param ideal     labelled customers that are ideal
     * @param idealRate {@code ideal / labelled}, or {@code null} when none is labelled
     */
    public record Population(long accounts, long customers, long mature, long labelled, long ideal, Double idealRate) {
    }
}
