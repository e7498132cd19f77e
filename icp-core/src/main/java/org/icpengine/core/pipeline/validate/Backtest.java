package org.icpengine.core.pipeline.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.icpengine.core.config.ModelConfig;
import org.icpengine.core.config.ScorecardConfig;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.Engine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.expr.Columns;
import org.icpengine.core.expr.ExpressionException;
import org.icpengine.core.expr.Expr;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.expr.ValueType;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.metrics.MetricCatalog;
import org.icpengine.core.pipeline.Outcomes;
import org.icpengine.core.pipeline.model.FeatureSpec;
import org.icpengine.core.pipeline.model.Features;
import org.icpengine.core.pipeline.model.HandScorecard;
import org.icpengine.core.pipeline.model.ModelFile;
import org.icpengine.core.pipeline.model.Models;
import org.icpengine.core.pipeline.model.Provenance;
import org.icpengine.core.pipeline.model.Scoring;
import org.icpengine.core.pipeline.model.Tiers;
import org.icpengine.core.pipeline.model.TrainingSummary;
import org.icpengine.errors.ConfigException;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.scorecard.Scorecard;
import org.icpengine.stats.scorecard.Tier;

/**
 * One run of the backtest of {@link Validation#run}; keeps each model's folds for tests. Not thread-safe.
 */
final class Backtest {

    /** Share of each population, earliest first, a model is fitted (or tiered) on. */
    static final double TRAIN_SHARE = 0.7;

    private final Engine engine;
    private final WorkspaceConfig config;
    private final LocalDate asOf;
    private final long seed;
    private final Provenance provenance;
    private final List<String> notes = new ArrayList<>();
    private final List<ValidationReport.Skipped> skipped = new ArrayList<>();
    private final List<ValidationReport.ModelValidation> models = new ArrayList<>();
    private final Map<String, Fold> folds = new LinkedHashMap<>();
    private Snapshots snapshots;
    private Map<String, Object[]> now;
    private List<String> columns;
    private int[] metricColumns;
    private Evaluation.Columns outcomeColumns;

    /**
     * The training and test accounts of a validated model with their scores.
     *
     * @param train       the training split, earliest cut-offs first
     * @param test        the test split
     * @param trainScores scores of the training split
     * @param testScores  scores of the test split
     */
    record Fold(List<Case> train, List<Case> test, int[] trainScores, int[] testScores) {
    }

    Backtest(Engine engine, WorkspaceConfig config, LocalDate asOf, long seed) {
        this.engine = engine;
        this.config = config;
        this.asOf = asOf;
        this.seed = seed;
        this.provenance = new Provenance(asOf.toString(), seed, "validation", "validation", "validation");
    }

    /** The folds of the validated models, by name. */
    Map<String, Fold> folds() {
        return folds;
    }

