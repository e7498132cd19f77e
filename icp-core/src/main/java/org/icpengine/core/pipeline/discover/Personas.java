package org.icpengine.core.pipeline.discover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.icpengine.core.config.AttributeConfig;
import org.icpengine.core.config.AttributeType;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.cluster.ClusterData;
import org.icpengine.stats.cluster.KChoice;
import org.icpengine.stats.cluster.KPrototypes;

/**
 * Step 3 of discovery: personas, k-prototypes clusters (Huang 1998) of the ideal customers, k in
 * {@code [kMin, kMax]} chosen by mean silhouette (Rousseeuw 1987), seeded. Categories: industry, size and
 * revenue bands, region and custom category attributes (null becomes "(unknown)"); numbers: usage, MRR, NPS
 * and support load (a missing value becomes the column's median, so it pulls no cluster). Then, per persona,
 * the research-note pain points over-represented against all customers with notes, and its culture fit.
 */
final class Personas {

    private static final String UNKNOWN = "(unknown)";
    private static final List<String> CATEGORIES = List.of("industry", "employees_band", "revenue_band", "region");
    private static final List<String> NUMBERS = List.of("active_days_per_week", "high_value_use_cases", "mrr", "nps",
            "tickets_per_month");

    private Personas() {
    }

    /** The personas, largest first; empty with an entry in {@code skipped} when they cannot be formed. */
    static List<Persona> compute(WorkspaceConfig config, DiscoverySettings settings, Table ideal, Table customers,
                                 Map<String, String> skipped, List<String> notes) {
        int n = ideal.size();
        if (n < settings.minPersonaRows()) {
            skipped.put("personas", "only " + n + " ideal customers; personas need at least " + settings.minPersonaRows()
                    + " (more mature customers, i.e. longer subscription history, would enable them)");
            return List.of();
        }
        List<String> categories = new ArrayList<>(CATEGORIES);
        for (AttributeConfig a : config.accountAttributes().values()) {
            if (a.type() == AttributeType.CATEGORY || a.type() == AttributeType.BOOLEAN) {
                categories.add(a.name());
            }
        }
        categories.removeIf(c -> !ideal.has(c) || ideal.present(c) == 0);
        List<String> numbers = new ArrayList<>(NUMBERS);
        numbers.removeIf(c -> !ideal.has(c) || ideal.present(c) == 0);
        if (categories.isEmpty() && numbers.isEmpty()) {
            skipped.put("personas", "no attribute to cluster has a value among the ideal customers");
            return List.of();
        }
        ClusterData.Builder b = ClusterData.builder();
        for (String c : categories) {
            String[] v = ideal.texts(c);
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] == null ? UNKNOWN : v[i];
            }
            b.categorical(c, v);
        }
        List<String> imputed = new ArrayList<>();
        for (String c : numbers) {
            double[] v = ideal.numbers(c);
            double median = Table.median(v);
            int filled = 0;
            for (int i = 0; i < v.length; i++) {
                if (Double.isNaN(v[i])) {
                    v[i] = median;
                    filled++;
                }
            }
            if (filled > 0) {
                imputed.add(c + " (" + filled + ")");
            }
            b.numeric(c, v);
        }
        if (!imputed.isEmpty()) {
            notes.add("personas: missing values set to the median of the ideal customers before clustering: "
                    + String.join(", ", imputed));
        }
        ClusterData data = b.build();
        int kMax = Math.min(settings.kMax(), Math.max(settings.kMin(), n / 10));
        KChoice choice;
        try {
            choice = KPrototypes.builder().seed(settings.seed()).build().chooseK(data, settings.kMin(), kMax);
        } catch (InsufficientDataException e) {
            skipped.put("personas", "the ideal customers are too alike to cluster: " + e.getMessage());
            return List.of();
        }
        int[] cluster = choice.model().assign(data);
        notes.add(String.format(Locale.ROOT, "personas: k = %d of %d..%d by mean silhouette (%s), seed %d",
                choice.k(), settings.kMin(), kMax, silhouettes(choice), settings.seed()));

        boolean notes0 = customers.has("pain_points") && customers.present("pain_points") > 0;
        boolean ratings = customers.has("culture_fit") && customers.present("culture_fit") > 0;
        if (!notes0) {
            skipped.put("pain_points", "no research notes with pain points; add a research_notes source "
                    + "(account_id, noted_at, pain_points) to see the pain points of each persona");
        }
        if (!ratings) {
            skipped.put("culture_fit", "no research notes with a culture_fit rating; add research_notes "
                    + "(culture_fit 1..5) to see the culture fit of each persona");
        }
        Baseline base = new Baseline(customers, notes0, ratings);

        List<int[]> members = new ArrayList<>();
        for (int c = 0; c < choice.k(); c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (cluster[i] == c) {
                    rows.add(i);
                }
            }
            if (!rows.isEmpty()) {
                members.add(rows.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        members.sort(Comparator.comparingInt((int[] m) -> -m.length).thenComparingInt(m -> m[0]));
        List<Persona> out = new ArrayList<>();
        for (int[] m : members) {
            out.add(persona(config, out.size() + 1, m, n, ideal, categories, numbers, base));
        }
        return out;
    }

    private static String silhouettes(KChoice choice) {
        List<String> parts = new ArrayList<>();
        choice.scores().forEach(s -> parts.add(String.format(Locale.ROOT, "k=%d: %.3f", s.k(), s.silhouette())));
        return String.join(", ", parts);
    }

    /** Tag shares and culture fit of all customers with notes. */
    private static final class Baseline {
        final int withNotes;
        final Map<String, Integer> tags = new TreeMap<>();
        final double meanFit;

        Baseline(Table customers, boolean notes, boolean ratings) {
            int w = 0;
            if (notes) {
                for (List<String> l : customers.lists("pain_points")) {
                    if (l != null) {
                        w++;
                        l.stream().distinct().forEach(t -> tags.merge(t, 1, Integer::sum));
                    }
                }
            }
            withNotes = w;
            meanFit = ratings ? Arrays.stream(customers.numbers("culture_fit")).filter(x -> !Double.isNaN(x))
                    .average().orElse(Double.NaN) : Double.NaN;
        }
    }

    private static Persona persona(WorkspaceConfig config, int id, int[] rows, int total, Table ideal,
                                   List<String> categories, List<String> numbers, Baseline base) {
        Map<String, List<Persona.Share>> cats = new LinkedHashMap<>();
        for (String c : categories) {
            String[] v = ideal.texts(c);
            Map<String, Integer> counts = new HashMap<>();
            for (int r : rows) {
                counts.merge(v[r] == null ? UNKNOWN : v[r], 1, Integer::sum);
            }
            cats.put(c, top(counts, rows.length, 3));
        }
        Map<String, Integer> techs = new HashMap<>();
        for (String tech : config.techStackFlags()) {
            String col = "has_" + tech;
            if (ideal.has(col)) {
                String[] v = ideal.texts(col);
                int using = 0;
                for (int r : rows) {
                    using += "true".equals(v[r]) ? 1 : 0;
                }
                if (using > 0) {
                    techs.put(RuleWords.techName(tech), using);
                }
            }
        }
        if (!techs.isEmpty()) {
            cats.put("tech_stack", top(techs, rows.length, 3));
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String c : numbers) {
            double[] v = ideal.numbers(c);
            medians.put(c, Table.median(Arrays.stream(rows).mapToDouble(r -> v[r]).toArray()));
        }
        List<Persona.PainPoint> pains = painPoints(rows, ideal, base);
        Persona.CultureFit fit = cultureFit(rows, ideal, base);
        List<String> label = new ArrayList<>();
        for (String c : List.of("industry", "employees_band", "region")) {
            List<Persona.Share> s = cats.get(c);
            if (s != null && !s.isEmpty() && !s.get(0).value().equals(UNKNOWN)) {
                label.add(s.get(0).value());
            }
        }
        String name = label.isEmpty() ? "Persona " + id : String.join(" · ", label);
        return new Persona(id, name, rows.length, (double) rows.length / total, cats, medians, pains, fit,
                summary(id, name, rows.length, (double) rows.length / total, cats, medians, pains, fit));
    }

    private static List<Persona.Share> top(Map<String, Integer> counts, int n, int k) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(k).map(e -> new Persona.Share(e.getKey(), (double) e.getValue() / n)).toList();
    }

    private static List<Persona.PainPoint> painPoints(int[] rows, Table ideal, Baseline base) {
        if (base.withNotes == 0 || !ideal.has("pain_points")) {
            return List.of();
        }
        List<List<String>> lists = ideal.lists("pain_points");
        int withNotes = 0;
        Map<String, Integer> counts = new TreeMap<>();
        for (int r : rows) {
            List<String> l = lists.get(r);
            if (l != null) {
                withNotes++;
                l.stream().distinct().forEach(t -> counts.merge(t, 1, Integer::sum));
            }
        }
        if (withNotes == 0) {
            return List.of();
        }
        List<Persona.PainPoint> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            double share = (double) e.getValue() / withNotes;
            double baseShare = (double) base.tags.getOrDefault(e.getKey(), 0) / base.withNotes;
            double lift = share / baseShare;
            if (e.getValue() >= 2 && lift > 1) {
                out.add(new Persona.PainPoint(e.getKey(), e.getValue(), withNotes, share, baseShare, lift));
            }
        }
        out.sort(Comparator.comparingDouble(Persona.PainPoint::lift).reversed().thenComparing(Persona.PainPoint::tag));
        return List.copyOf(out.subList(0, Math.min(5, out.size())));
    }

    private static Persona.CultureFit cultureFit(int[] rows, Table ideal, Baseline base) {
        if (Double.isNaN(base.meanFit) || !ideal.has("culture_fit")) {
            return null;
        }
        double[] v = ideal.numbers("culture_fit");
        int rated = 0;
        int high = 0;
        double sum = 0;
        for (int r : rows) {
            if (!Double.isNaN(v[r])) {
                rated++;
                sum += v[r];
                high += v[r] >= 4 ? 1 : 0;
            }
        }
        if (rated == 0) {
            return null;
        }
        double mean = sum / rated;
        double highShare = (double) high / rated;
        String verdict = mean >= base.meanFit + 0.25 ? "a better culture fit than the average customer"
                : mean <= base.meanFit - 0.25 ? "a weaker culture fit than the average customer"
                : "about the culture fit of the average customer";
        String summary = String.format(Locale.ROOT, "%s: %.1f of 5 (all customers %.1f), %.0f%% rated 4–5, n = %d",
                verdict, mean, base.meanFit, 100 * highShare, rated);
        return new Persona.CultureFit(rated, mean, highShare, base.meanFit, summary);
    }

    private static String summary(int id, String name, int size, double share, Map<String, List<Persona.Share>> cats,
                                  Map<String, Double> medians, List<Persona.PainPoint> pains, Persona.CultureFit fit) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Persona %d, %s (%.0f%% of ideal customers, n = %d): ",
                id, name, 100 * share, size));
        List<String> traits = new ArrayList<>();
        for (Map.Entry<String, List<Persona.Share>> e : cats.entrySet()) {
            if (!e.getValue().isEmpty() && !e.getValue().get(0).value().equals(UNKNOWN)) {
                Persona.Share s = e.getValue().get(0);
                traits.add(String.format(Locale.ROOT, "%s %s (%.0f%%)", RuleWords.words(e.getKey()), s.value(),
                        100 * s.share()));
            }
        }
        sb.append(String.join(", ", traits));
        List<String> nums = new ArrayList<>();
        medians.forEach((k, v) -> {
            if (v != null) {
                nums.add(String.format(Locale.ROOT, "%s %s", RuleWords.words(k), v == Math.rint(v)
                        ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.2f", v)));
            }
        });
        if (!nums.isEmpty()) {
            sb.append("; medians: ").append(String.join(", ", nums));
        }
        sb.append('.');
        if (!pains.isEmpty()) {
            List<String> p = new ArrayList<>();
            pains.stream().limit(3).forEach(x -> p.add(String.format(Locale.ROOT, "%s (%.1f×)", x.tag(), x.lift())));
            sb.append(" Pain points: ").append(String.join(", ", p)).append('.');
        }
        if (fit != null) {
            sb.append(" Culture fit: ").append(fit.summary()).append('.');
        }
        return sb.toString();
    }
}
