package org.icpengine.stats.binning;

import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;

/** Checks of a 0/1 label column shared by the binners. */
final class Labels {

    private Labels() {
    }

    /**
     * Checks that {@code labels} has {@code n} entries, each 0 or 1, and returns the number of ones.
     *
     * @throws InputException if the lengths differ or a label is neither 0 nor 1
     * @throws InsufficientDataException if there are no rows
     */
    static long countEvents(String name, int[] labels, int n) {
        if (labels == null) {
            throw new InputException("labels of '" + name + "' must not be null");
        }
        if (labels.length != n) {
            throw new InputException("values and labels of '" + name + "' must have the same length, got "
                    + n + " and " + labels.length);
        }
        if (n == 0) {
            throw new InsufficientDataException("cannot bin '" + name + "': no rows");
        }
        long events = 0;
        for (int i = 0; i < n; i++) {
            int y = labels[i];
            if (y != 0 && y != 1) {
                throw new InputException("labels[" + i + "] of '" + name + "' must be 0 or 1, got " + y);
            }
            events += y;
        }
        return events;
    }

    /** Fails unless both classes occur. */
    static void requireBothClasses(String name, long events, long nonEvents) {
        if (events == 0 || nonEvents == 0) {
            throw new InsufficientDataException("cannot bin '" + name + "': every label is "
                    + (events == 0 ? 0 : 1) + "; weight of evidence needs both events (1) and non-events (0)");
        }
    }
}
