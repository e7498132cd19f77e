package org.icpengine.stats.binning;

import java.util.List;
import java.util.Objects;
import org.icpengine.stats.internal.Validate;

/**
 * One bin of a {@link Binning}: which values it holds, how many events (label 1) and non-events
 * (label 0) of the training data fell in it, and its weight of evidence and information value.
 *
 * <p>A {@link BinKind#RANGE} bin holds {@code lower <= x < upper} (the first bin's lower bound is
 * {@code -Infinity}, the last one's upper bound {@code +Infinity}); every other kind has
 * {@code lower} and {@code upper} set to {@code NaN}. A {@link BinKind#CATEGORY} bin lists its
 * categories; an {@link BinKind#OTHER} bin lists the rare categories grouped into it at training
 * (unseen categories fall into it too); {@code RANGE} and {@code MISSING} bins list none.
 *
 * @param kind      what the bin holds
 * @param lower     inclusive lower bound of a range bin, else {@code NaN}
 * @param upper     exclusive upper bound of a range bin, else {@code NaN}
 * @param categories the categories of a category or other bin, else empty
 * @param events    training rows with label 1 in the bin
 * @param nonEvents training rows with label 0 in the bin
 * @param woe       weight of evidence ln(%non-event / %event); 0 for an empty bin
 * @param iv        the bin's share of the information value, (%non-event - %event) * woe, &ge; 0
 */
public record Bin(BinKind kind, double lower, double upper, List<String> categories,
                  long events, long nonEvents, double woe, double iv) {

    /** Validates the bin and copies {@code categories}. */
    public Bin {
        Objects.requireNonNull(kind, "kind");
        categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
        Validate.isTrue(events >= 0 && nonEvents >= 0,
                "bin counts must be >= 0, got events=" + events + ", nonEvents=" + nonEvents);
        Validate.isTrue(Double.isFinite(woe), "bin woe must be finite, got " + woe);
        Validate.nonNegative(iv, "bin iv");
        if (kind == BinKind.RANGE) {
            Validate.isTrue(lower < upper && !Double.isNaN(lower) && !Double.isNaN(upper),
                    "a range bin needs lower < upper, got [" + lower + ", " + upper + ")");
            Validate.isTrue(categories.isEmpty(), "a range bin has no categories");
        } else {
            Validate.isTrue(Double.isNaN(lower) && Double.isNaN(upper),
                    "only a range bin has bounds; a " + kind + " bin has lower = upper = NaN");
        }
        if (kind == BinKind.CATEGORY) {
            Validate.isTrue(!categories.isEmpty(), "a category bin lists at least one category");
        }
        if (kind == BinKind.MISSING) {
            Validate.isTrue(categories.isEmpty(), "the missing bin has no categories");
        }
    }

    /** Training rows in the bin. */
    public long count() {
        return events + nonEvents;
    }

    /** Share of the bin's training rows with label 1; {@code NaN} for an empty bin. */
    public double eventRate() {
        long n = count();
        return n == 0 ? Double.NaN : (double) events / n;
    }

    /**
     * A short human-readable label: {@code "[11.4, 12.3)"}, {@code "(-inf, 11.4)"}, {@code "[16.9, inf)"},
     * the categories joined by {@code ", "}, {@code "other"} or {@code "missing"}.
     */
    public String label() {
        switch (kind) {
            case RANGE:
                String lo = lower == Double.NEGATIVE_INFINITY ? "(-inf" : "[" + format(lower);
                String hi = upper == Double.POSITIVE_INFINITY ? "inf)" : format(upper) + ")";
                return lo + ", " + hi;
            case CATEGORY:
                return String.join(", ", categories);
            case OTHER:
                return "other";
            default:
                return "missing";
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
