package org.icpengine.core.pipeline.validate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.icpengine.stats.eval.CalibrationBin;
import org.icpengine.stats.eval.GainsRow;
import org.icpengine.stats.eval.Interval;

/**
 * What {@code icp validate} found: per scorecard, learned and hand-written side by side, its discrimination,
 * calibration, lift, outcomes per tier and stability on accounts it was not fitted on, with a plain verdict; and
 * the models that could not be validated, with the reason. Immutable; serialized to {@code out/validation.json}.
 * A value that cannot be computed (no probability for a hand-written scorecard, an empty tier) is {@code null}.
 *
 * @param asOf    the date the data is taken as of, yyyy-mm-dd
 * @param seed    the seed of the bootstrap intervals
 * @param method  how the backtest was done
 * @param models  the validated models: learned ones in the order fit, conversion, health, then hand-written ones
 * @param skipped models that could not be validated
 * @param notes   remarks about the data (missing tables, attributes left out)
 */
public record ValidationReport(String asOf, long seed, Method method, List<ModelValidation> models,
                               List<Skipped> skipped, List<String> notes) {

    /** Copies. */
    public ValidationReport {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(method, "method");
        models = List.copyOf(models);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /** The validation of the model {@code name}, if it was validated. */
    public Optional<ModelValidation> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * How the backtest was done.
     *
     * @param trainShare        share of each population, earliest first, the model is fitted on (0.7)
     * @param snapshotStepMonths months between the metric snapshots read point in time
     * @param snapshots         the snapshot dates computed, oldest first
     * @param description       the method in words
     */
    public record Method(double trainShare, int snapshotStepMonths, List<String> snapshots, String description) {
        /** Copies. */
        public Method {
            snapshots = List.copyOf(snapshots);
        }
    }

    /**
     * A model that was not validated.
     *
     * @param model  its name
     * @param reason why, and which data would enable it
     */
    public record Skipped(String model, String reason) {
    }

    /**
     * The validation of one scorecard on its test split.
     *
     * @param name        the model's name
     * @param kind        {@code learned} or {@code hand-written}
     * @param label       what label 1 means
     * @param population  who the rows are and where each one's cut-off is
     * @param split       the train/test split
     * @param trainAuc    AUC on the training split (for learned models, in sample)
     * @param auc         test AUC with its 95% DeLong interval
     * @param aucBootstrap test AUC with a 95% percentile bootstrap interval (1,000 replicates, seeded)
     * @param ks          test Kolmogorov–Smirnov statistic of the score between the two classes
     * @param brier       test Brier score of the model's probability; null for hand-written scorecards
     * @param logLoss     test log loss; null for hand-written scorecards
     * @param gains       lift and cumulative gains by test decile, best first
     * @param calibration test calibration over up to ten quantile bins of the probability; empty for hand-written
     * @param tiers       outcomes per tier on the test split, tiers set on the training split
     * @param stability   PSI of the scores, training against test and against the current population it would score
     * @param verdict     the plain verdict
     * @param notes       remarks on this model
     */
    public record ModelValidation(String name, String kind, String label, String population, Split split,
                                  double trainAuc, Interval auc, Interval aucBootstrap, double ks, Double brier,
                                  Double logLoss, List<GainsRow> gains, List<CalibrationBin> calibration,
                                  List<TierOutcome> tiers, Stability stability, String verdict, List<String> notes) {
        /** Copies. */
        public ModelValidation {
            gains = List.copyOf(gains);
            calibration = List.copyOf(calibration);
            tiers = List.copyOf(tiers);
            notes = List.copyOf(notes);
        }

        /** The outcomes of tier {@code name}, if the model has that tier. */
        public Optional<TierOutcome> tier(String tierName) {
            return tiers.stream().filter(t -> t.tier().equals(tierName)).findFirst();
        }
    }

    /**
     * The time split of a population by cut-off date.
     *
     * @param splitBy        the date the population is ordered by
     * @param trainRows      rows in the training split (the earliest)
     * @param trainPositives of which label 1
     * @param trainFrom      earliest cut-off in the training split
     * @param trainTo        latest cut-off in the training split
     * @param testRows       rows in the test split (the latest)
     * @param testPositives  of which label 1
     * @param testFrom       earliest cut-off in the test split
     * @param testTo         latest cut-off in the test split
     */
    public record Split(String splitBy, int trainRows, long trainPositives, String trainFrom, String trainTo,
                        int testRows, long testPositives, String testFrom, String testTo) {
    }

    /**
     * The outcomes of one tier's test accounts. Rates are pooled; money and ratios are medians over the accounts
     * where the metric is known (read at each account's outcome date, see {@link ModelValidation#population}).
     *
     * @param tier         the tier's name
     * @param minScore     its score cut-off; null for the last tier (every lower score)
     * @param accounts     test accounts in the tier
     * @param labelRate    share with the model's label 1
     * @param idealRate    share ideal, among those whose ideal outcome is known
     * @param winRate      won / (won + lost) closed new_business deals of the tier's accounts
     * @param medianLtv    median LTV
     * @param medianNrr    median 12-month NRR
     * @param medianCac    median CAC
     * @param medianLtvCac median LTV/CAC
     */
    public record TierOutcome(String tier, Integer minScore, int accounts, Double labelRate, Double idealRate,
                              Double winRate, Double medianLtv, Double medianNrr, Double medianCac,
                              Double medianLtvCac) {
    }

    /**
     * Population stability of the scores (PSI over ten quantile bins of the training scores; below 0.1 stable,
     * 0.1–0.25 a moderate shift, above 0.25 a major shift).
     *
     * @param psiTrainTest       training against test scores
     * @param psiTrainCurrent    training against the current population's scores; null when it is empty
     * @param current            accounts in the current population
     * @param currentPopulation  who the current population is (prospects for fit and conversion)
     */
    public record Stability(double psiTrainTest, Double psiTrainCurrent, int current, String currentPopulation) {
    }
}
