package org.icpengine.stats.subgroup;

/** The kind of target a subgroup search ran against. */
public enum TargetType {
    /** A yes/no target; quality compares the subgroup's positive share with the population's. */
    BINARY,
    /** A numeric target; quality compares the subgroup's mean with the population's. */
    NUMERIC
}
