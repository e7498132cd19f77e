package org.icpengine.core.pipeline.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.icpengine.core.config.ModelConfig;
import org.icpengine.core.config.ScorecardConfig;
import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.Engine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.metrics.MetricsRun;
import org.icpengine.core.pipeline.Outcomes;
import org.icpengine.errors.ConfigException;
import org.icpengine.errors.InsufficientDataException;
import org.icpengine.stats.eval.Auc;
import org.icpengine.stats.scorecard.Feature;
import org.icpengine.stats.scorecard.Scorecard;
import org.icpengine.stats.scorecard.ScorecardTrainer;
import org.icpengine.stats.scorecard.Tier;

/**
 * Fits the learned scorecards of DESIGN.md "ICP pipeline" and tiers the hand-written ones. Start with
 * {@link #fit(Engine, WorkspaceConfig, LocalDate, long)}; {@link #trainer(WorkspaceConfig)} and
 * {@link #learned} are the steps, public for {@code icp validate}.
 *
 * <p>Each learned model is binning → WoE → L2 logistic regression → integer points → tiers by the configured
 * shares ({@link ScorecardTrainer}, standard scaling: 600 points at odds 50:1, 20 points to double the odds):
 * <ul>
 *   <li>{@value #FIT}: label {@code ideal} ({@link Outcomes}) over mature customers whose outcome is known,
 *       inputs the model's attributes (firmographics) as of T;</li>
 *   <li>{@value #CONVERSION}: accounts with at least one closed new_business deal by T; label 1 when the
 *       account won at least one ({@code won_opportunities > 0}), 0 when all its closed deals were lost;</li>
 *   <li>{@value #HEALTH}: customers active at T − 12 months, with inputs from {@code account_metrics} computed
 *       as of T − 12 months; label 1 when still active at T with {@code mrr(T) >= mrr(T − 12 months)}
 *       (retained and not contracted).</li>
 * </ul>
 * A model whose label cannot be formed (a missing table, no mature customer, a single class, fewer than
 * {@value #MIN_ROWS} rows or {@value #MIN_CLASS} of a class) or none of whose attributes has a value is
 * skipped with a reason naming the data that would enable it; attributes with no value at all are left out
 * with a note. Hand-written scorecards are tiered over the fit model's training population (else over the
 * customers at T, else over all accounts).
 *
 * <p>Not thread-safe (an {@link Engine} is not). Writes {@code account_metrics} rows for T and T − 12 months.
 */
public final class Models {

    /** The firmographic fit model. */
    public static final String FIT = "fit";
    /** The won-versus-lost model. */
    public static final String CONVERSION = "conversion";
    /** The retention model. */
    public static final String HEALTH = "health";

    /** Fewest training rows for a learned model. */
    public static final int MIN_ROWS = 30;
    /** Fewest rows of each class for a learned model. */
    public static final int MIN_CLASS = 5;

    private final Engine engine;
    private final WorkspaceConfig config;
    private final LocalDate asOf;
    private final Provenance provenance;
    private final List<String> notes = new ArrayList<>();
    private final List<FitReport.Skipped> skipped = new ArrayList<>();

    private Models(Engine engine, WorkspaceConfig config, LocalDate asOf, long seed) {
        this.engine = engine;
        this.config = config;
        this.asOf = asOf;
        this.provenance = new Provenance(asOf.toString(), seed, configFingerprint(config), dataFingerprint(engine, asOf),
                engineVersion());
    }

