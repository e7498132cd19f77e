package org.icpengine.core.segments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.Engine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.expr.Columns;
import org.icpengine.core.expr.Expr;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.expr.ValueType;
import org.icpengine.core.metrics.MetricCatalog;
import org.icpengine.core.schema.ColumnType;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.eval.BetaBinomial;
import org.icpengine.stats.eval.BetaBinomialPrior;
import org.icpengine.stats.eval.Interval;
import org.icpengine.stats.eval.Means;
import org.icpengine.stats.eval.Proportions;

/**
 * The segment table of DESIGN.md "Segments": groups the accounts of {@code account_metrics} on one date by
 * the query's dimensions and reports, per segment, every {@link SegmentMetric} with its interval and shrunk
 * value, a small-segment flag and the ICP index.
 *
 * <pre>{@code
 * SegmentTable t = Segments.compute(engine, config, SegmentQuery.by("industry", "employees_band"));
 * Segment best = t.segments().get(0);
 * }</pre>
 *
 * <h2>How it is computed</h2>
 * Counts, sums, means and standard deviations are aggregated in SQL through the {@link Engine}, grouped by the
 * dimension columns (checked against {@link #dimensions(WorkspaceConfig)} and quoted by the dialect; the
 * {@code --where} filter is compiled by the expression language into bind parameters). The statistics are
 * computed in Java:
 * <ul>
 *   <li><b>Rates</b> (conversion, pooled win rate, 12-month logo retention): the 95% Wilson interval
 *       ({@link Proportions#wilson}), and the posterior mean under a beta-binomial prior fitted by maximum
 *       likelihood across the segments of this query ({@link BetaBinomial}). With a single segment with data,
 *       or no success or no failure anywhere, the prior cannot be fitted and the shrunk value is the raw
 *       rate. When the rates vary no more than chance explains, the fitted prior is at its boundary and every
 *       segment is shrunk to the pooled rate (complete pooling, the maximum-likelihood answer).</li>
 *   <li><b>Means</b> (AOV, CAC, ARPA, expansion, NPS, support load, usage, culture fit): count, mean and standard
 *       deviation from SQL, the 95% t interval from {@link Means#interval(long, double, double, double)}, and
 *       normal-normal empirical-Bayes shrinkage towards the population value (Morris 1983; between-segment
 *       variance by DerSimonian &amp; Laird 1986); raw when it cannot be estimated.</li>
 *   <li><b>NRR</b>: the aggregate Σ MRR now / Σ MRR 12 months ago over accounts with MRR 12 months ago &gt; 0
 *       (churned accounts count 0 now), with the ratio estimator's interval R ± t·s_d / (x̄ √n), where
 *       s_d² = Σ (y − R x)² / (n − 1) (Cochran 1977, <i>Sampling Techniques</i>, ch. 6), its lower bound
 *       clipped at 0; shrunk like a mean.</li>
 *   <li><b>NPS</b>: the mean of +100 (score 9–10), 0 (7–8) and −100 (0–6) over the accounts with an answer,
 *       which is % promoters − % detractors; its t interval is clipped to [−100, 100].</li>
 *   <li><b>LTV</b> = gross margin × ARPA × discounted expected lifetime (months, monthly discount rate from
 *       {@code economics.annual_discount_rate}) of a new customer under an sBG model fitted on the segment's
 *       customers with right-censoring. A segment with at least {@code ltv.min_customers} customers whose data
 *       cannot identify the sBG model (retention that does not rise with tenure: the likelihood is maximal in the
 *       constant-churn limit) uses its own constant churn rate θ, lifetime (1 + d) / (d + θ); smaller segments,
 *       and those where nobody churned, use the model of the whole customer base on that date (not filtered by
 *       {@code where}); see {@link LtvSource}. The population row is modelled the same way, as one segment: the
 *       accounts that pass the filter, or the whole base without one. The shrunk LTV uses the shrunk ARPA.
 *       <b>LTV/CAC</b> = LTV / mean CAC (shrunk: shrunk LTV / shrunk CAC).</li>
 *   <li><b>Small</b>: fewer accounts than {@code minSize} (query, else {@code icp_index.min_size}).</li>
 *   <li><b>No observations</b>: a segment without data for a metric (no closed deal, no NPS answer) has no
 *       value and no interval, but where the metric could be shrunk its shrunk value is the prior mean (the
 *       empirical-Bayes posterior without data; for means the population value): with no evidence the segment
 *       is expected to be average, and so it counts in the ICP index.</li>
 *   <li><b>ICP index</b>: 100 × the weighted mean of shrunk segment value / population value over the
 *       metrics of {@code icp_index.weights} that are available, inverted for metrics where lower is better,
 *       each ratio clipped to [0, 3]; 100 is the average account of the population (the accounts that pass the
 *       filter). A metric is skipped when its population value is missing or not positive, or when the
 *       segment has neither a value nor a shrunk value. See {@code IndexScore} for the arithmetic.</li>
 * </ul>
 *
 * <h2>Order</h2>
 * Segments are sorted by the ICP index, or by the query's sort column, descending, missing values last; ties
 * go to the segment with more accounts, then to the dimension values in text order.
 *
 * <p>Stateless and thread-safe; the engine is not (one engine per thread).
 */
