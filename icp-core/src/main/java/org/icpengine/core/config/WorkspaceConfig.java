package org.icpengine.core.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.icpengine.core.schema.CanonicalTable;

/**
 * A workspace's validated {@code icp.yaml}: every key of DESIGN.md with its default filled in.
 * Built by {@link ConfigLoader}; immutable.
 *
 * @param file           the file it was read from
 * @param asOf           the analysis date, or empty for "latest date in the data"
 * @param currency       ISO currency of money columns
 * @param sources        sources by canonical table, in load order
 * @param useCases       use cases by name
 * @param bands          size bands
 * @param techStackFlags technologies that become {@code has_<name>} indicators
 * @param economics      unit economics
 * @param ideal          the "ideal customer" outcome
 * @param models         learned-scorecard inputs by model name
 * @param tiers          tier name → share of the training population, best first
 * @param scorecards     hand-written scorecards
 * @param icpIndex       how segments are ranked
 * @param ltv            how lifetime value is modelled
 */
public record WorkspaceConfig(Path file, Optional<LocalDate> asOf, String currency,
                              Map<CanonicalTable, SourceConfig> sources, Map<String, UseCase> useCases, Bands bands,
                              List<String> techStackFlags, Economics economics, ConfigExpression ideal,
                              Map<String, ModelConfig> models, Map<String, Double> tiers,
                              List<ScorecardConfig> scorecards, IcpIndex icpIndex, LtvSettings ltv) {

    /** The default outcome of DESIGN.md. */
    public static final String DEFAULT_IDEAL = "retained_12m and nrr_12m >= 1.0 and ltv_cac >= 3";

    public WorkspaceConfig {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        useCases = Collections.unmodifiableMap(new LinkedHashMap<>(useCases));
        techStackFlags = List.copyOf(techStackFlags);
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        tiers = Collections.unmodifiableMap(new LinkedHashMap<>(tiers));
        scorecards = List.copyOf(scorecards);
    }

    /** The workspace folder (the folder of {@code icp.yaml}). */
    public Path workspaceDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".").toAbsolutePath();
    }

    /** The source of a table, if configured. */
    public Optional<SourceConfig> source(CanonicalTable table) {
        return Optional.ofNullable(sources.get(table));
    }

    /** Custom attributes of the accounts source (the candidate indicators), by name. */
    public Map<String, AttributeConfig> accountAttributes() {
        return source(CanonicalTable.ACCOUNTS).map(SourceConfig::attributes).orElse(Map.of());
    }
}
