package org.icpengine.core.pipeline.discover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.icpengine.core.config.AttributeConfig;
import org.icpengine.core.config.AttributeType;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.schema.ColumnType;
import org.icpengine.stats.eval.Interval;
import org.icpengine.stats.eval.Proportions;
import org.icpengine.stats.subgroup.BeamSearch;
import org.icpengine.stats.subgroup.IntervalSelector;
import org.icpengine.stats.subgroup.NominalSelector;
import org.icpengine.stats.subgroup.Selector;
import org.icpengine.stats.subgroup.Subgroup;
import org.icpengine.stats.subgroup.SubgroupData;
import org.icpengine.stats.subgroup.SubgroupResult;

/**
 * Step 2 of discovery: ICP rules by subgroup discovery on the labelled customers, target {@code ideal}.
 *
 * <p><b>Attributes.</b> Firmographic ({@code industry}, {@code country}, {@code region}), technographic
 * ({@code has_<tech>}) and custom category or boolean attributes are nominal: one equality selector per value.
 * {@code employees} and {@code annual_revenue} are numeric with the configured bands as cut points (so every
 * band and every run of adjacent bands is one selector; an integer count {@code x <= 200} is cut at 201);
 * without bands, and for custom numbers, the quartiles are the cut points. Missing values match nothing.
 *
 * <p><b>Search.</b> {@link BeamSearch} with StandardQF(a) (Klösgen 1996), the settings of
 * {@link DiscoverySettings}, keeping the best {@code max(100, 10 · rules)} conjunctions. Each is widened by
 * <em>internal disjunction</em>: greedily, a value of the same attribute is added to an equality condition
 * ({@code industry = 'SaaS'} → {@code industry in ('SaaS', 'Fintech')}) while that raises the rule's quality
 * (internal disjunctions, at most {@value #MAX_VALUES} values and half of the attribute's; as the "value sets" of Cortana and the disjunctive selectors of pysubgroup). Then the
 * redundancy filter: a rule is kept only if its quality beats that of each rule with one condition removed.
 * Rules are ranked by quality (ties: fewer conditions first, then the text of the rule), and of rules covering
 * exactly the same customers only the first is kept.
 */
final class Rules {

    /**
     * The most values an equality condition is widened to, and never more than half of the attribute's values: a
     * longer list reads as a list of exceptions, not as a profile.
     */
    static final int MAX_VALUES = 3;

    private Rules() {
    }

    /** One attribute prepared for the search and for evaluating widened rules. */
    record Attribute(String name, String[] nominal, double[] numeric, double[] cuts, boolean integer) {
    }