    ValidationReport run() {
        snapshots = new Snapshots(AccountMetrics.on(engine, config), asOf, notes);
        now = snapshots.at(asOf);
        columns = snapshots.columns();
        List<Integer> m = new ArrayList<>();
        for (String c : MetricCatalog.METRICS.keySet()) {
            int i = columns.indexOf(c);
            if (i >= 0) {
                m.add(i);
            }
        }
        metricColumns = m.stream().mapToInt(Integer::intValue).toArray();
        outcomeColumns = Evaluation.Columns.of(columns);

        String idealWhy = null;
        List<Case> ideal = List.of();
        Outcomes.Labels atAsOf = Outcomes.at(engine, config, asOf);
        if (atAsOf.unusableBecause() != null) {
            idealWhy = atAsOf.unusableBecause();
        } else {
            ideal = idealPopulation();
        }
        Map<String, Boolean> idealById = new HashMap<>();
        ideal.forEach(c -> idealById.put(c.id(), c.ideal()));
        ResultTable prospects = current(r -> !Boolean.TRUE.equals(r[col("is_customer")]));

        ModelConfig fit = config.models().get(Models.FIT);
        if (fit != null) {
            if (idealWhy != null) {
                skip(Models.FIT, idealWhy);
            } else {
                learned(Models.FIT, fit, withFeatures(ideal, fit.attributes()), "ideal: " + config.ideal().text(), "ideal",
                        "mature customers (customer_since at least 12 months before " + asOf + ") whose ideal outcome is "
                                + "known; features as of customer_since, the outcome " + outcomeLag() + " later",
                        "customer_since", prospects, "current prospects");
            }
        }
        ModelConfig conversion = config.models().get(Models.CONVERSION);
        if (conversion != null) {
            conversion(conversion, idealById);
        }
        ModelConfig health = config.models().get(Models.HEALTH);
        if (health != null) {
            health(health, idealById);
        }
        for (ScorecardConfig sc : config.scorecards()) {
            if (idealWhy != null) {
                skip(sc.name(), "a hand-written scorecard is validated against the ideal outcome, and " + idealWhy);
            } else {
                handWritten(sc, ideal, prospects);
            }
        }
        String description = "Each population is ordered by its cut-off date (account_id breaks ties); the earliest "
                + Math.round(100 * TRAIN_SHARE) + "% fit the model (learned) or set the tier cut-offs (hand-written), "
                + "the latest " + Math.round(100 * (1 - TRAIN_SHARE)) + "% test it. Firmographic columns come from the "
                + "accounts table, which has no history; every metric is read from the latest account_metrics snapshot on "
                + "or before the account's cut-off (snapshots every " + Snapshots.STEP_MONTHS + " months back from "
                + asOf + "). Labels are used only once mature and observed on or before " + asOf + ".";
        return new ValidationReport(asOf.toString(), seed, new ValidationReport.Method(TRAIN_SHARE, Snapshots.STEP_MONTHS,
                snapshots.dates(), description), models, skipped, notes);
    }

    private String outcomeLag() {
        return "12 to " + (12 + Snapshots.STEP_MONTHS - 1) + " months (the first snapshot 12 months or more after it)";
    }

    /**
     * Mature customers with a known ideal outcome, each labelled at the first snapshot 12 months or more after its
     * customer_since; features not yet read.
     */
    private List<Case> idealPopulation() {
        int cs = col("customer_since");
        int customer = col("is_customer");
        LocalDate matureBy = asOf.minusMonths(12);
        Map<LocalDate, List<String>> byLabelDate = new TreeMap<>();
        Map<String, LocalDate> since = new HashMap<>();
        for (Map.Entry<String, Object[]> e : now.entrySet()) {
            Object[] r = e.getValue();
            if (Boolean.TRUE.equals(r[customer]) && r[cs] instanceof LocalDate d && !d.isAfter(matureBy)) {
                since.put(e.getKey(), d);
                byLabelDate.computeIfAbsent(snapshots.onOrAfter(d.plusMonths(12)), k -> new ArrayList<>()).add(e.getKey());
            }
        }
        List<Case> out = new ArrayList<>();
        long unknown = 0;
        for (Map.Entry<LocalDate, List<String>> e : byLabelDate.entrySet()) {
            Map<String, Object[]> rows = snapshots.at(e.getKey());
            Map<String, Boolean> labels = Outcomes.at(engine, config, e.getKey()).labels();
            for (String id : e.getValue()) {
                Boolean b = labels.get(id);
                if (b == null) {
                    unknown++;
                } else {
                    out.add(new Case(id, since.get(id), null, b ? 1 : 0, rows.get(id), b));
                }
            }
        }
        if (unknown > 0) {
            notes.add(unknown + " mature customers have no ideal outcome (a metric it reads is unknown) and are left out "
                    + "of the fit and hand-written validations");
        }
        return out;
    }

