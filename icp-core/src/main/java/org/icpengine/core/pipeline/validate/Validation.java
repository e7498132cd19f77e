package org.icpengine.core.pipeline.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.Engine;
import org.icpengine.errors.IcpException;
import org.icpengine.errors.InputException;

/**
 * {@code icp validate}: a time-split backtest of every learned scorecard ({@code fit}, {@code conversion},
 * {@code health}) and every hand-written one, on accounts the model was not fitted on.
 *
 * <p><b>Populations, cut-offs and labels.</b> Each model's population is ordered by each account's own cut-off
 * date; the earliest 70% (rounded) train, the latest 30% test.
 * <ul>
 *   <li>{@code fit} and hand-written scorecards: mature customers ({@code customer_since} at least 12 months before
 *       {@code asOf}); cut-off {@code customer_since}; label the {@code ideal} outcome evaluated on the first snapshot
 *       12 months or more after {@code customer_since} (so 12 to 14 months after it, never after {@code asOf});
 *       per-tier outcomes (LTV, NRR, CAC, LTV/CAC, win rate) read on that same snapshot.</li>
 *   <li>{@code conversion}: accounts with a closed (won or lost) new_business deal by {@code asOf}; cut-off the close
 *       date of the first; label won at least one.</li>
 *   <li>{@code health}: customers active 12 months before {@code asOf}, features as of that day, ordered by
 *       {@code customer_since}; label still active at {@code asOf} with MRR no lower.</li>
 * </ul>
 * Features are point in time: the firmographic columns come from the accounts table, which holds no history; every
 * metric a model reads comes from the {@code account_metrics} snapshot (every 3 months back from {@code asOf}) on or
 * before the account's cut-off, or is null when none exists. A snapshot is needed only when a model reads a metric.
 * Learned models are refitted on the training split with the trainer of {@code icp fit}
 * ({@link org.icpengine.core.pipeline.model.Models#learned}); hand-written ones are tiered on it.
 *
 * <p><b>Measures on the test split.</b> AUC with DeLong and bootstrap 95% intervals, KS, Brier score, log loss,
 * lift and gains by decile, calibration (learned models), outcomes per tier (label rate and ideal rate pooled,
 * won / (won + lost) pooled, medians of LTV, NRR, CAC and LTV/CAC), PSI of the scores of training against test and
 * against the current population (prospects; for health, today's active customers), and a verdict.
 *
 * <p><b>Partial data.</b> A model whose label or inputs are missing is skipped with the reason and the data that
 * would enable it; never an error. Writes {@code account_metrics} rows for the snapshot dates it needs. Not
 * thread-safe (an {@link Engine} is not).
 */
public final class Validation {

    /** The file name of the report under {@code out/}. */
    public static final String FILE = "validation.json";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Validation() {
    }

    /**
     * Runs the backtest as of {@code asOf}.
     *
     * @param seed seed of the bootstrap intervals; the same seed gives the same report
     * @throws InputException if nothing was ingested
     * @throws org.icpengine.errors.ConfigException for a model attribute or a hand-written condition that is not valid
     */
    public static ValidationReport run(Engine engine, WorkspaceConfig config, LocalDate asOf, long seed) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(asOf, "asOf");
        return new Backtest(engine, config, asOf, seed).run();
    }

    /** The report as indented JSON, the content of {@code out/validation.json}. */
    public static String toJson(ValidationReport report) {
        try {
            return JSON.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IcpException("cannot write the validation report as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code validation.json} into {@code outDir}, creating it.
     *
     * @return the file written
     * @throws InputException if it cannot be written
     */
    public static Path write(ValidationReport report, Path outDir) {
        Path file = outDir.resolve(FILE);
        try {
            Files.createDirectories(outDir);
            Files.writeString(file, toJson(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
