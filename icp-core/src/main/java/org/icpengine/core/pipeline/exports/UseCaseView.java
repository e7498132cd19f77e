package org.icpengine.core.pipeline.exports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.icpengine.core.config.UseCase;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.Engine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.pipeline.Outcomes;
import org.icpengine.core.pipeline.discover.DiscoveryReport;
import org.icpengine.core.pipeline.discover.Persona;
import org.icpengine.stats.binning.IvStrength;

/**
 * Product: use-case adoption by fit tier and by persona, and the use cases most tied to {@code ideal}.
 *
 * <p>An account <em>adopts</em> a use case when it has at least one event matching one of the use case's globs
 * ({@code *} any run, {@code ?} one character, case-sensitive, as the metrics match them) in the usage window
 * (T − 90 days, T], the window of the usage metrics. Adoption is measured over the active customers (all
 * customers when none is active, for data without subscriptions).
 *
 * <p>Persona membership is not stored by {@code icp discover}, so each customer is placed in the persona whose
 * category profile it matches best: the sum, over the persona's category attributes, of the share its members
 * hold of the account's value (0 when the value is not among the persona's top values); ties go to the larger
 * persona, and a customer matching none is in no persona.
 *
 * <p>Tied to {@code ideal}: over the labelled customers of {@link Outcomes} (mature, outcome known) whose
 * {@code customer_since} is on or after the first usage event (so the data covers their start), adoption in the
 * first 90 days after {@code customer_since}, so that later survival does not make usage look predictive (with
 * fewer than {@value #MIN_LABELLED} such customers or a single class: adoption in the last 90 days over all
 * labelled customers, with a note);
 * per use case the ideal rate of adopters and of the others, the lift (adopters' rate / all labelled) and the
 * information value of the two-bin split adopters / others, IV = Σ (%non-ideal − %ideal) · ln(%non-ideal /
 * %ideal) with 0.5 added to both counts of a bin lacking a class (Siddiqi 2006; the convention of
 * {@link org.icpengine.stats.binning.Binning}), ranked by IV.
 */
final class UseCaseView {

    static final String FILE = "product_use_cases.csv";

    static final List<String> HEADER = List.of("view", "group", "use_case", "high_value", "accounts", "adopters",
            "adoption", "ideal_rate_adopters", "ideal_rate_others", "lift", "iv", "strength");

    /** Days of the usage window and of the onboarding window. */
    static final int WINDOW_DAYS = 90;

    /** Fewest labelled customers with covered onboarding for the onboarding view; else recent usage is used. */
    static final int MIN_LABELLED = 30;

    private UseCaseView() {
    }

    static void write(Engine engine, WorkspaceConfig config, LocalDate asOf, ScoredAccounts a, DiscoveryReport discovery,
                      CsvOut out, List<String> notes) {
        if (config.useCases().isEmpty()) {
            notes.add(FILE + ": no use_cases in icp.yaml, so there is no use-case view; map event names to use cases "
                    + "under use_cases:");
            return;
        }
        if (!engine.hasRows("usage_events")) {
            notes.add(FILE + ": no usage events, so use-case adoption is unknown; add sources.usage_events");
            return;
        }
        List<UseCase> useCases = new ArrayList<>(config.useCases().values());
        Matcher matcher = new Matcher(useCases);
        Map<String, Set<String>> recent = adoption(engine, matcher, new SqlFragment(
                "SELECT account_id, event FROM usage_events WHERE CAST(occurred_at AS DATE) > ? "
                        + "AND CAST(occurred_at AS DATE) <= ? GROUP BY account_id, event",
                List.of(asOf.minusDays(WINDOW_DAYS), asOf)));

        List<Integer> population = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (a.active(i)) {
                population.add(i);
            }
        }
        String who = "active customers";
        if (population.isEmpty()) {
            for (int i = 0; i < a.size(); i++) {
                if (a.customer(i)) {
                    population.add(i);
                }
            }
            who = "customers";
            notes.add(FILE + ": no active customer (no subscriptions?), so adoption is measured over all customers");
        }

        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        groups.put("all " + who, population);
        adoptionRows(out, "all", groups, useCases, a, recent);

        if (a.scoreModel == null) {
            notes.add(FILE + ": no scorecard, so there is no adoption by tier; run 'icp fit'");
        } else {
            Map<String, List<Integer>> byTier = new LinkedHashMap<>();
            a.tierNames().forEach(t -> byTier.put(t, new ArrayList<>()));
            for (int i : population) {
                byTier.get(a.tier(i)).add(i);
            }
            adoptionRows(out, "tier", byTier, useCases, a, recent);
        }

