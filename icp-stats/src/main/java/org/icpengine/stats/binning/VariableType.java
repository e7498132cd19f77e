package org.icpengine.stats.binning;

/** The type of a binned variable. */
public enum VariableType {
    /** A number; bins are intervals {@code [s_i, s_i+1)}; {@code NaN} is missing. */
    NUMERIC,
    /** A category (text); bins are sets of categories; {@code null} is missing. */
    CATEGORICAL
}
