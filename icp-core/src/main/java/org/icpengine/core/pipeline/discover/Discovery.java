package org.icpengine.core.pipeline.discover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.Engine;
import org.icpengine.core.engine.ResultTable;
import org.icpengine.core.metrics.AccountMetrics;
import org.icpengine.core.metrics.MetricsRun;
import org.icpengine.core.pipeline.Outcomes;
import org.icpengine.errors.IcpException;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;

/**
 * {@code icp discover}: winning indicators, ICP rules and personas of a workspace as of a date (DESIGN.md
 * "ICP pipeline"). Everything is measured on the <em>labelled</em> customers of {@link Outcomes}: those
 * acquired 12 months or more before the date whose {@code ideal} condition is known.
 *
 * <p>Partial data is the normal case: when the outcome cannot be learned (no mature customer, the condition
 * unknown for all, a single class), indicators, rules and personas are skipped, each with a note naming the
 * data that would enable it; when research notes are missing, pain points and culture fit are skipped. A run
 * never fails because an optional table is empty or a column is all null.
 *
 * <p>Deterministic: the same store, configuration, date and settings give the same report. Not thread-safe
 * (an {@link Engine} is not).
 */
public final class Discovery {

    /** The file {@code icp discover} writes under the workspace's {@code out/} folder. */
    public static final String FILE_NAME = "discover.json";

    private static final ObjectMapper JSON = mapper();

    private Discovery() {
    }

    /** {@link #run(Engine, WorkspaceConfig, LocalDate, DiscoverySettings)} with {@link DiscoverySettings#DEFAULTS}. */
    public static DiscoveryReport run(Engine engine, WorkspaceConfig config, LocalDate asOf) {
        return run(engine, config, asOf, DiscoverySettings.DEFAULTS);
    }

    /**
     * Discovers the ICP as of {@code asOf} from the stored account metrics of that date, computing them first
     * (with {@link AccountMetrics#compute}) if none are stored for it.
     *
     * @throws InputException if nothing was ingested (no {@code accounts} table)
     */
    public static DiscoveryReport run(Engine engine, WorkspaceConfig config, LocalDate asOf, DiscoverySettings settings) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(settings, "settings");
        List<String> notes = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        AccountMetrics metrics = AccountMetrics.on(engine, config);
        ResultTable all = metrics.read(asOf);
        if (all.size() == 0) {
            MetricsRun run = metrics.compute(asOf);
            notes.add("account metrics as of " + asOf + " were computed for this run");
            run.notes().forEach(n -> notes.add("metrics: " + n));
            all = metrics.read(asOf);
        }
        Outcomes.Labels labels = Outcomes.at(engine, config, asOf);
        int customerColumn = all.index("is_customer");
        Table customers = Table.where(all, r -> Boolean.TRUE.equals(r[customerColumn]));
        long idealCount = labels.ideal();
        DiscoveryReport.Population population = new DiscoveryReport.Population(all.size(), customers.size(),
                labels.mature(), labels.labels().size(), idealCount,
                labels.labels().isEmpty() ? null : (double) idealCount / labels.labels().size());
        if (labels.unknown() > 0 && !labels.labels().isEmpty()) {
            notes.add(labels.unknown() + " of " + labels.mature() + " mature customers have an unknown ideal outcome "
                    + "(a metric it reads is null) and are left out");
        }
        List<Indicator> indicators = List.of();
        List<IcpRule> rules = List.of();
        List<Persona> personas = List.of();
        String unusable = labels.unusableBecause();
        if (unusable != null) {
            String why = "the ideal outcome cannot be learned: " + unusable + enablers(customers, labels.columns());
            skipped.put("indicators", why);
            skipped.put("rules", why);
            skipped.put("personas", why);
        } else {
            Table labelled = Table.ofIds(all, labels.labels());
            int[] y = new int[labelled.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels.labels().get((String) labelled.value(i, "account_id")) ? 1 : 0;
            }
            Set<String> outcome = new HashSet<>(labels.columns());
            try {
                indicators = Indicators.compute(config, labelled, y, new java.util.TreeSet<>(outcome), notes);
            } catch (InsufficientDataException e) {
                skipped.put("indicators", e.getMessage());
            }
            try {
                double[] ltvCac = labelled.has("ltv_cac") ? labelled.numbers("ltv_cac") : new double[y.length];
                if (!labelled.has("ltv_cac")) {
                    java.util.Arrays.fill(ltvCac, Double.NaN);
                }
                rules = Rules.compute(config, settings, labelled, y, ltvCac, outcome, notes);
            } catch (InsufficientDataException e) {
                skipped.put("rules", e.getMessage());
            }
            Map<String, Boolean> idealOnly = new LinkedHashMap<>();
            labels.labels().forEach((id, ideal) -> {
                if (ideal) {
                    idealOnly.put(id, true);
                }
            });
            personas = Personas.compute(config, settings, Table.ofIds(all, idealOnly), customers, skipped, notes);
        }
        return new DiscoveryReport(asOf, config.ideal().text(), population, indicators, rules, personas, skipped, notes,
                settings);
    }

    /** "; it would be enabled by: subscriptions (retained_12m, nrr_12m), spend (ltv_cac)" for columns with no value. */
    private static String enablers(Table customers, List<String> columns) {
        Map<String, List<String>> bySource = new TreeMap<>();
        for (String c : columns) {
            if (customers.has(c) && customers.present(c) == 0) {
                bySource.computeIfAbsent(Vocabulary.sourceOf(c), k -> new ArrayList<>()).add(c);
            }
        }
        if (bySource.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        bySource.forEach((s, cs) -> parts.add(s + " (" + String.join(", ", cs) + ")"));
        return "; data that would enable it: " + String.join(", ", parts);
    }

    /** The report as indented JSON (snake_case keys, dates as yyyy-mm-dd), ending in a newline. */
    public static String toJson(DiscoveryReport report) {
        try {
            return JSON.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IcpException("cannot write the discovery report as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * A report read back from {@link #toJson}.
     *
     * @throws InputException if the text is not such a report
     */
    public static DiscoveryReport fromJson(String json) {
        try {
            return JSON.readValue(json, DiscoveryReport.class);
        } catch (JsonProcessingException e) {
            throw new InputException("not a discovery report: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes {@link #toJson} to {@code outDir}/{@value #FILE_NAME}, creating the folder, and returns the file.
     *
     * @throws InputException if the file cannot be written
     */
    public static Path write(DiscoveryReport report, Path outDir) {
        Path file = outDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(outDir);
            Files.writeString(file, toJson(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static ObjectMapper mapper() {
        SimpleModule dates = new SimpleModule("dates");
        dates.addSerializer(LocalDate.class, new JsonSerializer<>() {
            @Override
            public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        dates.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return LocalDate.parse(p.getValueAsString());
            }
        });
        return new ObjectMapper().registerModule(dates)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
