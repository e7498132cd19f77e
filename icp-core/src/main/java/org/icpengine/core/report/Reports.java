package org.icpengine.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.DuckDbEngine;
import org.icpengine.core.engine.Engine;
import org.icpengine.core.expr.SqlFragment;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.pipeline.discover.Discovery;
import org.icpengine.core.pipeline.discover.DiscoveryReport;
import org.icpengine.core.pipeline.exports.ExportSettings;
import org.icpengine.core.pipeline.exports.Exports;
import org.icpengine.core.pipeline.model.ModelFile;
import org.icpengine.core.pipeline.model.Models;
import org.icpengine.core.pipeline.validate.Validation;
import org.icpengine.core.pipeline.validate.ValidationReport;
import org.icpengine.core.segments.SegmentQuery;
import org.icpengine.core.segments.SegmentTable;
import org.icpengine.core.segments.Segments;
import org.icpengine.core.store.Store;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.IcpException;
import org.icpengine.errors.InputException;

/**
 * Builds and writes the ICP report ({@code icp report}).
 *
 * <p>What it reads: the outputs under {@code out/} when they exist for the report's date ({@code discover.json},
 * {@code validation.json}, {@code models/*.json}, {@code exports/*.csv}). What is missing it computes in memory
 * without writing it to {@code out/} (discovery, a fit with seed 42, validation with seed 42, exports into a
 * temporary folder), and says so in the section's notes; the account metrics of the date are computed and stored
 * if the store has none, as {@code icp metrics} would. A part the data cannot support gets a note instead of
 * content; only a workspace with nothing ingested fails.
 */
public final class Reports {

    /** The folder under {@code out/}. */
    public static final String DIR = "reports";

    /** The copy of the newest report. */
    public static final String LATEST = "latest.html";

    /** The seed of anything fitted or validated in memory: the default of {@code icp fit} and {@code icp validate}. */
    static final long SEED = 42;

    /** Rows shown per export. */
    static final int EXPORT_ROWS = 10;

    private static final ObjectMapper READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final List<String> EXPORT_FILES = List.of("marketing_audiences.csv", "sales_priority.csv",
            "product_use_cases.csv", "cs_watchlist.csv");

    private Reports() {
    }

    /**
     * The written report.
     *
     * @param file   {@code out/reports/icp-report-<as_of>.html}
     * @param latest {@code out/reports/latest.html}, a copy
     * @param model  what it shows
     */
    public record Written(Path file, Path latest, ReportModel model) {
    }

    /**
     * Gathers, renders and writes the report of a workspace.
     *
     * @param asOf the date, or {@code null} for the default ({@code as_of} of icp.yaml, else the latest date in the data)
     * @throws InputException if nothing was ingested or the report cannot be written
     */
    public static Written run(Workspace ws, LocalDate asOf) {
        Objects.requireNonNull(ws, "ws");
        if (!ws.hasStore()) {
            throw new InputException("no store in " + ws.dir() + "; run 'icp ingest' first");
        }
        ReportInputs inputs;
        try (Store store = Store.open(ws.storeFile()); DuckDbEngine engine = DuckDbEngine.over(store)) {
            store.ensureSchema(ws.config());
            LocalDate date = asOf != null ? asOf : AccountMetrics.on(engine, ws.config()).defaultAsOf();
            inputs = gather(engine, ws, date);
        }
        ReportModel model = Sections.build(inputs);
        return write(model, ws.outDir());
    }

    /** Writes a rendered report to {@code outDir/reports/}, with its {@value #LATEST} copy. */
    public static Written write(ReportModel model, Path outDir) {
        Path dir = outDir.resolve(DIR);
        Path file = dir.resolve("icp-report-" + model.asOf() + ".html");
        Path latest = dir.resolve(LATEST);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, HtmlReport.render(model), StandardCharsets.UTF_8);
            Files.copy(file, latest, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InputException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
        return new Written(file, latest, model);
    }