    /**
     * The rules, best first; empty (with a note) when no attribute has a value or nothing beats the base rate.
     *
     * @param ltvCac {@code ltv_cac} per labelled customer, NaN where unknown
     */
    static List<IcpRule> compute(WorkspaceConfig config, DiscoverySettings settings, Table labelled, int[] labels,
                                 double[] ltvCac, Set<String> outcomeColumns, List<String> notes) {
        List<Attribute> attributes = attributes(config, labelled, outcomeColumns);
        if (attributes.isEmpty()) {
            notes.add("rules: no firmographic, technographic or custom attribute has a value among the labelled "
                    + "customers");
            return List.of();
        }
        int n = labelled.size();
        SubgroupData.Builder b = SubgroupData.builder();
        for (Attribute a : attributes) {
            if (a.nominal() != null) {
                b.nominal(a.name(), a.nominal());
            } else {
                b.numeric(a.name(), a.numeric(), a.cuts());
            }
        }
        boolean[] target = new boolean[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            target[i] = labels[i] == 1;
            positives += labels[i];
        }
        // The redundancy filter is applied after widening, not in the search: a refinement by one industry may lose
        // to its generalisation and still win once widened to two industries.
        SubgroupResult result = BeamSearch.builder().alpha(settings.alpha()).maxDepth(settings.maxDepth())
                .beamWidth(settings.beamWidth()).resultSize(Math.max(100, 10 * settings.rules()))
                .minSupport(settings.minSupportFor(n)).redundancyFilter(false).build().search(b.build(), target);
        double base = (double) positives / n;
        Evaluator eval = new Evaluator(attributes, target, base, settings.alpha(), settings.minSupportFor(n));
        Map<String, Attribute> byName = attributesByName(attributes);

        Map<String, List<IcpRule.Condition>> unique = new LinkedHashMap<>();
        for (Subgroup s : result.subgroups()) {
            List<IcpRule.Condition> widened = eval.widen(conditions(s));
            if (eval.beatsGeneralisations(widened)) {
                unique.putIfAbsent(RuleWords.expression(widened, byName), widened);
            }
        }
        List<IcpRule> rules = new ArrayList<>();
        for (List<IcpRule.Condition> conditions : unique.values()) {
            boolean[] covered = eval.covers(conditions);
            int size = 0;
            int ideal = 0;
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (covered[i]) {
                    size++;
                    ideal += labels[i];
                    if (!Double.isNaN(ltvCac[i])) {
                        ratios.add(ltvCac[i]);
                    }
                }
            }
            double rate = (double) ideal / size;
            double quality = eval.quality(size, ideal);
            if (!(quality > 0)) {
                continue;
            }
            Interval ci = Proportions.wilson(ideal, size, 0.95);
            double lift = rate / base;
            Double median = Table.median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
            rules.add(new IcpRule(conditions, RuleWords.sentence(conditions, byName, lift, size),
                    RuleWords.expression(conditions, byName), size, ideal, rate, lift, ci.lower(), ci.upper(), median,
                    quality));
        }
        rules.sort(Comparator.comparingDouble(IcpRule::quality).reversed()
                .thenComparingInt(r -> r.conditions().size()).thenComparing(IcpRule::expression));
        // rules that cover exactly the same customers say the same thing: keep the best-ranked wording
        List<IcpRule> distinct = new ArrayList<>();
        Set<String> coverages = new java.util.HashSet<>();
        for (IcpRule r : rules) {
            if (coverages.add(Arrays.toString(eval.covers(r.conditions()))) && distinct.size() < settings.rules()) {
                distinct.add(r);
            }
        }
        if (distinct.isEmpty()) {
            notes.add("rules: no subgroup of at least " + settings.minSupportFor(n)
                    + " customers has a higher ideal rate than all labelled customers");
        }
        return List.copyOf(distinct);
    }

    private static Map<String, Attribute> attributesByName(List<Attribute> attributes) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        attributes.forEach(a -> m.put(a.name(), a));
        return m;
    }

    /** The conditions of a subgroup found by the search. */
    private static List<IcpRule.Condition> conditions(Subgroup s) {
        List<IcpRule.Condition> out = new ArrayList<>();
        for (Selector sel : s.selectors()) {
            if (sel instanceof NominalSelector n) {
                out.add(new IcpRule.Condition(n.attribute(), List.of(n.value()), null, null));
            } else if (sel instanceof IntervalSelector r) {
                out.add(new IcpRule.Condition(r.attribute(), List.of(),
                        Double.isInfinite(r.lower()) ? null : r.lower(), Double.isInfinite(r.upper()) ? null : r.upper()));
            }
        }
        return out;
    }

    /** The attributes of the search, in the order firmographic, technographic, custom. */
    private static List<Attribute> attributes(WorkspaceConfig config, Table t, Set<String> outcomeColumns) {
        List<Attribute> out = new ArrayList<>();
        for (String name : List.of("industry", "country", "region")) {
            nominal(out, t, name, outcomeColumns);
        }
        numeric(out, t, "employees", true, integerCuts(config.bands().employees()), outcomeColumns);
        numeric(out, t, "annual_revenue", false, config.bands().annualRevenue().stream()
                .mapToDouble(Double::doubleValue).toArray(), outcomeColumns);
        for (String tech : config.techStackFlags()) {
            nominal(out, t, "has_" + tech, outcomeColumns);
        }
        for (AttributeConfig a : config.accountAttributes().values()) {
            if (a.type() == AttributeType.LIST) {
                continue;
            }
            ColumnType type = a.type().columnType();
            if (type == ColumnType.NUMBER || type == ColumnType.INT || type == ColumnType.MONEY) {
                numeric(out, t, a.name(), type == ColumnType.INT, new double[0], outcomeColumns);
            } else {
                nominal(out, t, a.name(), outcomeColumns);
            }
        }
        return out;
    }

    /** Band bounds {@code x <= b} of an integer count as cut points {@code b + 1} of {@code [lower, upper)}. */
    private static double[] integerCuts(List<Double> bounds) {
        return bounds.stream().mapToDouble(b -> Math.floor(b) + 1).toArray();
    }

    private static void nominal(List<Attribute> out, Table t, String name, Set<String> outcomeColumns) {
        if (!t.has(name) || outcomeColumns.contains(name) || t.present(name) == 0) {
            return;
        }
        out.add(new Attribute(name, t.texts(name), null, null, false));
    }

    /** Adds a numeric attribute with these cut points (the quartiles when none), if it has at least one cut inside its range. */
    private static void numeric(List<Attribute> out, Table t, String name, boolean integer, double[] cuts,
                                Set<String> outcomeColumns) {
        if (!t.has(name) || outcomeColumns.contains(name) || t.present(name) == 0) {
            return;
        }
        double[] values = t.numbers(name);
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] c = cuts.length > 0 ? cuts : quartiles(sorted);
        double lo = sorted[0];
        double hi = sorted[sorted.length - 1];
        double[] inside = Arrays.stream(c).filter(x -> x > lo && x <= hi).distinct().sorted().toArray();
        if (inside.length == 0) {
            return;
        }
        out.add(new Attribute(name, null, values, inside, integer));
    }

    private static double[] quartiles(double[] sorted) {
        Set<Double> cuts = new TreeSet<>();
        for (int q = 1; q <= 3; q++) {
            cuts.add(sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length / 4.0))]);
        }
        return cuts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Rule coverage and quality over the prepared attributes, for widening rules beyond the search's selectors. */
    private static final class Evaluator {
        private final Map<String, Attribute> attributes;
        private final boolean[] target;
        private final double base;
        private final double alpha;
        private final int n;
        private final int minSupport;

        Evaluator(List<Attribute> attributes, boolean[] target, double base, double alpha, int minSupport) {
            this.minSupport = minSupport;
            this.attributes = attributesByName(attributes);
            this.target = target;
            this.base = base;
            this.alpha = alpha;
            this.n = target.length;
        }

        double quality(int size, int positives) {
            return size == 0 ? Double.NEGATIVE_INFINITY : Math.pow((double) size / n, alpha) * ((double) positives / size - base);
        }

        boolean[] covers(List<IcpRule.Condition> conditions) {
            boolean[] out = new boolean[n];
            Arrays.fill(out, true);
            for (IcpRule.Condition c : conditions) {
                Attribute a = attributes.get(c.attribute());
                for (int i = 0; i < n; i++) {
                    if (out[i]) {
                        out[i] = matches(a, c, i);
                    }
                }
            }
            return out;
        }

        private static boolean matches(Attribute a, IcpRule.Condition c, int i) {
            if (a.nominal() != null) {
                return a.nominal()[i] != null && c.values().contains(a.nominal()[i]);
            }
            double v = a.numeric()[i];
            return !Double.isNaN(v) && (c.lower() == null || v >= c.lower()) && (c.upper() == null || v < c.upper());
        }

        int size(List<IcpRule.Condition> conditions) {
            int size = 0;
            for (boolean b : covers(conditions)) {
                size += b ? 1 : 0;
            }
            return size;
        }

        double quality(List<IcpRule.Condition> conditions) {
            boolean[] cov = covers(conditions);
            int size = 0;
            int pos = 0;
            for (int i = 0; i < n; i++) {
                if (cov[i]) {
                    size++;
                    pos += target[i] ? 1 : 0;
                }
            }
            return quality(size, pos);
        }

        /**
         * Whether the rule's quality is strictly above that of every rule with one condition removed (the empty
         * rule has quality 0): each condition earns its place.
         */
        boolean beatsGeneralisations(List<IcpRule.Condition> conditions) {
            double q = quality(conditions);
            if (!(q > 0)) {
                return false;
            }
            for (int k = 0; k < conditions.size() && conditions.size() > 1; k++) {
                List<IcpRule.Condition> fewer = new ArrayList<>(conditions);
                fewer.remove(k);
                if (!(q > quality(fewer))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Greedy internal disjunction: add values to equality conditions while the quality rises, each value
         * bringing at least {@code minSupport} customers (so that no value joins on a handful of lucky rows).
         */
        List<IcpRule.Condition> widen(List<IcpRule.Condition> conditions) {
            List<IcpRule.Condition> current = new ArrayList<>(conditions);
            double best = quality(current);
            int currentSize = size(current);
            boolean improved = true;
            while (improved) {
                improved = false;
                List<IcpRule.Condition> bestRule = null;
                for (int k = 0; k < current.size(); k++) {
                    IcpRule.Condition c = current.get(k);
                    Attribute a = attributes.get(c.attribute());
                    if (a.nominal() == null) {
                        continue;
                    }
                    Set<String> distinct = new TreeSet<>(present(a));
                    if (c.values().size() >= Math.min(MAX_VALUES, distinct.size() / 2)) {
                        continue;
                    }
                    for (String v : distinct) {
                        if (c.values().contains(v)) {
                            continue;
                        }
                        Set<String> values = new TreeSet<>(c.values());
                        values.add(v);
                        List<IcpRule.Condition> candidate = new ArrayList<>(current);
                        candidate.set(k, new IcpRule.Condition(c.attribute(), List.copyOf(values), null, null));
                        double q = quality(candidate);
                        // a value joins only if it brings at least minSupport customers of its own
                        if (q > best + 1e-12 && size(candidate) - currentSize >= minSupport) {
                            best = q;
                            bestRule = candidate;
                        }
                    }
                }
                if (bestRule != null) {
                    current = bestRule;
                    currentSize = size(current);
                    improved = true;
                }
            }
            return List.copyOf(current);
        }

        private static List<String> present(Attribute a) {
            List<String> out = new ArrayList<>();
            for (String v : a.nominal()) {
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }
    }
}
