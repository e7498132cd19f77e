package org.icpengine.stats.binning;

/** The kind of a {@link Bin}: what values it holds. */
public enum BinKind {
    /** Numeric values in {@code [lower, upper)}. */
    RANGE,
    /** The listed categories of a categorical variable. */
    CATEGORY,
    /** Every category not listed in a {@link #CATEGORY} bin: rare ones at training, unseen ones later. */
    OTHER,
    /** Missing values: {@code NaN} for numeric variables, {@code null} for categorical ones. */
    MISSING
}