    /**
     * Reads or computes every input of the report as of {@code asOf}.
     *
     * @throws InputException if the store has no accounts
     */
    public static ReportInputs gather(Engine engine, Workspace ws, LocalDate asOf) {
        WorkspaceConfig config = ws.config();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        Path out = ws.outDir();
        if (!engine.hasTable("accounts")) {
            throw new InputException("the store has no accounts yet; run 'icp ingest' first");
        }
        if (!hasMetrics(engine, asOf)) {
            AccountMetrics.on(engine, config).compute(asOf);
            note(notes, "icp", "account metrics of " + asOf + " were computed and stored (as 'icp metrics' does)");
        }
        DiscoveryReport discovery = discovery(engine, config, asOf, out, notes);
        List<ModelFile> models = models(engine, config, asOf, out, notes);
        ValidationReport validation = validation(engine, config, asOf, out, notes);
        SegmentTable segments = segments(engine, config, asOf, reportDimensions(config), "segments", notes);
        SegmentTable ltv = config.ltv().segmentBy().isEmpty() ? null
                : segments(engine, config, asOf, config.ltv().segmentBy(), "retention", notes);
        List<RetentionCurve> retention = List.of();
        try {
            retention = RetentionCurves.compute(engine, config, asOf);
            if (retention.isEmpty()) {
                note(notes, "retention", "no retention curves: no customer with a tenure churned, so no retention model can be estimated; "
                        + "retention needs subscriptions (add sources.subscriptions, ingest and re-run)");
            }
        } catch (IcpException e) {
            note(notes, "retention", "retention curves could not be computed: " + e.getMessage());
        }
        Map<String, ReportModel.Table> exports = exports(engine, config, asOf, out, models, discovery, notes);
        String name = ws.dir().toAbsolutePath().normalize().getFileName() == null ? ws.dir().toString()
                : ws.dir().toAbsolutePath().normalize().getFileName().toString();
        return new ReportInputs(name, asOf.toString(), discovery, models, validation, segments, ltv, retention,
                exports, config.currency(), notes);
    }

    private static boolean hasMetrics(Engine engine, LocalDate asOf) {
        if (!engine.hasTable(AccountMetrics.TABLE)) {
            return false;
        }
        Object n = engine.query(new SqlFragment("SELECT COUNT(*) FROM " + AccountMetrics.TABLE + " WHERE as_of = ?",
                List.of(asOf))).rows().get(0)[0];
        return ((Number) n).longValue() > 0;
    }

    private static DiscoveryReport discovery(Engine engine, WorkspaceConfig config, LocalDate asOf, Path out,
                                             Map<String, List<String>> notes) {
        Path file = out.resolve(Discovery.FILE_NAME);
        try {
            if (Files.isRegularFile(file)) {
                DiscoveryReport r = Discovery.fromJson(Files.readString(file, StandardCharsets.UTF_8));
                if (r.asOf().equals(asOf)) {
                    return r;
                }
            }
            note(notes, "icp", "discovery computed for this report (no out/discover.json of " + asOf
                    + "; 'icp discover' writes it)");
            return Discovery.run(engine, config, asOf);
        } catch (IOException | IcpException e) {
            note(notes, "icp", "discovery could not be computed: " + e.getMessage());
            return null;
        }
    }

    private static List<ModelFile> models(Engine engine, WorkspaceConfig config, LocalDate asOf, Path out,
                                          Map<String, List<String>> notes) {
        try {
            List<ModelFile> models = ModelFile.readAll(out.resolve("models"));
            if (!models.isEmpty()) {
                return models;
            }
            note(notes, "scoring", "no models in out/models: scorecards fitted for this report with seed " + SEED
                    + " ('icp fit' writes them)");
            var fit = Models.fit(engine, config, asOf, SEED);
            fit.skipped().forEach(s -> note(notes, "scoring", "skipped " + s.model() + ": " + s.reason()));
            return fit.models();
        } catch (IcpException e) {
            note(notes, "scoring", "the scorecards could not be fitted: " + e.getMessage());
            return List.of();
        }
    }

