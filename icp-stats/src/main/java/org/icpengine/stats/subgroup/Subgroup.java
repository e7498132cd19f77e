package org.icpengine.stats.subgroup;

import java.util.List;
import java.util.StringJoiner;
import org.icpengine.stats.internal.Validate;

/**
 * One discovered subgroup: a conjunction of selectors with its coverage and quality.
 *
 * <p>For a {@link TargetType#BINARY} target {@code positives} counts the positive rows and
 * {@code targetShare} is {@code positives / size}; for a {@link TargetType#NUMERIC} target
 * {@code positives} is the sum of the target over the subgroup and {@code targetShare} its mean.
 *
 * @param selectors the conjunction, in search-space order; not empty; at most one per attribute
 * @param size rows covered, at least 1
 * @param positives positive rows (binary) or target sum (numeric)
 * @param targetShare positive share (binary) or target mean (numeric)
 * @param quality {@code (size/N)^a · (targetShare − population share)}
 */
public record Subgroup(List<Selector> selectors, int size, double positives, double targetShare, double quality) {

    public Subgroup {
        Validate.isTrue(selectors != null && !selectors.isEmpty(), "a subgroup needs at least one selector");
        selectors = List.copyOf(selectors);
        Validate.isTrue(size >= 1, "subgroup size must be >= 1, got " + size);
        Validate.isTrue(Double.isFinite(positives), "subgroup positives must be finite, got " + positives);
        Validate.isTrue(Double.isFinite(targetShare), "subgroup targetShare must be finite, got " + targetShare);
        Validate.isTrue(Double.isFinite(quality), "subgroup quality must be finite, got " + quality);
    }

    /** The number of selectors in the conjunction. */
    public int depth() {
        return selectors.size();
    }

    /** The conjunction in words, for example {@code housing = 'rent' AND age < 25}. */
    public String describe() {
        StringJoiner j = new StringJoiner(" AND ");
        for (Selector s : selectors) {
            j.add(s.describe());
        }
        return j.toString();
    }
}
