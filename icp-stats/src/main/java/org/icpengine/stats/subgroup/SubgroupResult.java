package org.icpengine.stats.subgroup;

import java.util.List;
import org.icpengine.stats.internal.Validate;

/**
 * The outcome of a subgroup search: the best subgroups, best first, with the population they were
 * measured against and the settings that produced them.
 *
 * @param subgroups best first (quality descending; ties: fewer selectors, then search-space order);
 *     possibly empty when nothing beats the population
 * @param targetType binary or numeric
 * @param populationSize N, the rows searched
 * @param populationPositives positive rows (binary) or target sum (numeric) over all rows
 * @param populationShare the population's positive share p_0 (binary) or mean (numeric)
 * @param settings the search settings
 */
public record SubgroupResult(List<Subgroup> subgroups, TargetType targetType, int populationSize,
        double populationPositives, double populationShare, BeamSearchSettings settings) {

    public SubgroupResult {
        Validate.isTrue(subgroups != null, "subgroups must not be null");
        subgroups = List.copyOf(subgroups);
        Validate.isTrue(targetType != null, "targetType must not be null");
        Validate.isTrue(populationSize >= 1, "populationSize must be >= 1, got " + populationSize);
        Validate.isTrue(Double.isFinite(populationShare), "populationShare must be finite, got " + populationShare);
        Validate.isTrue(settings != null, "settings must not be null");
    }

    /** A subgroup's target share divided by the population's (binary targets; meaningful when p_0 &gt; 0). */
    public double lift(Subgroup subgroup) {
        return subgroup.targetShare() / populationShare;
    }
}
