package org.icpengine.core.pipeline.discover;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.schema.ColumnType;
import org.icpengine.stats.binning.Bin;
import org.icpengine.stats.binning.Binning;
import org.icpengine.stats.binning.CategoricalBinner;
import org.icpengine.stats.binning.NumericBinner;

/**
 * Step 1 of discovery: the information value of every indicator against {@code ideal} on the labelled
 * customers. Numbers are binned with monotonic WoE ({@link NumericBinner#defaults()}: 20 equal-frequency
 * pre-bins, each final bin at least 5% of the rows); categories, booleans and size bands with
 * {@link CategoricalBinner#defaults()} (categories under 5% pooled into "other"). Sizes go through their
 * configured bands because the ideal size is often a middle band, which a monotonic binning of the raw
 * number would flatten.
 *
 * <p>Left out: the columns the outcome reads and the metrics they are arithmetic parts of (ranking {@code mrr}
 * against {@code nrr_12m >= 1} restates the definition), identifiers, names, dates and lists.
 */
final class Indicators {

    private Indicators() {
    }

    /**
     * The ranked indicators (IV descending, ties by name). A column with no value among the labelled customers
     * is left out with a note naming its source table; the outcome's own columns are left out too.
     */
    static List<Indicator> compute(WorkspaceConfig config, Table labelled, int[] labels, Set<String> outcomeColumns,
                                   List<String> notes) {
        List<Indicator> out = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        Set<String> parts = Vocabulary.partsOf(outcomeColumns);
        for (Map.Entry<String, ColumnType> c : Vocabulary.columns(config).entrySet()) {
            String name = c.getKey();
            ColumnType type = c.getValue();
            if (outcomeColumns.contains(name) || parts.contains(name) || Vocabulary.notAnIndicator(config, name, type) != null
                    || !labelled.has(name)) {
                continue;
            }
            if (labelled.present(name) == 0) {
                empty.add(name + " (" + Vocabulary.sourceOf(name) + ")");
                continue;
            }
            boolean numeric = type == ColumnType.INT || type == ColumnType.NUMBER || type == ColumnType.MONEY;
            Binning b = numeric
                    ? NumericBinner.defaults().fit(name, labelled.numbers(name), labels)
                    : CategoricalBinner.defaults().fit(name, labelled.texts(name), labels);
            out.add(of(b, Vocabulary.group(config, name), numeric ? "numeric" : "category"));
        }
        if (!empty.isEmpty()) {
            notes.add("indicators without any value among the labelled customers were left out: "
                    + String.join(", ", empty));
        }
        notes.add("indicators leave out the columns the ideal outcome reads (" + String.join(", ", outcomeColumns)
                + ")" + (parts.isEmpty() ? "" : ", the metrics they are computed from (" + String.join(", ", parts) + ")")
                + ", identifiers, names, dates and lists");
        out.sort(Comparator.comparingDouble(Indicator::iv).reversed().thenComparing(Indicator::name));
        return out;
    }

    /** "[5.95, inf)": bounds to three significant digits for people; the exact ones are in the bin. */
    static String rangeLabel(double lower, double upper) {
        String lo = Double.isInfinite(lower) ? "(-inf" : "[" + round(lower);
        String hi = Double.isInfinite(upper) ? "inf)" : round(upper) + ")";
        return lo + ", " + hi;
    }

    private static String round(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static Indicator of(Binning b, String group, String type) {
        List<Indicator.Bin> bins = new ArrayList<>();
        long missing = 0;
        for (Bin bin : b.bins()) {
            if (bin.count() == 0) {
                continue;
            }
            if (bin.kind() == org.icpengine.stats.binning.BinKind.MISSING) {
                missing = bin.count();
            }
            boolean range = bin.kind() == org.icpengine.stats.binning.BinKind.RANGE;
            bins.add(new Indicator.Bin(range ? rangeLabel(bin.lower(), bin.upper()) : bin.label(),
                    range && Double.isFinite(bin.lower()) ? bin.lower() : null,
                    range && Double.isFinite(bin.upper()) ? bin.upper() : null,
                    bin.count(), bin.events(), bin.eventRate(), bin.woe(), bin.iv()));
        }
        return new Indicator(b.name(), group, type, b.iv(), b.strength(), b.count(), missing, bins);
    }
}