public final class Segments {

    /** The sort key of the ICP index, the default order. */
    public static final String ICP_INDEX = "icp_index";

    /** The coverage of every interval: 95%. */
    public static final double LEVEL = 0.95;

    private static final int NOTE_EXAMPLES = 3;

    private Segments() {
    }

    /**
     * The dimensions a workspace's accounts can be grouped by, in a stable order: {@code industry},
     * {@code employees_band}, {@code revenue_band}, {@code country}, {@code region}, {@code acquisition_channel},
     * one {@code has_<tech>} per {@code tech_stack_flags} entry, then the category and boolean attributes of the
     * accounts source.
     */
    public static List<String> dimensions(WorkspaceConfig config) {
        return List.copyOf(Dimensions.allowed(config).keySet());
    }

    /** The columns a table can be sorted by: {@code icp_index}, {@code accounts}, {@code customers}, then every metric. */
    public static List<String> sortKeys() {
        List<String> keys = new ArrayList<>(List.of(ICP_INDEX, "accounts", "customers"));
        for (SegmentMetric m : SegmentMetric.values()) {
            keys.add(m.metricName());
        }
        return List.copyOf(keys);
    }

    /**
     * Computes the segment table.
     *
     * @throws org.icpengine.core.expr.ExpressionException if the filter is malformed or names unknown columns
     *                                                     (position and known names in the message)
     * @throws InputException if a dimension or the sort column is unknown (the message lists the allowed ones),
     *                        or there are no account metrics on the date (run {@code icp metrics} first)
     */
    public static SegmentTable compute(Engine engine, WorkspaceConfig config, SegmentQuery query) {
        List<String> dims = Dimensions.resolve(query.dimensions(), config);
        String sort = resolveSort(query.sort());
        int minSize = query.minSize() != null ? query.minSize() : config.icpIndex().minSize();
        Expr filter = query.where() == null ? null : Expr.parse(query.where(), vocabulary(config));
        SqlFragment where = filter == null ? null : filter.toSql(engine.dialect());

        SegmentSql sql = new SegmentSql(engine.dialect());
        checkTable(engine, sql, dims, filter);
        LocalDate asOf = resolveAsOf(engine, sql, query.asOf());

        List<Group> groups = Group.read(engine.query(sql.grouped(dims, asOf, where)), dims.size());
        Group all = Group.read(engine.query(sql.population(asOf, where)), 0).get(0);

        return new Computation(engine, config, sql, dims, asOf, where, minSize).run(groups, all, filter, sort);
    }

