package org.icpengine.core.pipeline.exports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.Engine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.metrics.MetricsRun;
import org.icpengine.core.pipeline.discover.Discovery;
import org.icpengine.core.pipeline.discover.DiscoveryReport;
import org.icpengine.core.pipeline.model.ModelFile;

/**
 * The team outputs of DESIGN.md "Outputs for the teams", written as CSV under {@code out/exports/}:
 *
 * <ul>
 *   <li>{@value Audiences#FILE} (marketing): every segment of {@code industry × employees_band} (plus the
 *       {@code has_<tech>} flag with the highest IV in {@code out/discover.json}, when tech flags are configured),
 *       ranked by ICP index, with accounts, customers, the prospects left (accounts not yet customers), how many of
 *       them are in the two best tiers, their summed expected value and the segment's shrunk win rate, LTV/CAC,
 *       retention and NRR; and {@value Audiences#MEMBERS}: the prospects of the
 *       {@link ExportSettings#topSegments()} best segments that are not flagged small, best prospects first.</li>
 *   <li>{@value SalesPriority#FILE} (sales): every prospect, ranked by expected value (P(win) × expected LTV of
 *       its fit tier), then P(win), then score; with fit score and tier, the three criteria that gained it most
 *       points and the one that lost it most, and missing inputs: one value per cell, ready for CRM import.</li>
 *   <li>{@value UseCaseView#FILE} (product): use-case adoption (last 90 days) of active customers, overall, by
 *       tier and by persona, and the use cases whose adoption in a customer's first 90 days is most tied to
 *       {@code ideal} (ideal rate of adopters and others, lift, IV); see {@link UseCaseView}.</li>
 *   <li>{@value Watchlist#FILE} (customer success): active tier A/B customers with falling usage, a detractor
 *       NPS or rising tickets, with the reasons in words (rules in {@link ExportSettings}).</li>
 *   <li>{@value #README}: what each file holds, the rules behind it, and the notes of the run.</li>
 * </ul>
 *
 * <p>The score and tier are those of the learned {@code fit} model, else of the first hand-written scorecard;
 * P(win) is the {@code conversion} model's. <b>Partial data</b>: every file is always written, with its header
 * when nothing can be computed, and each part that is left out (a missing model, table or report) gets a note in
 * {@link ExportReport#notes()} saying what would fill it. Nothing fails because an optional table is empty.
 *
 * <p>Deterministic: the same store, models, report and date write the same bytes. Not thread-safe (an
 * {@link Engine} is not).
 */
public final class Exports {

    /** The folder under {@code out/}. */
    public static final String DIR = "exports";

    /** The file that describes the exports. */
    public static final String README = "README.txt";

    private Exports() {
    }

