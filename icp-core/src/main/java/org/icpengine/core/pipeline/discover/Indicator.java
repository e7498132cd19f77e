package org.icpengine.core.pipeline.discover;

import java.util.List;
import java.util.Objects;

import org.icpengine.stats.binning.IvStrength;

/**
 * One winning indicator: an account attribute or metric binned against the {@code ideal} outcome of the
 * labelled customers, with its information value (IV), strength label and weight of evidence per bin.
 *
 * <p>Sign convention (optbinning's, as in {@link org.icpengine.stats.binning.Binning}): the event is
 * "ideal", WoE = ln(%not ideal / %ideal), so a bin richer in ideal customers than the whole has a
 * <em>negative</em> WoE; {@link Bin#idealRate()} says the same in plain terms.
 *
 * @param name     the column of {@code account_metrics}
 * @param group    usage, commercial, customer success, firmographic or custom
 * @param type     numeric or category (booleans and bands are categories)
 * @param iv       information value, &ge; 0
 * @param strength Siddiqi's label of {@code iv}
 * @param rows     labelled customers binned (the missing bin included)
 * @param missing  of them, those with no value
 * @param bins     the bins in the binning's order (ranges ascending or categories by size, then other, missing);
 *                 empty bins are left out
 */
public record Indicator(String name, String group, String type, double iv, IvStrength strength, long rows,
                        long missing, List<Bin> bins) {

    /** Validates and copies. */
    public Indicator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(strength, "strength");
        bins = List.copyOf(bins);
    }

    /**
     * One bin of an indicator.
     *
     * @param label     the values it holds, e.g. {@code "[2.5, 4)"} (bounds rounded to three significant digits),
     *                  {@code "SaaS"}, {@code "other"}, {@code "missing"}
     * @param lower     exact inclusive lower bound of a range bin; {@code null} if open or not a range
     * @param upper     exact exclusive upper bound of a range bin; {@code null} if open or not a range
     * @param customers labelled customers in it
     * @param ideal     of them, ideal ones
     * @param idealRate {@code ideal / customers}
     * @param woe       weight of evidence (negative = more ideal than average)
     * @param iv        the bin's share of the information value
     */
    public record Bin(String label, Double lower, Double upper, long customers, long ideal, double idealRate, double woe, double iv) {
        /** Checks the label. */
        public Bin {
            Objects.requireNonNull(label, "label");
        }
    }
}