    /** The expression vocabulary: every account column and metric, typed. */
    private static Columns vocabulary(WorkspaceConfig config) {
        Map<String, ValueType> types = new LinkedHashMap<>();
        MetricCatalog.accountColumns(config).forEach((name, type) -> types.put(name, valueType(type)));
        return Columns.of(types);
    }

    private static ValueType valueType(ColumnType type) {
        return switch (type) {
            case ID, TEXT, ENUM -> ValueType.TEXT;
            case INT, NUMBER, MONEY -> ValueType.NUMBER;
            case BOOL -> ValueType.BOOLEAN;
            case DATE -> ValueType.DATE;
            case TS -> ValueType.TIMESTAMP;
            case LIST -> ValueType.LIST;
        };
    }

    private static String resolveSort(String sort) {
        if (sort == null) {
            return ICP_INDEX;
        }
        String s = sort.strip().toLowerCase(Locale.ROOT);
        if (!sortKeys().contains(s)) {
            throw new InputException("cannot sort segments by '" + Dimensions.printable(sort) + "'; sort by one of: "
                    + String.join(", ", sortKeys()));
        }
        return s;
    }

    private static InputException noMetrics(String why) {
        return new InputException(why + "; run 'icp metrics' first to compute the account metrics");
    }

    private static void checkTable(Engine engine, SegmentSql sql, List<String> dims, Expr filter) {
        if (!engine.hasTable(SegmentSql.TABLE)) {
            throw noMetrics("the store has no account metrics (table " + SegmentSql.TABLE + ")");
        }
        Set<String> have = new LinkedHashSet<>();
        for (String c : engine.query(sql.columns()).columns()) {
            have.add(c.toLowerCase(Locale.ROOT));
        }
        Set<String> need = new LinkedHashSet<>(SegmentSql.COLUMNS);
        need.addAll(dims);
        if (filter != null) {
            need.addAll(filter.columns());
        }
        List<String> missing = need.stream().filter(c -> !have.contains(c.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            throw new InputException(SegmentSql.TABLE + " has no column " + String.join(", ", missing)
                    + " (was icp.yaml changed after the metrics were computed?); run 'icp metrics' again");
        }
    }

    private static LocalDate resolveAsOf(Engine engine, SegmentSql sql, LocalDate requested) {
        if (requested == null) {
            Object latest = engine.query(sql.latestAsOf()).rows().get(0)[0];
            if (!(latest instanceof LocalDate d)) {
                throw noMetrics("the account metrics table is empty");
            }
            return d;
        }
        long rows = ((Number) engine.query(sql.rowsOn(requested)).rows().get(0)[0]).longValue();
        if (rows == 0) {
            List<String> dates = new ArrayList<>();
            for (Object[] r : engine.query(sql.dates(10)).rows()) {
                dates.add(String.valueOf(r[0]));
            }
            if (dates.isEmpty()) {
                throw noMetrics("the account metrics table is empty");
            }
            throw new InputException("no account metrics as of " + requested + "; computed dates (latest first): "
                    + String.join(", ", dates) + "; run 'icp metrics --as-of " + requested + "' to compute them");
        }
        return requested;
    }

    /** One computation: the estimates, shrinkage, retention models, index and order of one query. */
    private static final class Computation {
        private static final SegmentMetric[] METRICS = SegmentMetric.values();

        private final Engine engine;
        private final WorkspaceConfig config;
        private final SegmentSql sql;
        private final List<String> dims;
        private final LocalDate asOf;
        private final SqlFragment where;
        private final int minSize;
        private final double monthlyDiscount;
        private final List<String> notes = new ArrayList<>();
        private Retention.Model baseModel;

        Computation(Engine engine, WorkspaceConfig config, SegmentSql sql, List<String> dims, LocalDate asOf,
                    SqlFragment where, int minSize) {
            this.engine = engine;
            this.config = config;
            this.sql = sql;
            this.dims = dims;
            this.asOf = asOf;
            this.where = where;
            this.minSize = minSize;
            this.monthlyDiscount = Retention.monthlyRate(config.economics().annualDiscountRate());
        }

        SegmentTable run(List<Group> groups, Group all, Expr filter, String sort) {
            int g = groups.size();
            Estimate[][] est = new Estimate[g][];
            double[][] nrrSd = new double[g][1];
            for (int i = 0; i < g; i++) {
                est[i] = raw(groups.get(i), nrrSd[i]);
            }
            double[] popNrrSd = new double[1];
            Estimate[] pop = raw(all, popNrrSd);
            for (SegmentMetric m : METRICS) {
                shrink(m, groups, est, nrrSd, pop[m.ordinal()].value());
            }

            // retention models and LTV
            Map<List<Object>, Retention> retention = new HashMap<>();
            Retention popRetention = new Retention();
            ResultTable customers = engine.query(sql.customers(dims, asOf, where));
            int tenure = customers.index("tenure_months");
            int since = customers.index("customer_since");
            int churned = customers.index("churned_at");
            for (Object[] r : customers.rows()) {
                List<Object> key = Arrays.asList(Arrays.copyOf(r, dims.size()));
                retention.computeIfAbsent(key, k -> new Retention()).add(r[tenure], r[since], r[churned], asOf);
                popRetention.add(r[tenure], r[since], r[churned], asOf);
            }
            Map<LtvSource, Integer> sources = new EnumMap<>(LtvSource.class);
            List<String> failures = new ArrayList<>();
            LtvSource[] ltvSource = new LtvSource[g];
            for (int i = 0; i < g; i++) {
                Retention r = retention.getOrDefault(groups.get(i).key, new Retention());
                Retention.Model model = model(r, label(groups.get(i).key), failures);
                ltvSource[i] = ltv(est[i], model, false);
                sources.merge(ltvSource[i], 1, Integer::sum);
            }
            Retention.Model popModel = where == null ? base() : model(popRetention, "all accounts that pass the filter", failures);
            LtvSource popSource = ltv(pop, popModel, true);
            ltvNotes(g, sources, failures);

            // rows, index, order
            Map<String, Double> weights = config.icpIndex().weights();
            Segment population = new Segment(Map.of(), all.accounts, all.customers, false,
                    IndexScore.index(weights, m -> pop[m.ordinal()].shrunk(), m -> pop[m.ordinal()].value()), 0,
                    popSource, metrics(pop));
            List<Segment> rows = new ArrayList<>(g);
            for (int i = 0; i < g; i++) {
                Estimate[] e = est[i];
                Group grp = groups.get(i);
                Map<String, Object> key = new LinkedHashMap<>();
                for (int d = 0; d < dims.size(); d++) {
                    key.put(dims.get(d), grp.key.get(d));
                }
                double index = IndexScore.index(weights, m -> e[m.ordinal()].shrunk(), m -> pop[m.ordinal()].value());
                rows.add(new Segment(key, grp.accounts, grp.customers, grp.accounts < minSize, index, 0, ltvSource[i],
                        metrics(e)));
            }
            rows.sort(order(ICP_INDEX));
            List<Segment> ranked = new ArrayList<>(g);
            for (int i = 0; i < g; i++) {
                ranked.add(rows.get(i).withRanking(rows.get(i).icpIndex(), i + 1));
            }
            if (!sort.equals(ICP_INDEX)) {
                ranked.sort(order(sort));
            }
            return new SegmentTable(asOf, dims, filter == null ? null : filter.text(), minSize, sort, population, ranked,
                    weights, notes);
        }

        // ------------------------------------------------------------------------------- raw estimates

        /** The raw estimates of a group (shrunk = raw); {@code nrrSd[0]} receives NRR's per-account sd. */
        private Estimate[] raw(Group grp, double[] nrrSd) {
            Estimate[] e = new Estimate[METRICS.length];
            nrrSd[0] = Double.NaN;
            for (SegmentMetric m : METRICS) {
                int i = m.ordinal();
                e[i] = switch (m.kind()) {
                    case RATE -> rate(grp.k[i], grp.n[i]);
                    case MEAN -> m == SegmentMetric.NPS ? clip(mean(grp.n[i], grp.mean[i], grp.sd[i]), -100, 100)
                            : mean(grp.n[i], grp.mean[i], grp.sd[i]);
                    case RATIO -> nrr(grp, nrrSd);
                    case MODEL -> Estimate.NONE;
                };
            }
            return e;
        }

        private static Estimate rate(long k, long n) {
            if (n == 0) {
                return Estimate.NONE;
            }
            Interval w = Proportions.wilson(k, n, LEVEL);
            return new Estimate(w.estimate(), w.lower(), w.upper(), w.estimate(), n);
        }

        private static Estimate mean(long n, double mean, double sd) {
            if (n == 0 || !Double.isFinite(mean)) {
                return Estimate.NONE;
            }
            if (n >= 2 && Double.isFinite(sd)) {
                Interval t = Means.interval(n, mean, Math.max(0, sd), LEVEL);
                return new Estimate(mean, t.lower(), t.upper(), mean, n);
            }
            return new Estimate(mean, Double.NaN, Double.NaN, mean, n);
        }

        /** R = Σy / Σx with the ratio estimator's interval; sets the per-account sd s_d / x̄. */
        private static Estimate nrr(Group grp, double[] nrrSd) {
            long n = grp.n[SegmentMetric.NRR_12M.ordinal()];
            if (n == 0 || !(grp.sx > 0) || !Double.isFinite(grp.sy)) {
                return Estimate.NONE;
            }
            double r = grp.sy / grp.sx;
            if (n < 2) {
                return new Estimate(r, Double.NaN, Double.NaN, r, n);
            }
            double residual = Math.max(0, grp.syy - 2 * r * grp.sxy + r * r * grp.sxx) / (n - 1);
            double xbar = grp.sx / n;
            double sd = Math.sqrt(residual) / xbar;
            nrrSd[0] = sd;
            if (!Double.isFinite(sd)) {
                return new Estimate(r, Double.NaN, Double.NaN, r, n);
            }
            Interval t = Means.interval(n, r, sd, LEVEL);
            return clip(new Estimate(r, t.lower(), t.upper(), r, n), 0, Double.POSITIVE_INFINITY);
        }

        /** The estimate with its interval clipped to the metric's range (NPS −100..100, NRR ≥ 0). */
        private static Estimate clip(Estimate e, double min, double max) {
            if (!e.hasInterval()) {
                return e;
            }
            return new Estimate(e.value(), Math.max(min, e.lower()), Math.min(max, e.upper()), e.shrunk(), e.n());
        }

        // ------------------------------------------------------------------------------- shrinkage

        private void shrink(SegmentMetric m, List<Group> groups, Estimate[][] est, double[][] nrrSd, double prior) {
            int i = m.ordinal();
            int g = groups.size();
            int withData = 0;
            for (Estimate[] e : est) {
                withData += e[i].present() ? 1 : 0;
            }
            if (m.kind() == SegmentMetric.Kind.MODEL || withData == 0) {
                return;
            }
            if (m.kind() == SegmentMetric.Kind.RATE) {
                long[] k = new long[g];
                long[] n = new long[g];
                for (int s = 0; s < g; s++) {
                    k[s] = groups.get(s).k[i];
                    n[s] = groups.get(s).n[i];
                }
                try {
                    BetaBinomialPrior p = BetaBinomial.fit(k, n);
                    for (int s = 0; s < g; s++) {
                        // without trials the posterior is the prior: the segment is expected to be average
                        est[s][i] = est[s][i].withShrunk(p.shrink(k[s], n[s]));
                    }
                    if (p.atBoundary() && p.concentration() >= BetaBinomial.MAX_CONCENTRATION / 2) {
                        notes.add(m.metricName() + ": the segments' rates differ no more than chance explains, so the "
                                + "shrunk rates are the pooled rate");
                    }
                } catch (InsufficientDataException e) {
                    notes.add(m.metricName() + ": shrunk values are the raw rates (" + e.getMessage() + ")");
                }
                return;
            }
            double[] means = new double[g];
            long[] counts = new long[g];
            double[] sds = new double[g];
            for (int s = 0; s < g; s++) {
                means[s] = est[s][i].value();
                counts[s] = est[s][i].n();
                sds[s] = m.kind() == SegmentMetric.Kind.RATIO ? nrrSd[s][0] : groups.get(s).sd[i];
            }
            double[] shrunk = MeanShrinkage.shrink(means, counts, sds, prior);
            if (shrunk == null) {
                notes.add(m.metricName() + ": shrunk values are the raw values (shrinkage needs two segments with data "
                        + "and one with two or more values that differ)");
                return;
            }
            for (int s = 0; s < g; s++) {
                est[s][i] = est[s][i].withShrunk(est[s][i].present() ? shrunk[s] : prior);
            }
        }

        // ------------------------------------------------------------------------------- LTV

        /**
         * The retention model of a group: with at least {@code ltv.min_customers} customers its own sBG fit, else
         * (not identifiable) its own constant churn rate if any of them churned; otherwise the whole base's.
         */
        private Retention.Model model(Retention r, String label, List<String> fallbacks) {
            if (r.size() < config.ltv().minCustomers()) {
                return base();
            }
            String why;
            try {
                Retention.Model own = Retention.Model.sbg(LtvSource.SEGMENT, r.fit(), monthlyDiscount);
                if (own != null) {
                    return own;
                }
                why = "its sBG model has an infinite expected lifetime without discounting";
            } catch (InsufficientDataException e) {
                why = e.getMessage();
            }
            Retention.Model constant = Retention.Model.constant(LtvSource.SEGMENT_CONSTANT_CHURN, r, monthlyDiscount);
            if (constant != null) {
                fallbacks.add(label + ": " + why + "; its own " + constant.description() + " is used");
                return constant;
            }
            fallbacks.add(label + ": " + why + "; the whole base's model is used");
            return base();
        }

        /** The model of the whole customer base on the date (computed once). */
        private Retention.Model base() {
            if (baseModel == null) {
                baseModel = fitBase();
            }
            return baseModel;
        }

        private Retention.Model fitBase() {
            Retention all = new Retention();
            for (Object[] r : engine.query(sql.customers(List.of(), asOf, null)).rows()) {
                all.add(r[0], r[1], r[2], asOf);
            }
            if (all.size() == 0) {
                notes.add("ltv: no customer on " + asOf + " has a tenure (tenure_months or customer_since), so there is "
                        + "no lifetime value");
                return Retention.Model.NONE;
            }
            String why;
            try {
                Retention.Model m = Retention.Model.sbg(LtvSource.BASE, all.fit(), monthlyDiscount);
                if (m != null) {
                    return m;
                }
                why = "its expected lifetime is infinite without discounting";
            } catch (InsufficientDataException e) {
                why = e.getMessage();
            }
            Retention.Model constant = Retention.Model.constant(LtvSource.BASE_CONSTANT_CHURN, all, monthlyDiscount);
            if (constant == null) {
                notes.add("ltv: no customer has churned, so no lifetime can be estimated (" + why + ")");
                return Retention.Model.NONE;
            }
            notes.add(String.format(Locale.ROOT, "ltv: the whole customer base cannot identify the sBG model (%s); "
                    + "its constant churn of %.4g per month is used instead", why, all.constantChurn()));
            return constant;
        }

        /**
         * Fills LTV and LTV/CAC from the model, ARPA and CAC (the shrunk ones from the shrunk ARPA and CAC, also
         * when the segment has no value of its own); returns where the LTV value came from.
         */
        private LtvSource ltv(Estimate[] e, Retention.Model model, boolean population) {
            if (model.source() == LtvSource.NONE) {
                return LtvSource.NONE;
            }
            double margin = config.economics().grossMargin();
            Estimate arpa = e[SegmentMetric.ARPA.ordinal()];
            Estimate cac = e[SegmentMetric.CAC.ordinal()];
            double value = margin * arpa.value() * model.lifetime();
            double shrunk = population ? value : margin * arpa.shrunk() * model.lifetime();
            if (Double.isNaN(value) && Double.isNaN(shrunk)) {
                return LtvSource.NONE;
            }
            e[SegmentMetric.LTV.ordinal()] = new Estimate(value, Double.NaN, Double.NaN, shrunk,
                    arpa.present() ? model.customers() : 0);
            double ratio = cac.value() > 0 ? value / cac.value() : Double.NaN;
            double shrunkRatio = population ? ratio : cac.shrunk() > 0 ? shrunk / cac.shrunk() : Double.NaN;
            if (!Double.isNaN(ratio) || !Double.isNaN(shrunkRatio)) {
                e[SegmentMetric.LTV_CAC.ordinal()] = new Estimate(ratio, Double.NaN, Double.NaN, shrunkRatio,
                        Double.isNaN(ratio) ? 0 : cac.n());
            }
            return arpa.present() ? model.source() : LtvSource.NONE;
        }

        private void ltvNotes(int segments, Map<LtvSource, Integer> sources, List<String> fallbacks) {
            if (segments > 0) {
                int min = config.ltv().minCustomers();
                List<String> parts = new ArrayList<>();
                sources.forEach((source, count) -> parts.add(count + " " + switch (source) {
                    case SEGMENT -> "an sBG model fitted on their own customers";
                    case SEGMENT_CONSTANT_CHURN -> "their own constant churn rate (sBG not identifiable)";
                    case BASE, BASE_CONSTANT_CHURN -> "the whole base's model (fewer than " + min
                            + " customers, or no churn): " + base().description();
                    case NONE -> "no LTV (no active paying customer, or no churn anywhere)";
                }));
                notes.add("ltv: of " + segments + " segments, " + String.join("; ", parts));
            }
            for (int i = 0; i < fallbacks.size() && i < NOTE_EXAMPLES; i++) {
                notes.add("ltv: " + fallbacks.get(i));
            }
            if (fallbacks.size() > NOTE_EXAMPLES) {
                notes.add("ltv: " + (fallbacks.size() - NOTE_EXAMPLES) + " more segments like these");
            }
        }

        // ------------------------------------------------------------------------------- rows and order

        private static Map<SegmentMetric, Estimate> metrics(Estimate[] e) {
            Map<SegmentMetric, Estimate> m = new LinkedHashMap<>();
            for (SegmentMetric metric : METRICS) {
                m.put(metric, e[metric.ordinal()]);
            }
            return m;
        }

        private String label(List<Object> key) {
            StringBuilder sb = new StringBuilder();
            for (int d = 0; d < dims.size(); d++) {
                sb.append(d == 0 ? "" : ", ").append(dims.get(d)).append(" = ").append(key.get(d));
            }
            return "segment " + sb;
        }

        private static Comparator<Segment> order(String sort) {
            Comparator<Segment> primary = switch (sort) {
                case ICP_INDEX -> descending(Segment::icpIndex);
                case "accounts" -> descending(s -> s.accounts());
                case "customers" -> descending(s -> s.customers());
                default -> {
                    SegmentMetric m = SegmentMetric.byName(sort).orElseThrow();
                    yield descending(s -> s.metric(m).value());
                }
            };
            return primary.thenComparing(descending(Segment::icpIndex))
                    .thenComparing(descending(s -> s.accounts()))
                    .thenComparing(Segment::label);
        }

        /** Descending by a value, NaN last. */
        private static Comparator<Segment> descending(java.util.function.ToDoubleFunction<Segment> f) {
            return (a, b) -> {
                double x = f.applyAsDouble(a);
                double y = f.applyAsDouble(b);
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
                }
                return Double.compare(y, x);
            };
        }
    }
}