    /**
     * Writes the exports of a workspace's output folder: reads the models of {@code outDir/models/} and
     * {@code outDir/discover.json} when present, and writes {@code outDir/exports/} with {@link ExportSettings#DEFAULTS}.
     *
     * @throws org.icpengine.errors.InputException if nothing was ingested, or a model file or the discovery
     *                                             report cannot be read
     */
    public static ExportReport run(Engine engine, WorkspaceConfig config, LocalDate asOf, Path outDir) {
        Objects.requireNonNull(outDir, "outDir");
        List<ModelFile> models = ModelFile.readAll(outDir.resolve("models"));
        Path report = outDir.resolve(Discovery.FILE_NAME);
        DiscoveryReport discovery = null;
        if (Files.exists(report)) {
            try {
                discovery = Discovery.fromJson(Files.readString(report, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new org.icpengine.errors.InputException("cannot read " + report + ": " + e.getMessage(), e);
            }
        }
        return run(engine, config, asOf, models, discovery, outDir.resolve(DIR), ExportSettings.DEFAULTS);
    }

    /**
     * Writes the exports into {@code dir}, replacing files of an earlier run.
     *
     * @param models    the fitted and hand-written models (may be empty)
     * @param discovery the discovery report, or {@code null}
     * @param dir       the folder to write, created if needed
     * @throws org.icpengine.errors.InputException if nothing was ingested (no {@code accounts} table)
     */
    public static ExportReport run(Engine engine, WorkspaceConfig config, LocalDate asOf, List<ModelFile> models,
                                   DiscoveryReport discovery, Path dir, ExportSettings settings) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(settings, "settings");
        List<String> notes = new ArrayList<>();
        AccountMetrics metrics = AccountMetrics.on(engine, config);
        ResultTable rows = metrics.read(asOf);
        if (rows.size() == 0) {
            MetricsRun run = metrics.compute(asOf);
            notes.add("account metrics as of " + asOf + " were computed for this run");
            run.notes().forEach(n -> notes.add("metrics: " + n));
            rows = metrics.read(asOf);
        }
        if (discovery == null) {
            notes.add("no discovery report (out/discover.json): no persona view, and audiences are not split by a "
                    + "technology; run 'icp discover'");
        } else if (!discovery.asOf().equals(asOf)) {
            notes.add("the discovery report is as of " + discovery.asOf() + ", the exports as of " + asOf);
        }
        ScoredAccounts accounts = ScoredAccounts.of(rows, models, config, notes);

        List<String> dims = Audiences.dimensions(config, discovery);
        CsvOut audiences = new CsvOut(Audiences.header(dims));
        CsvOut members = new CsvOut(Audiences.membersHeader());
        Audiences.write(engine, config, asOf, accounts, discovery, settings, audiences, members, notes);
        CsvOut sales = new CsvOut(SalesPriority.HEADER);
        SalesPriority.write(accounts, sales);
        CsvOut product = new CsvOut(UseCaseView.HEADER);
        UseCaseView.write(engine, config, asOf, accounts, discovery, product, notes);
        CsvOut watch = new CsvOut(Watchlist.HEADER);
        Watchlist.write(engine, asOf, accounts, settings, watch, notes);

        List<ExportReport.File> files = new ArrayList<>();
        files.add(file(dir, Audiences.FILE, audiences, "segments by " + String.join(" × ", dims)
                + ", ranked by ICP index, with the prospects left in each"));
        files.add(file(dir, Audiences.MEMBERS, members, "the prospects of the " + settings.topSegments()
                + " best segments that are not small"));
        files.add(file(dir, SalesPriority.FILE, sales, "prospects by expected value, with tier and reasons"));
        files.add(file(dir, UseCaseView.FILE, product, "use-case adoption by tier and persona; use cases tied to ideal"));
        files.add(file(dir, Watchlist.FILE, watch, "tier A/B customers with falling usage, detractor NPS or rising "
                + "tickets"));
        ExportReport report = new ExportReport(asOf, dir, files, notes);
        CsvOut.writeText(dir.resolve(README), readme(report, accounts, settings));
        return report;
    }

    private static ExportReport.File file(Path dir, String name, CsvOut csv, String about) {
        Path path = dir.resolve(name);
        csv.write(path);
        return new ExportReport.File(name, path, csv.size(), about);
    }

    private static String readme(ExportReport report, ScoredAccounts a, ExportSettings s) {
        StringBuilder sb = new StringBuilder();
        sb.append("ICP Engine team exports, as of ").append(report.asOf()).append(" (written by 'icp export').\n\n");
        for (ExportReport.File f : report.files()) {
            sb.append(f.name()).append(": ").append(f.about()).append(" (").append(f.rows()).append(" rows)\n");
        }
        sb.append("\nRules\n");
        sb.append("- Score and tier: ").append(a.scoreModel == null ? "none (no model; run 'icp fit')"
                : "model '" + a.scoreModel.name() + "' (" + a.scoreModel.kind() + ")").append(".\n");
        sb.append("- Prospect: an account that is not a customer. Expected value = P(win) (conversion model) x mean LTV "
                + "of the fit model's training customers in the prospect's fit tier.\n");
        sb.append("- Reasons: criteria with the most points gained (reason_1..3) and lost (reason_against) against the "
                + "average training account.\n");
        sb.append("- Audience members: prospects of the ").append(s.topSegments())
                .append(" best segments by ICP index that are not flagged small.\n");
        sb.append("- Adoption: at least one event of the use case in the last 90 days; tied to ideal: adoption in "
                + "the first 90 days as a customer, over labelled customers, ranked by information value.\n");
        sb.append("- Watchlist: active customers in the two best tiers with falling usage (usage_trend < ")
                .append(s.usageTrendBelow()).append(" per week, or no usage in 90 days), detractor NPS (latest <= ")
                .append(s.detractorMax()).append(") or rising tickets (>= ").append(s.ticketsMin())
                .append(" in the last ").append(s.ticketWindowDays()).append(" days and >= ").append(s.ticketRise())
                .append(" x the ").append(s.ticketWindowDays()).append(" days before).\n");
        if (!report.notes().isEmpty()) {
            sb.append("\nNotes\n");
            report.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }
}
