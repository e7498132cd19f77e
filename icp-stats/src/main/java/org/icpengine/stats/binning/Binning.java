package org.icpengine.stats.binning;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.icpengine.errors.InputException;
import org.icpengine.stats.internal.Validate;

/**
 * The fitted binning of one variable: its bins with training counts, weight of evidence (WoE) and
 * information value (IV), and the mapping from a new value to its bin, so that new data can be scored.
 * Immutable and thread-safe; serializes to JSON with Jackson as its record components.
 *
 * <p>Conventions (those of optbinning): an event is label 1; WoE = ln(%non-event / %event) per bin,
 * so a bin with a higher event rate than the whole has a negative WoE; IV = sum over bins of
 * (%non-event - %event) * WoE. A bin with no events or no non-events gets 0.5 added to both of its
 * counts before its WoE and IV are computed (Haldane-Anscombe correction), so nothing is infinite;
 * an empty bin has WoE 0 and IV 0. Bins with both classes present are computed exactly.
 *
 * <p>Layout: a {@link VariableType#NUMERIC} binning has range bins {@code [s_i, s_i+1)} covering the
 * whole line in ascending order, then one {@link BinKind#MISSING} bin for {@code NaN}. A
 * {@link VariableType#CATEGORICAL} binning has {@link BinKind#CATEGORY} bins, then one
 * {@link BinKind#OTHER} bin (rare categories at training, and categories never seen), then the
 * missing bin for {@code null}. The missing and other bins are always present, possibly empty.
 *
 * @param name the variable's name
 * @param type numeric or categorical
 * @param bins the bins in the layout above
 */
public record Binning(String name, VariableType type, List<Bin> bins) {

    /** Validates the layout and copies {@code bins}. */
    public Binning {
        Validate.isTrue(name != null && !name.isBlank(), "binning name must not be blank");
        Objects.requireNonNull(type, "type");
        bins = List.copyOf(Objects.requireNonNull(bins, "bins"));
        Validate.isTrue(bins.size() >= 2, "binning '" + name + "' needs at least one bin besides the missing bin");
        Validate.isTrue(bins.get(bins.size() - 1).kind() == BinKind.MISSING,
                "binning '" + name + "': the last bin must be the missing bin");
        if (type == VariableType.NUMERIC) {
            validateNumeric(name, bins);
        } else {
            validateCategorical(name, bins);
        }
    }

    private static void validateNumeric(String name, List<Bin> bins) {
        int ranges = bins.size() - 1;
        for (int i = 0; i < ranges; i++) {
            Bin b = bins.get(i);
            Validate.isTrue(b.kind() == BinKind.RANGE,
                    "numeric binning '" + name + "': bin " + i + " must be a range bin, got " + b.kind());
            if (i == 0) {
                Validate.isTrue(b.lower() == Double.NEGATIVE_INFINITY,
                        "numeric binning '" + name + "': the first bin must start at -Infinity");
            } else {
                Validate.isTrue(b.lower() == bins.get(i - 1).upper(),
                        "numeric binning '" + name + "': bin " + i + " must start where bin " + (i - 1) + " ends");
            }
        }
        Validate.isTrue(bins.get(ranges - 1).upper() == Double.POSITIVE_INFINITY,
                "numeric binning '" + name + "': the last range bin must end at +Infinity");
    }