        if (discovery == null || discovery.personas().isEmpty()) {
            notes.add(FILE + ": no personas, so there is no adoption by persona; run 'icp discover'"
                    + (discovery != null && discovery.skipped().containsKey("personas")
                    ? " (it skipped personas: " + discovery.skipped().get("personas") + ")" : ""));
        } else {
            Map<String, List<Integer>> byPersona = new LinkedHashMap<>();
            for (Persona p : discovery.personas()) {
                byPersona.put(personaName(p), new ArrayList<>());
            }
            for (int i : population) {
                Persona p = nearest(discovery.personas(), a, i);
                if (p != null) {
                    byPersona.get(personaName(p)).add(i);
                }
            }
            adoptionRows(out, "persona", byPersona, useCases, a, recent);
        }

        tiedToIdeal(engine, config, asOf, matcher, useCases, a, out, notes);
    }

    private static void adoptionRows(CsvOut out, String view, Map<String, List<Integer>> groups, List<UseCase> useCases,
                                     ScoredAccounts a, Map<String, Set<String>> adopted) {
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            int n = g.getValue().size();
            for (UseCase u : useCases) {
                int k = 0;
                for (int i : g.getValue()) {
                    if (adopted.getOrDefault(a.id(i), Set.of()).contains(u.name())) {
                        k++;
                    }
                }
                out.row(List.of(view, CsvOut.text(g.getKey()), CsvOut.text(u.name()), Boolean.toString(u.highValue()),
                        Integer.toString(n), Integer.toString(k), n == 0 ? "" : CsvOut.number((double) k / n, 4),
                        "", "", "", "", ""));
            }
        }
    }

    private static void tiedToIdeal(Engine engine, WorkspaceConfig config, LocalDate asOf, Matcher matcher,
                                    List<UseCase> useCases, ScoredAccounts a, CsvOut out, List<String> notes) {
        Outcomes.Labels labels = Outcomes.at(engine, config, asOf);
        String why = labels.unusableBecause();
        if (why != null) {
            notes.add(FILE + ": no use case can be tied to ideal: " + why);
            return;
        }
        // only customers whose first 90 days the usage data covers: earlier ones would look like non-adopters
        Object first = engine.query("SELECT MIN(CAST(occurred_at AS DATE)) AS d FROM usage_events").rows().get(0)[0];
        Map<String, Boolean> covered = new LinkedHashMap<>();
        for (int i = 0; i < a.size(); i++) {
            Boolean label = labels.labels().get(a.id(i));
            if (label != null && a.value(i, "customer_since") instanceof LocalDate since && first instanceof LocalDate f
                    && !since.isBefore(f)) {
                covered.put(a.id(i), label);
            }
        }
        long coveredIdeal = covered.values().stream().filter(Boolean::booleanValue).count();
        Map<String, Set<String>> adopted;
        Map<String, Boolean> population;
        String group;
        if (covered.size() >= MIN_LABELLED && coveredIdeal > 0 && coveredIdeal < covered.size()) {
            String days = engine.dialect().daysBetween("m.customer_since", "CAST(e.occurred_at AS DATE)");
            adopted = adoption(engine, matcher, new SqlFragment(
                    "SELECT e.account_id, e.event FROM usage_events e JOIN " + AccountMetrics.TABLE + " m "
                            + "ON m.account_id = e.account_id AND m.as_of = ? "
                            + "WHERE m.customer_since IS NOT NULL AND CAST(e.occurred_at AS DATE) <= ? "
                            + "AND " + days + " >= 0 AND " + days + " < ? GROUP BY e.account_id, e.event",
                    List.of(asOf, asOf, WINDOW_DAYS)));
            population = covered;
            group = "labelled customers, first " + WINDOW_DAYS + " days";
        } else {
            adopted = adoption(engine, matcher, new SqlFragment(
                    "SELECT account_id, event FROM usage_events WHERE CAST(occurred_at AS DATE) > ? "
                            + "AND CAST(occurred_at AS DATE) <= ? GROUP BY account_id, event",
                    List.of(asOf.minusDays(WINDOW_DAYS), asOf)));
            population = labels.labels();
            group = "labelled customers, last " + WINDOW_DAYS + " days";
            notes.add(FILE + ": the usage data covers the first " + WINDOW_DAYS + " days of only " + covered.size()
                    + " labelled customers, so use cases are tied to ideal by recent usage, which favours customers "
                    + "that stayed");
        }
        long total = population.size();
        long ideal = population.values().stream().filter(Boolean::booleanValue).count();
        double base = (double) ideal / total;
        record Tie(UseCase useCase, long adopters, long idealAdopters, double iv) {
        }
        List<Tie> ties = new ArrayList<>();
        for (UseCase u : useCases) {
            long adopters = 0;
            long idealAdopters = 0;
            for (Map.Entry<String, Boolean> e : population.entrySet()) {
                if (adopted.getOrDefault(e.getKey(), Set.of()).contains(u.name())) {
                    adopters++;
                    if (e.getValue()) {
                        idealAdopters++;
                    }
                }
            }
            double iv = ivTerm(idealAdopters, adopters - idealAdopters, ideal, total - ideal)
                    + ivTerm(ideal - idealAdopters, total - adopters - (ideal - idealAdopters), ideal, total - ideal);
            ties.add(new Tie(u, adopters, idealAdopters, iv));
        }
        ties.sort(Comparator.comparingDouble(Tie::iv).reversed().thenComparing(t -> t.useCase().name()));
        for (Tie t : ties) {
            long others = total - t.adopters();
            double rateAdopters = t.adopters() == 0 ? Double.NaN : (double) t.idealAdopters() / t.adopters();
            double rateOthers = others == 0 ? Double.NaN : (double) (ideal - t.idealAdopters()) / others;
            out.row(List.of("ideal", group, CsvOut.text(t.useCase().name()),
                    Boolean.toString(t.useCase().highValue()), Long.toString(total), Long.toString(t.adopters()),
                    CsvOut.number((double) t.adopters() / total, 4), CsvOut.number(rateAdopters, 4),
                    CsvOut.number(rateOthers, 4), CsvOut.number(rateAdopters / base, 3), CsvOut.number(t.iv(), 4),
                    IvStrength.of(t.iv()).name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /**
     * One bin's term of the information value, events = ideal: (%non-ideal − %ideal) · ln(%non-ideal / %ideal),
     * 0.5 added to both counts when one is 0; 0 for an empty bin or a class absent from the totals.
     */
    static double ivTerm(long ideal, long notIdeal, long totalIdeal, long totalNotIdeal) {
        if (ideal + notIdeal == 0 || totalIdeal == 0 || totalNotIdeal == 0) {
            return 0;
        }
        double e = ideal;
        double n = notIdeal;
        if (ideal == 0 || notIdeal == 0) {
            e += 0.5;
            n += 0.5;
        }
        double pe = e / totalIdeal;
        double pn = n / totalNotIdeal;
        return (pn - pe) * Math.log(pn / pe);
    }

    /** Account id → use cases adopted, from a query of distinct (account_id, event) pairs. */
    private static Map<String, Set<String>> adoption(Engine engine, Matcher matcher, SqlFragment pairs) {
        ResultTable r = engine.query(pairs);
        Map<String, Set<String>> out = new HashMap<>();
        for (Object[] row : r.rows()) {
            Set<String> uc = matcher.useCases((String) row[1]);
            if (!uc.isEmpty()) {
                out.computeIfAbsent((String) row[0], k -> new HashSet<>()).addAll(uc);
            }
        }
        return out;
    }

    static String personaName(Persona p) {
        return p.id() + ". " + p.label();
    }

    /** The persona whose category profile account {@code i} matches best (see the class comment), or null. */
    static Persona nearest(List<Persona> personas, ScoredAccounts a, int i) {
        Persona best = null;
        double bestScore = 0;
        for (Persona p : personas) {
            double score = 0;
            for (Map.Entry<String, List<Persona.Share>> c : p.categories().entrySet()) {
                Object v = a.value(i, c.getKey());
                String value = v == null ? null : v.toString();
                for (Persona.Share s : c.getValue()) {
                    if (s.value().equals(value)) {
                        score += s.share();
                    }
                }
            }
            // personas come largest first, so a tie keeps the larger one
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    /** Event name → use cases, by the globs of {@code use_cases}, memoized per event name. */
    static final class Matcher {
        private final List<UseCase> useCases;
        private final List<List<Pattern>> patterns = new ArrayList<>();
        private final Map<String, Set<String>> cache = new HashMap<>();

        Matcher(List<UseCase> useCases) {
            this.useCases = List.copyOf(useCases);
            for (UseCase u : this.useCases) {
                List<Pattern> ps = new ArrayList<>();
                for (String g : u.events()) {
                    ps.add(glob(g));
                }
                patterns.add(ps);
            }
        }

        Set<String> useCases(String event) {
            if (event == null) {
                return Set.of();
            }
            return cache.computeIfAbsent(event, e -> {
                Set<String> out = new HashSet<>();
                for (int u = 0; u < useCases.size(); u++) {
                    for (Pattern p : patterns.get(u)) {
                        if (p.matcher(e).matches()) {
                            out.add(useCases.get(u).name());
                            break;
                        }
                    }
                }
                return Set.copyOf(out);
            });
        }

        /** A glob as a regular expression: {@code *} any run, {@code ?} one character, the rest literal. */
        static Pattern glob(String glob) {
            StringBuilder re = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '*' || c == '?') {
                    if (literal.length() > 0) {
                        re.append(Pattern.quote(literal.toString()));
                        literal.setLength(0);
                    }
                    re.append(c == '*' ? ".*" : ".");
                } else {
                    literal.append(c);
                }
            }
            if (literal.length() > 0) {
                re.append(Pattern.quote(literal.toString()));
            }
            return Pattern.compile(re.toString(), Pattern.DOTALL);
        }
    }
}
