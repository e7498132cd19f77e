package org.icpengine.core.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The labels of size bands given their upper bounds (DESIGN.md "icp.yaml", {@code bands}): bounds
 * {@code [10, 50, 200]} give "1-10", "11-50", "51-200" and "201+". A value falls in the first band whose
 * upper bound it does not exceed (so 0 and 10 are "1-10", 10.5 is "11-50"); above the last bound it is in the
 * open band. No bounds means no bands (every label null).
 */
final class BandLabels {

    private BandLabels() {
    }

    /** One label per bound, then the open band; empty for no bounds. */
    static List<String> labels(List<Double> bounds) {
        List<String> out = new ArrayList<>();
        if (bounds.isEmpty()) {
            return out;
        }
        double lower = 1;
        for (double b : bounds) {
            out.add(number(lower) + "-" + number(b));
            lower = b + 1;
        }
        out.add(number(lower) + "+");
        return out;
    }

    /** A bound as people write it: no exponent, no trailing zeros ("1000000", "2.5"). */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