    private static void validateCategorical(String name, List<Bin> bins) {
        int other = bins.size() - 2;
        Validate.isTrue(bins.get(other).kind() == BinKind.OTHER,
                "categorical binning '" + name + "': the bin before the missing bin must be the other bin");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i <= other; i++) {
            Bin b = bins.get(i);
            Validate.isTrue(i == other || b.kind() == BinKind.CATEGORY,
                    "categorical binning '" + name + "': bin " + i + " must be a category bin, got " + b.kind());
            for (String c : b.categories()) {
                Validate.isTrue(c != null, "categorical binning '" + name + "': categories must not be null");
                Validate.isTrue(seen.add(c),
                        "categorical binning '" + name + "': category '" + c + "' is in more than one bin");
            }
        }
    }

    /** Training rows with label 1. */
    public long events() {
        long s = 0;
        for (Bin b : bins) {
            s += b.events();
        }
        return s;
    }

    /** Training rows with label 0. */
    public long nonEvents() {
        long s = 0;
        for (Bin b : bins) {
            s += b.nonEvents();
        }
        return s;
    }

    /** Training rows. */
    public long count() {
        return events() + nonEvents();
    }

    /** Information value of the variable: the sum of the bins' IV terms. */
    public double iv() {
        double s = 0;
        for (Bin b : bins) {
            s += b.iv();
        }
        return s;
    }

    /** {@link IvStrength} label of {@link #iv()} (Siddiqi 2006). */
    public IvStrength strength() {
        return IvStrength.of(iv());
    }

    /**
     * Gini coefficient 2 * AUC - 1 of the variable used as a score through its bins' event rates, as
     * optbinning reports it. Rows in bins of equal event rate are ties (half concordant); empty
     * bins are ignored; {@code NaN} if the training data had one class only.
     */
    public double gini() {
        return WoeMath.gini(bins);
    }

    /** Index of the missing bin (always the last bin). */
    public int missingIndex() {
        return bins.size() - 1;
    }

    /** Number of bins, the missing bin (and for categoricals the other bin) included. */
    public int size() {
        return bins.size();
    }

    /**
     * The split points s_1 &lt; ... &lt; s_k of a numeric binning (the inner range bounds); empty when
     * it has a single range bin.
     *
     * @throws InputException for a categorical binning
     */
    public double[] splits() {
        requireType(VariableType.NUMERIC);
        double[] s = new double[bins.size() - 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = bins.get(i + 1).lower();
        }
        return s;
    }

    /**
     * Index of the bin holding a numeric value (for many values use {@link #binIndices(double[])}, or
     * a compiled scorecard scorer): the range bin with {@code lower <= value < upper}, or
     * the missing bin for {@code NaN}. Infinite values fall into the first or last range bin.
     *
     * @throws InputException for a categorical binning
     */
    public int binIndex(double value) {
        return indexIn(splits(), value);
    }

    /**
     * Index of the bin holding a category: its category bin, the other bin for a category not listed
     * (rare at training or never seen), or the missing bin for {@code null}. Matching is exact and
     * case-sensitive.
     *
     * @throws InputException for a numeric binning
     */
    public int binIndex(String category) {
        requireType(VariableType.CATEGORICAL);
        if (category == null) {
            return missingIndex();
        }
        for (int i = 0; i < bins.size() - 2; i++) {
            if (bins.get(i).categories().contains(category)) {
                return i;
            }
        }
        return bins.size() - 2;
    }

    /** WoE of the bin holding a numeric value (see {@link #binIndex(double)}). */
    public double woe(double value) {
        return bins.get(binIndex(value)).woe();
    }

    /** WoE of the bin holding a category (see {@link #binIndex(String)}). */
    public double woe(String category) {
        return bins.get(binIndex(category)).woe();
    }

    /** Bin index of every value of a numeric column ({@code NaN} to the missing bin). */
    public int[] binIndices(double[] values) {
        double[] s = splits();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = indexIn(s, values[i]);
        }
        return out;
    }

    /** Bin index of every value of a categorical column ({@code null} to the missing bin). */
    public int[] binIndices(String[] values) {
        Map<String, Integer> lookup = categoryLookup();
        int other = bins.size() - 2;
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            out[i] = v == null ? missingIndex() : lookup.getOrDefault(v, other);
        }
        return out;
    }

    /** WoE of every value of a numeric column; a new array. */
    public double[] transform(double[] values) {
        return woeOf(binIndices(values));
    }

    /** WoE of every value of a categorical column; a new array. */
    public double[] transform(String[] values) {
        return woeOf(binIndices(values));
    }

    /** Category to bin index of the category bins of a categorical binning; an unmodifiable new map. */
    public Map<String, Integer> categoryLookup() {
        requireType(VariableType.CATEGORICAL);
        Map<String, Integer> lookup = new HashMap<>();
        for (int i = 0; i < bins.size() - 2; i++) {
            for (String c : bins.get(i).categories()) {
                lookup.put(c, i);
            }
        }
        return Collections.unmodifiableMap(lookup);
    }

    private double[] woeOf(int[] index) {
        double[] table = new double[bins.size()];
        for (int b = 0; b < table.length; b++) {
            table[b] = bins.get(b).woe();
        }
        double[] out = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = table[index[i]];
        }
        return out;
    }

    /** Bin index of {@code value} given the inner split points: the number of splits &le; value. */
    static int indexIn(double[] splits, double value) {
        if (Double.isNaN(value)) {
            return splits.length + 1;
        }
        int lo = 0;
        int hi = splits.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (splits[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void requireType(VariableType expected) {
        if (type != expected) {
            throw new InputException("binning '" + name + "' is " + type + ", not " + expected);
        }
    }
}
