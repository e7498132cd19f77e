package org.icpengine.stats.binning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.icpengine.errors.InputException;
import org.icpengine.stats.internal.Validate;

/**
 * Bins a categorical variable against a 0/1 label: each category holding at least
 * {@code minShare} of the non-missing rows gets its own bin, the rarer ones are grouped into the
 * {@link BinKind#OTHER} bin, and {@code null} goes to the missing bin. Immutable settings;
 * {@link #fit} returns a {@link Binning}. Thread-safe.
 *
 * <p>Category bins are ordered by descending row count, ties by category name. Categories are
 * compared exactly (case-sensitive; the empty string is a category, not a missing value). The other
 * bin is kept even when empty, so that a category never seen in training can still be scored: it
 * gets the other bin's WoE, which is 0 when that bin is empty.
 */
public final class CategoricalBinner {

    private static final CategoricalBinner DEFAULTS = new CategoricalBinner(0.05);

    private final double minShare;

    private CategoricalBinner(double minShare) {
        this.minShare = minShare;
    }

    /** Categories below 5% of the non-missing rows are grouped into the other bin. */
    public static CategoricalBinner defaults() {
        return DEFAULTS;
    }

    /** The same binner with a different minimum share in [0, 1]; 0 keeps every category. */
    public CategoricalBinner withMinShare(double minShare) {
        Validate.inRange(minShare, 0, 1, "minShare");
        return new CategoricalBinner(minShare);
    }

    /**
     * Bins {@code values} against {@code labels} (1 = event, 0 = non-event).
     *
     * @param name   the variable's name, kept in the binning and used in messages
     * @param values the categories; {@code null} is missing
     * @param labels 0 or 1 per value
     * @throws InputException if the arrays differ in length or a label is not 0/1
     * @throws org.icpengine.errors.InsufficientDataException if there are no rows or only one class
     */
    public Binning fit(String name, String[] values, int[] labels) {
        Validate.isTrue(name != null && !name.isBlank(), "variable name must not be blank");
        if (values == null) {
            throw new InputException("values of '" + name + "' must not be null");
        }
        int n = values.length;
        long events = Labels.countEvents(name, labels, n);
        long nonEvents = n - events;
        Labels.requireBothClasses(name, events, nonEvents);

        Map<String, long[]> counts = new HashMap<>();
        long missingEvents = 0;
        long missingNonEvents = 0;
        for (int i = 0; i < n; i++) {
            String v = values[i];
            if (v == null) {
                if (labels[i] == 1) {
                    missingEvents++;
                } else {
                    missingNonEvents++;
                }
            } else {
                counts.computeIfAbsent(v, k -> new long[2])[labels[i]]++;
            }
        }
        long nonMissing = n - missingEvents - missingNonEvents;
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> {
            int c = Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]);
            return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });

        List<Bin> bins = new ArrayList<>();
        List<String> rare = new ArrayList<>();
        long otherEvents = 0;
        long otherNonEvents = 0;
        for (Map.Entry<String, long[]> entry : entries) {
            long e = entry.getValue()[1];
            long ne = entry.getValue()[0];
            if (e + ne >= minShare * nonMissing) {
                bins.add(WoeMath.bin(BinKind.CATEGORY, Double.NaN, Double.NaN, List.of(entry.getKey()),
                        e, ne, events, nonEvents));
            } else {
                rare.add(entry.getKey());
                otherEvents += e;
                otherNonEvents += ne;
            }
        }
        rare.sort(null);
        bins.add(WoeMath.bin(BinKind.OTHER, Double.NaN, Double.NaN, rare, otherEvents, otherNonEvents,
                events, nonEvents));
        bins.add(WoeMath.bin(BinKind.MISSING, Double.NaN, Double.NaN, List.of(), missingEvents, missingNonEvents,
                events, nonEvents));
        return new Binning(name, VariableType.CATEGORICAL, bins);
    }
}