    private void conversion(ModelConfig mc, Map<String, Boolean> ideal) {
        if (!engine.hasRows("opportunities")) {
            skip(Models.CONVERSION, "there are no opportunities; add sources.opportunities with closed new_business deals "
                    + "(stage won or lost) to validate what makes a deal win");
            return;
        }
        ResultTable decided = engine.query(new SqlFragment("SELECT account_id, MIN(closed_at) AS decided FROM opportunities "
                + "WHERE type = ? AND stage IN (?, ?) AND closed_at IS NOT NULL AND closed_at <= ? GROUP BY account_id",
                List.of("new_business", "won", "lost", asOf)));
        int won = col("won_opportunities");
        int lost = col("lost_opportunities");
        List<Case> cases = new ArrayList<>();
        for (Object[] d : decided.rows()) {
            Object[] r = now.get((String) d[0]);
            if (r == null || !(d[1] instanceof LocalDate day)) {
                continue;
            }
            long w = r[won] instanceof Number n ? n.longValue() : 0;
            long l = r[lost] instanceof Number n ? n.longValue() : 0;
            if (w + l > 0) {
                cases.add(new Case((String) d[0], day, null, w > 0 ? 1 : 0, r, ideal.get((String) d[0])));
            }
        }
        ResultTable open = current(r -> {
            long w = r[won] instanceof Number n ? n.longValue() : 0;
            long l = r[lost] instanceof Number n ? n.longValue() : 0;
            return w + l == 0;
        });
        learned(Models.CONVERSION, mc, withFeatures(cases, mc.attributes()),
                "won at least one closed new_business deal by " + asOf, "win",
                "accounts with a closed new_business deal by " + asOf + "; features as of their first decided deal, "
                        + "outcome at " + asOf, "first closed new_business deal", open,
                "accounts with no closed new_business deal");
    }