    private static ValidationReport validation(Engine engine, WorkspaceConfig config, LocalDate asOf, Path out,
                                               Map<String, List<String>> notes) {
        Path file = out.resolve(Validation.FILE);
        try {
            if (Files.isRegularFile(file)) {
                ValidationReport r = READER.readValue(file.toFile(), ValidationReport.class);
                if (r.asOf().equals(asOf.toString())) {
                    return r;
                }
            }
        } catch (IOException | RuntimeException e) {
            note(notes, "validation", file.getFileName() + " could not be read (" + e.getMessage().split("\n")[0]
                    + "); validated again");
        }
        try {
            note(notes, "validation", "validation computed for this report with seed " + SEED
                    + " (no out/validation.json of " + asOf + "; 'icp validate' writes it)");
            return Validation.run(engine, config, asOf, SEED);
        } catch (IcpException e) {
            note(notes, "validation", "validation could not be computed: " + e.getMessage());
            return null;
        }
    }

    /** {@code industry × employees_band} when the workspace has them, else its first two dimensions. */
    static List<String> reportDimensions(WorkspaceConfig config) {
        List<String> all = Segments.dimensions(config);
        List<String> dims = new ArrayList<>();
        for (String d : List.of("industry", "employees_band")) {
            if (all.contains(d)) {
                dims.add(d);
            }
        }
        return dims.isEmpty() ? all.subList(0, Math.min(2, all.size())) : dims;
    }

    private static SegmentTable segments(Engine engine, WorkspaceConfig config, LocalDate asOf, List<String> dims,
                                         String section, Map<String, List<String>> notes) {
        if (dims.isEmpty()) {
            note(notes, section, "the accounts have no dimension to segment by");
            return null;
        }
        try {
            return Segments.compute(engine, config, SegmentQuery.by(dims).asOf(asOf));
        } catch (IcpException e) {
            note(notes, section, "segments by " + String.join(", ", dims) + " could not be computed: " + e.getMessage());
            return null;
        }
    }

    private static Map<String, ReportModel.Table> exports(Engine engine, WorkspaceConfig config, LocalDate asOf,
                                                          Path out, List<ModelFile> models, DiscoveryReport discovery,
                                                          Map<String, List<String>> notes) {
        Path dir = out.resolve(Exports.DIR);
        Path temp = null;
        try {
            if (!EXPORT_FILES.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
                temp = Files.createTempDirectory("icp-report-exports");
                Exports.run(engine, config, asOf, models, discovery, temp, ExportSettings.DEFAULTS);
                note(notes, "exports", "exports computed for this report (out/exports is incomplete; 'icp export' writes them)");
            }
            Path from = temp != null ? temp : dir;
            Map<String, ReportModel.Table> tables = new LinkedHashMap<>();
            for (String f : EXPORT_FILES) {
                Path p = from.resolve(f);
                if (!Files.isRegularFile(p)) {
                    note(notes, "exports", f + " is missing");
                    continue;
                }
                CsvPreview csv = CsvPreview.read(p, EXPORT_ROWS);
                tables.put(f, new ReportModel.Table(String.format(java.util.Locale.ROOT, "%s: first %d of %,d rows", f,
                        csv.rows().size(), csv.total()), csv.header(), csv.rows()));
            }
            return tables;
        } catch (IOException | IcpException e) {
            note(notes, "exports", "the exports could not be computed: " + e.getMessage());
            return Map.of();
        } finally {
            if (temp != null) {
                delete(temp);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static void note(Map<String, List<String>> notes, String section, String text) {
        notes.computeIfAbsent(section, k -> new ArrayList<>()).add(text);
    }
}
