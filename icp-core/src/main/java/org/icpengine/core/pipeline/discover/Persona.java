package org.icpengine.core.pipeline.discover;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One persona: a k-prototypes cluster of ideal customers, described by its most common categories, the
 * medians of its numbers, the research-note pain points over-represented in it and its culture fit.
 *
 * @param id          1-based, largest persona first
 * @param label       a short name from its defining categories, e.g. "SaaS · 51-200 · EMEA"
 * @param customers   ideal customers in it
 * @param share       its share of the ideal customers clustered
 * @param categories  per category attribute, its most common values (at most three), most common first
 * @param medians     per numeric attribute, the median of its members that have a value ({@code null} if none)
 * @param painPoints  research-note tags over-represented in it (lift &gt; 1 vs all customers), highest lift first;
 *                    empty when no research notes exist
 * @param cultureFit  culture fit of its members with a research rating, or {@code null} if none has one
 * @param summary     the persona in one or two sentences
 */
public record Persona(int id, String label, int customers, double share, Map<String, List<Share>> categories,
                      Map<String, Double> medians, List<PainPoint> painPoints, CultureFit cultureFit, String summary) {

    /** Validates and copies. */
    public Persona {
        Objects.requireNonNull(label, "label");
        categories = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(categories));
        medians = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(medians));
        painPoints = List.copyOf(painPoints);
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * A value and the share of the persona's members holding it.
     *
     * @param value the category
     * @param share its share of the members, in [0, 1]
     */
    public record Share(String value, double share) {
    }

    /**
     * A research-note pain point in a persona compared with all customers (accounts with notes only).
     *
     * @param tag        the pain-point tag
     * @param members    members with notes naming it
     * @param withNotes  members with research notes
     * @param share      {@code members / withNotes}
     * @param baseShare  the same share among all customers with notes
     * @param lift       {@code share / baseShare}
     */
    public record PainPoint(String tag, int members, int withNotes, double share, double baseShare, double lift) {
    }

    /**
     * Culture fit (research-note rating 1..5) of a persona against all customers.
     *
     * @param rated     members with a rating
     * @param mean      their mean rating
     * @param highShare share of them rated 4 or 5
     * @param baseMean  mean rating of all rated customers
     * @param summary   in words
     */
    public record CultureFit(int rated, double mean, double highShare, double baseMean, String summary) {
    }
}