    private void health(ModelConfig mc, Map<String, Boolean> ideal) {
        if (!engine.hasRows("subscriptions")) {
            skip(Models.HEALTH, "there are no subscriptions, so retention is unknown; add sources.subscriptions "
                    + "(account_id, start_date, end_date, mrr) to validate which usage and success signals keep customers");
            return;
        }
        LocalDate before = asOf.minusMonths(12);
        Map<String, Object[]> past = snapshots.at(before);
        int active = col("is_active");
        int mrr = col("mrr");
        int cs = col("customer_since");
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, Object[]> e : past.entrySet()) {
            Object[] r = e.getValue();
            if (!Boolean.TRUE.equals(r[active]) || !(r[cs] instanceof LocalDate since)) {
                continue;
            }
            Object[] c = now.get(e.getKey());
            boolean kept = c != null && Boolean.TRUE.equals(c[active]) && c[mrr] instanceof Number m1
                    && r[mrr] instanceof Number m0 && m1.doubleValue() >= m0.doubleValue();
            cases.add(new Case(e.getKey(), since, r, kept ? 1 : 0, c, ideal.get(e.getKey())));
        }
        cases.sort(ORDER);
        ResultTable customers = current(r -> Boolean.TRUE.equals(r[active]));
        learned(Models.HEALTH, mc, cases, "still active on " + asOf + " with mrr no lower than on " + before, "retention",
                "customers active on " + before + ", features as of that day, outcome at " + asOf, "customer_since",
                customers, "customers active on " + asOf);
    }

    private void learned(String name, ModelConfig mc, List<Case> cases, String label, String rateName,
                         String population, String splitBy, ResultTable current, String currentWho) {
        int nTrain = (int) Math.round(TRAIN_SHARE * cases.size());
        List<Case> train = cases.subList(0, nTrain);
        List<Case> test = cases.subList(nTrain, cases.size());
        long ones = train.stream().filter(c -> c.label() == 1).count();
        if (train.size() < Models.MIN_ROWS || ones < Models.MIN_CLASS || train.size() - ones < Models.MIN_CLASS) {
            skip(name, "too few " + population.split(";")[0] + " for a training split: " + train.size() + " (" + ones
                    + " with label 1); it needs at least " + Models.MIN_ROWS + " with " + Models.MIN_CLASS
                    + " of each label; more history would enable it");
            return;
        }
        String why = Evaluation.untestableBecause(test);
        if (why != null) {
            skip(name, why);
            return;
        }
        ResultTable trainRows = table(train);
        ResultTable testRows = table(test);
        List<String> modelNotes = new ArrayList<>();
        List<FeatureSpec> specs = new ArrayList<>();
        for (FeatureSpec s : Features.specs(config, mc.attributes(), trainRows)) {
            if (Features.allNull(trainRows, s.column())) {
                modelNotes.add("attribute " + s.column() + " has no value in the training split and was left out");
            } else {
                specs.add(s);
            }
        }
        if (specs.isEmpty()) {
            skip(name, "none of its attributes (" + String.join(", ", mc.attributes()) + ") has a value in the training "
                    + "split");
            return;
        }
        int[] y = new int[train.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = train.get(i).label();
        }
        Scorecard sc;
        try {
            sc = Models.learned(config, specs, trainRows, y);
        } catch (InsufficientDataException e) {
            skip(name, "cannot be fitted on the training split: " + e.getMessage());
            return;
        }
        ModelFile file = new ModelFile(ModelFile.FORMAT_VERSION, "", name, ModelFile.LEARNED, asOf + "T00:00:00Z",
                provenance, new ModelFile.Settings(mc.attributes(), config.tiers(), label),
                new TrainingSummary(population, label, y.length, ones, Double.NaN), specs, sc, null, sc.tiers(), Map.of());
        Scoring scoring = Scoring.of(List.of(file), config);
        int[] trainScores = scoring.scores(name, trainRows);
        int[] testScores = scoring.scores(name, testRows);
        double[] p = new double[test.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = scoring.score(row(testRows, i)).scores().get(0).probability();
        }
        evaluate(name, ModelFile.LEARNED, label, rateName, population, splitBy, train, trainScores, test, testScores, p,
                sc.tiers(), scoring.scores(name, current), currentWho, modelNotes);
    }

    private void handWritten(ScorecardConfig sc, List<Case> ideal, ResultTable prospects) {
        Columns vocabulary = vocabulary();
        List<HandScorecard.Criterion> criteria = new ArrayList<>();
        Set<String> read = new LinkedHashSet<>();
        for (ScorecardConfig.Criterion c : sc.criteria()) {
            List<HandScorecard.Band> bands = new ArrayList<>();
            for (ScorecardConfig.Band b : c.bands()) {
                if (b.points() != Math.rint(b.points()) || Math.abs(b.points()) > 1e6) {
                    throw new ConfigException("scorecards: " + sc.name() + ": criterion '" + c.name()
                            + "': points must be whole numbers within ±1000000, got " + b.points());
                }
                if (b.when() != null) {
                    try {
                        read.addAll(Expr.parse(b.when().text(), vocabulary).columns());
                    } catch (ExpressionException e) {
                        throw new ConfigException(b.when().where() + "scorecards: " + sc.name() + ": " + e.getMessage());
                    }
                }
                bands.add(new HandScorecard.Band(b.when() == null ? null : b.when().text(), (int) b.points()));
            }
            criteria.add(new HandScorecard.Criterion(c.name(), bands, 0));
        }
        List<Case> cases = withFeatures(ideal, read);
        int nTrain = (int) Math.round(TRAIN_SHARE * cases.size());
        List<Case> train = cases.subList(0, nTrain);
        List<Case> test = cases.subList(nTrain, cases.size());
        String why = train.isEmpty() ? "no mature customer for its training split" : Evaluation.untestableBecause(test);
        if (why != null) {
            skip(sc.name(), why);
            return;
        }
        ModelFile file = new ModelFile(ModelFile.FORMAT_VERSION, "", sc.name(), ModelFile.HAND_WRITTEN,
                asOf + "T00:00:00Z", provenance, new ModelFile.Settings(new ArrayList<>(read), config.tiers(), ""),
                new TrainingSummary("validation training split", "", train.size(), -1, Double.NaN), List.of(), null,
                new HandScorecard(criteria), List.of(new Tier("all", 1, Integer.MIN_VALUE, 1)), Map.of());
        Scoring scoring = Scoring.of(List.of(file), config);
        int[] trainScores = scoring.scores(sc.name(), table(train));
        int[] testScores = scoring.scores(sc.name(), table(test));
        List<Tier> tiers = Tiers.of(trainScores, config.tiers());
        evaluate(sc.name(), ModelFile.HAND_WRITTEN, "ideal: " + config.ideal().text(), "ideal",
                "mature customers whose ideal outcome is known, as for fit; tier cut-offs set on the training split",
                "customer_since", train, trainScores, test, testScores, null, tiers, scoring.scores(sc.name(), prospects),
                "current prospects", new ArrayList<>(List.of("hand-written: no probability, so no Brier score, log loss "
                        + "or calibration")));
    }

    private void evaluate(String name, String kind, String label, String rateName, String population, String splitBy,
                          List<Case> train, int[] trainScores, List<Case> test, int[] testScores, double[] p,
                          List<Tier> tiers, int[] current, String currentWho, List<String> modelNotes) {
        ValidationReport.Split split = new ValidationReport.Split(splitBy, train.size(), positives(train),
                train.get(0).cutoff().toString(), train.get(train.size() - 1).cutoff().toString(), test.size(),
                positives(test), test.get(0).cutoff().toString(), test.get(test.size() - 1).cutoff().toString());
        try {
            models.add(Evaluation.of(name, kind, label, rateName, population, split, train, trainScores, test, testScores,
                    p, tiers, current, currentWho, outcomeColumns, seed, modelNotes));
            folds.put(name, new Fold(List.copyOf(train), List.copyOf(test), trainScores, testScores));
        } catch (InsufficientDataException e) {
            skip(name, "cannot be measured on the test split: " + e.getMessage());
        }
    }

    /** Orders cases by cut-off, then account_id. */
    private static final Comparator<Case> ORDER = Comparator.comparing(Case::cutoff).thenComparing(Case::id);

    /**
     * The cases with their point-in-time feature rows, ordered by cut-off: firmographic (static) columns from the
     * accounts, metrics from the latest snapshot on or before each cut-off when the model reads any metric, else null.
     */
    private List<Case> withFeatures(List<Case> cases, Collection<String> read) {
        boolean metrics = read.stream().anyMatch(MetricCatalog.METRICS::containsKey);
        List<Case> out = new ArrayList<>(cases.size());
        for (Case c : cases) {
            Object[] f = now.get(c.id()).clone();
            Object[] snap = metrics ? snapshots.at(snapshots.onOrBefore(c.cutoff())).get(c.id()) : null;
            for (int i : metricColumns) {
                f[i] = snap == null ? null : snap[i];
            }
            out.add(new Case(c.id(), c.cutoff(), f, c.label(), c.outcome(), c.ideal()));
        }
        out.sort(ORDER);
        return out;
    }

    private ResultTable current(java.util.function.Predicate<Object[]> keep) {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : now.values()) {
            if (keep.test(r)) {
                rows.add(r);
            }
        }
        int id = col("account_id");
        rows.sort(Comparator.comparing(r -> (String) r[id]));
        return new ResultTable(columns, rows);
    }

    private ResultTable table(List<Case> cases) {
        List<Object[]> rows = new ArrayList<>(cases.size());
        cases.forEach(c -> rows.add(c.features()));
        return new ResultTable(columns, rows);
    }

    private Function<String, Object> row(ResultTable table, int i) {
        Object[] r = table.rows().get(i);
        return name -> {
            int c = columns.indexOf(name);
            return c < 0 ? null : r[c];
        };
    }

    private int col(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException(AccountMetrics.TABLE + " has no column " + name);
        }
        return i;
    }

    private static long positives(List<Case> cases) {
        return cases.stream().filter(c -> c.label() == 1).count();
    }

    private void skip(String model, String reason) {
        skipped.add(new ValidationReport.Skipped(model, reason));
    }

    /** The expression vocabulary: every account column and metric with its expression type. */
    private Columns vocabulary() {
        Map<String, ValueType> types = new LinkedHashMap<>();
        MetricCatalog.accountColumns(config).forEach((n, t) -> types.put(n, switch (t) {
            case ID, TEXT, ENUM -> ValueType.TEXT;
            case INT, NUMBER, MONEY -> ValueType.NUMBER;
            case BOOL -> ValueType.BOOLEAN;
            case DATE -> ValueType.DATE;
            case TS -> ValueType.TIMESTAMP;
            case LIST -> ValueType.LIST;
        }));
        return Columns.of(types);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Backtest[%s]", asOf);
    }
}
