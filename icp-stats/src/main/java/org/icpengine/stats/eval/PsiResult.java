package org.icpengine.stats.eval;

import java.util.List;
import org.icpengine.stats.internal.Validate;

/**
 * A population stability index with its per-bin table, as returned by {@link Psi}.
 *
 * @param psi the index, {@code >= 0}; the sum of the bins' contributions
 * @param bins the bins in increasing order of score
 */
public record PsiResult(double psi, List<PsiBin> bins) {

    public PsiResult {
        Validate.nonNegative(psi, "psi");
        Validate.isTrue(bins != null && !bins.isEmpty(), "bins must not be empty");
        bins = List.copyOf(bins);
    }
}