    /**
     * Computes the account metrics as of {@code asOf} (and a year earlier), fits every configured learned
     * model that the data allows and tiers every hand-written scorecard.
     *
     * @param seed recorded in each model's provenance
     * @throws org.icpengine.errors.InputException if nothing was ingested
     * @throws ConfigException for a model attribute or a hand-written condition that is not valid
     */
    public static FitReport fit(Engine engine, WorkspaceConfig config, LocalDate asOf, long seed) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(asOf, "asOf");
        return new Models(engine, config, asOf, seed).run();
    }

    /** The trainer every learned model uses: icp-stats defaults with the workspace's tier shares. */
    public static ScorecardTrainer trainer(WorkspaceConfig config) {
        return ScorecardTrainer.defaults().withTiers(config.tiers());
    }

    /**
     * Fits one learned scorecard: features of {@code attributes} from {@code rows}, labels aligned with the rows.
     *
     * @param attributes the model's attributes; all-null ones are left out (see {@link Features#allNull})
     * @throws InsufficientDataException if no attribute has a value or the trainer cannot fit
     */
    public static Scorecard learned(WorkspaceConfig config, List<FeatureSpec> specs, ResultTable rows, int[] labels) {
        List<Feature> features = Features.extract(specs, rows);
        return trainer(config).fit(features, labels);
    }

    private FitReport run() {
        AccountMetrics metrics = AccountMetrics.on(engine, config);
        MetricsRun now = metrics.compute(asOf);
        notes.addAll(now.notes());
        ResultTable rows = metrics.read(asOf);
        List<ModelFile> models = new ArrayList<>();
        ResultTable fitPopulation = null;

        ModelConfig fitConfig = config.models().get(FIT);
        if (fitConfig != null) {
            Outcomes.Labels labels = Outcomes.at(engine, config, asOf);
            String why = labels.unusableBecause();
            if (why != null) {
                skip(FIT, why);
            } else {
                ResultTable training = Features.select(rows, labels.labels());
                int[] y = labelsOf(training, labels.labels());
                ModelFile m = fitModel(FIT, fitConfig, training, y,
                        "mature customers (customer_since at least 12 months before " + asOf + ") with a known outcome",
                        "ideal: " + config.ideal().text(), true);
                if (m != null) {
                    models.add(m);
                    fitPopulation = training;
                }
            }
        }

        ModelConfig conversionConfig = config.models().get(CONVERSION);
        if (conversionConfig != null) {
            Map<String, Boolean> won = new LinkedHashMap<>();
            int id = rows.index("account_id");
            int w = rows.index("won_opportunities");
            int l = rows.index("lost_opportunities");
            for (Object[] r : rows.rows()) {
                long wins = r[w] == null ? 0 : ((Number) r[w]).longValue();
                long losses = r[l] == null ? 0 : ((Number) r[l]).longValue();
                if (wins + losses > 0) {
                    won.put((String) r[id], wins > 0);
                }
            }
            if (!engine.hasRows("opportunities")) {
                skip(CONVERSION, "there are no opportunities; add sources.opportunities with closed new_business deals "
                        + "(stage won or lost) to learn what makes a deal win");
            } else if (checkLabels(CONVERSION, won, "accounts with a closed new_business deal",
                    "add opportunities with closed new_business deals (stage won or lost, with closed_at)")) {
                ResultTable training = Features.select(rows, won);
                ModelFile m = fitModel(CONVERSION, conversionConfig, training, labelsOf(training, won),
                        "accounts with at least one closed new_business deal by " + asOf,
                        "won at least one closed new_business deal", false);
                if (m != null) {
                    models.add(m);
                }
            }
        }

        ModelConfig healthConfig = config.models().get(HEALTH);
        if (healthConfig != null) {
            ModelFile m = health(metrics, rows, healthConfig);
            if (m != null) {
                models.add(m);
            }
        }

        ResultTable tierPopulation = fitPopulation != null ? fitPopulation : customersOrAll(rows);
        for (ScorecardConfig sc : config.scorecards()) {
            models.add(handWritten(sc, tierPopulation, fitPopulation != null ? "the fit model's training customers"
                    : tierPopulation == rows ? "all accounts at " + asOf : "customers at " + asOf));
        }
        return new FitReport(asOf, models, skipped, notes);
    }

    private ModelFile health(AccountMetrics metrics, ResultTable rows, ModelConfig healthConfig) {
        if (!engine.hasRows("subscriptions")) {
            skip(HEALTH, "there are no subscriptions, so retention is unknown; add sources.subscriptions (account_id, "
                    + "start_date, end_date, mrr) to learn which usage and success signals keep customers");
            return null;
        }
        LocalDate before = asOf.minusMonths(12);
        MetricsRun run = metrics.compute(before);
        for (String n : run.notes()) {
            if (!notes.contains(n)) {
                notes.add(n);
            }
        }
        ResultTable past = metrics.read(before);
        Map<String, Object[]> current = new LinkedHashMap<>();
        int id = rows.index("account_id");
        for (Object[] r : rows.rows()) {
            current.put((String) r[id], r);
        }
        int activeNow = rows.index("is_active");
        int mrrNow = rows.index("mrr");
        int pid = past.index("account_id");
        int activeBefore = past.index("is_active");
        int mrrBefore = past.index("mrr");
        Map<String, Boolean> kept = new LinkedHashMap<>();
        for (Object[] r : past.rows()) {
            if (!Boolean.TRUE.equals(r[activeBefore])) {
                continue;
            }
            Object[] c = current.get((String) r[pid]);
            boolean retained = c != null && Boolean.TRUE.equals(c[activeNow]) && c[mrrNow] != null && r[mrrBefore] != null
                    && ((Number) c[mrrNow]).doubleValue() >= ((Number) r[mrrBefore]).doubleValue();
            kept.put((String) r[pid], retained);
        }
        if (!checkLabels(HEALTH, kept, "customers active on " + before,
                "add subscriptions going back at least 12 months before " + asOf)) {
            return null;
        }
        ResultTable training = Features.select(past, kept);
        return fitModel(HEALTH, healthConfig, training, labelsOf(training, kept),
                "customers active on " + before + ", inputs as of that day",
                "still active on " + asOf + " with mrr no lower than on " + before, false);
    }

    private boolean checkLabels(String model, Map<String, Boolean> labels, String who, String enable) {
        long ones = labels.values().stream().filter(Boolean::booleanValue).count();
        long zeros = labels.size() - ones;
        if (labels.size() < MIN_ROWS || ones < MIN_CLASS || zeros < MIN_CLASS) {
            skip(model, "too few " + who + " to learn from: " + labels.size() + " (" + ones + " with label 1, " + zeros
                    + " with label 0); it needs at least " + MIN_ROWS + " with " + MIN_CLASS + " of each; " + enable);
            return false;
        }
        return true;
    }

    /** Fits one learned model, or records why not and returns null. */
    private ModelFile fitModel(String name, ModelConfig mc, ResultTable training, int[] y, String population,
                               String label, boolean withLtv) {
        if (y.length < MIN_ROWS) {
            skip(name, "too few training rows: " + y.length + " " + population + "; it needs at least " + MIN_ROWS);
            return null;
        }
        List<FeatureSpec> all = Features.specs(config, mc.attributes(), training);
        List<FeatureSpec> specs = new ArrayList<>();
        Set<String> empty = new LinkedHashSet<>();
        for (FeatureSpec s : all) {
            if (Features.allNull(training, s.column())) {
                empty.add(s.column());
            } else {
                specs.add(s);
            }
        }
        if (specs.isEmpty()) {
            List<String> needs = new ArrayList<>();
            for (String c : mc.attributes()) {
                needs.add(c + " (" + DataNeeds.of(c) + ")");
            }
            skip(name, "none of its attributes has a value for the " + y.length + " training rows: "
                    + String.join(", ", needs) + (all.isEmpty() ? "; list columns have no frequent element" : ""));
            return null;
        }
        for (String c : empty) {
            notes.add(name + ": attribute " + c + " has no value in the training rows and was left out (it needs "
                    + DataNeeds.of(c) + ")");
        }
        Scorecard sc;
        try {
            sc = learned(config, specs, training, y);
        } catch (InsufficientDataException e) {
            skip(name, "cannot be fitted: " + e.getMessage());
            return null;
        }
        ModelFile draft = new ModelFile(ModelFile.FORMAT_VERSION, "", name, ModelFile.LEARNED, createdAt(), provenance,
                new ModelFile.Settings(mc.attributes(), config.tiers(), label), new TrainingSummary(population, label,
                y.length, count(y), Double.NaN), specs, sc, null, sc.tiers(), Map.of());
        int[] scores = Scoring.of(List.of(draft), config).scores(name, training);
        double auc = auc(scores, y);
        Map<String, Double> ltvByTier = withLtv ? ltvByTier(sc.tiers(), scores, training) : Map.of();
        return new ModelFile(ModelFile.FORMAT_VERSION, "", name, ModelFile.LEARNED, createdAt(), provenance,
                draft.settings(), new TrainingSummary(population, label, y.length, count(y), auc), specs, sc, null,
                sc.tiers(), ltvByTier).withContentId();
    }

    private ModelFile handWritten(ScorecardConfig sc, ResultTable population, String who) {
        List<HandScorecard.Criterion> criteria = new ArrayList<>();
        for (ScorecardConfig.Criterion c : sc.criteria()) {
            List<HandScorecard.Band> bands = new ArrayList<>();
            for (ScorecardConfig.Band b : c.bands()) {
                if (b.points() != Math.rint(b.points()) || Math.abs(b.points()) > 1e6) {
                    throw new ConfigException((b.when() == null ? "" : b.when().where()) + "scorecards: " + sc.name()
                            + ": criterion '" + c.name() + "': points must be whole numbers within ±1000000, got "
                            + b.points());
                }
                bands.add(new HandScorecard.Band(b.when() == null ? null : b.when().text(), (int) b.points()));
            }
            criteria.add(new HandScorecard.Criterion(c.name(), bands, 0));
        }
        Map<String, Double> equal = new LinkedHashMap<>();
        config.tiers().keySet().forEach(t -> equal.put(t, 1.0 / config.tiers().size()));
        ModelFile draft = new ModelFile(ModelFile.FORMAT_VERSION, "", sc.name(), ModelFile.HAND_WRITTEN, createdAt(),
                provenance, new ModelFile.Settings(List.of(), config.tiers(), ""),
                new TrainingSummary(who, "", population.size(), -1, Double.NaN), List.of(), null,
                new HandScorecard(criteria), List.of(new Tier("all", 1, Integer.MIN_VALUE, 1)), Map.of());
        ModelScorer.Hand hand;
        try {
            hand = (ModelScorer.Hand) ModelScorer.of(draft, config);
        } catch (org.icpengine.core.expr.ExpressionException e) {
            throw new ConfigException("scorecards: " + sc.name() + ": " + e.getMessage());
        }
        int n = population.size();
        int[] scores = new int[n];
        double[] sums = new double[criteria.size()];
        Set<String> read = new LinkedHashSet<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int c = 0; c < population.columns().size(); c++) {
            index.put(population.columns().get(c), c);
        }
        for (int i = 0; i < n; i++) {
            Object[] r = population.rows().get(i);
            java.util.function.Function<String, Object> row = col -> {
                Integer c = index.get(col);
                return c == null ? null : r[c];
            };
            for (int c = 0; c < criteria.size(); c++) {
                int pts = hand.pointsOf(c, hand.band(c, row));
                scores[i] += pts;
                sums[c] += pts;
            }
        }
        List<HandScorecard.Criterion> withMeans = new ArrayList<>();
        for (int c = 0; c < criteria.size(); c++) {
            HandScorecard.Criterion crit = criteria.get(c);
            withMeans.add(new HandScorecard.Criterion(crit.name(), crit.bands(), n == 0 ? 0 : sums[c] / n));
            for (HandScorecard.Band b : crit.bands()) {
                if (b.when() != null) {
                    read.addAll(org.icpengine.core.expr.Expr.parse(b.when(), ModelScorer.vocabulary(config)).columns());
                }
            }
        }
        List<Tier> tiers = n == 0 ? List.of(new Tier(config.tiers().keySet().iterator().next(), 1, Integer.MIN_VALUE, 0))
                : Tiers.of(scores, config.tiers());
        return new ModelFile(ModelFile.FORMAT_VERSION, "", sc.name(), ModelFile.HAND_WRITTEN, createdAt(), provenance,
                new ModelFile.Settings(new ArrayList<>(read), config.tiers(), ""),
                new TrainingSummary(who, "", n, -1, Double.NaN), List.of(), null, new HandScorecard(withMeans), tiers,
                Map.of()).withContentId();
    }

    private ResultTable customersOrAll(ResultTable rows) {
        int c = rows.index("is_customer");
        List<Object[]> customers = new ArrayList<>();
        for (Object[] r : rows.rows()) {
            if (Boolean.TRUE.equals(r[c])) {
                customers.add(r);
            }
        }
        return customers.isEmpty() ? rows : new ResultTable(rows.columns(), customers);
    }

    private Map<String, Double> ltvByTier(List<Tier> tiers, int[] scores, ResultTable training) {
        double[] ltv = training.doubles("ltv");
        double[] sum = new double[tiers.size()];
        long[] count = new long[tiers.size()];
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isNaN(ltv[i])) {
                int t = Tiers.index(tiers, scores[i]);
                sum[t] += ltv[i];
                count[t]++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int t = 0; t < tiers.size(); t++) {
            if (count[t] > 0) {
                out.put(tiers.get(t).name(), sum[t] / count[t]);
            }
        }
        return out;
    }

    private void skip(String model, String reason) {
        skipped.add(new FitReport.Skipped(model, reason));
    }

    private String createdAt() {
        return asOf + "T00:00:00Z";
    }

    private static int[] labelsOf(ResultTable rows, Map<String, Boolean> labels) {
        String[] ids = rows.strings("account_id");
        int[] y = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            y[i] = labels.get(ids[i]) ? 1 : 0;
        }
        return y;
    }

    private static long count(int[] y) {
        long s = 0;
        for (int v : y) {
            s += v;
        }
        return s;
    }

    static double auc(int[] scores, int[] y) {
        double[] s = new double[scores.length];
        boolean[] l = new boolean[y.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = scores[i];
            l[i] = y[i] == 1;
        }
        return Auc.of(s, l);
    }

    private static String configFingerprint(WorkspaceConfig config) {
        Path file = config.file();
        try {
            return Files.exists(file) ? ModelFile.sha256(Files.readString(file, StandardCharsets.UTF_8)) : "none";
        } catch (IOException e) {
            throw new org.icpengine.errors.InputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String dataFingerprint(Engine engine, LocalDate asOf) {
        StringBuilder sb = new StringBuilder("as_of=").append(asOf).append('\n');
        if (engine.hasTable("ingest_log")) {
            ResultTable log = engine.query("SELECT table_name, file, bytes, rows_read, rows_loaded, rows_rejected "
                    + "FROM ingest_log ORDER BY ingested_at, table_name, file");
            for (Object[] r : log.rows()) {
                String file = r[1] == null ? "" : Path.of(r[1].toString()).getFileName().toString();
                sb.append(r[0]).append('|').append(file).append('|').append(r[2]).append('|').append(r[3]).append('|')
                        .append(r[4]).append('|').append(r[5]).append('\n');
            }
        }
        return ModelFile.sha256(sb.toString());
    }

    private static String engineVersion() {
        String v = Models.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
