package org.icpengine.core.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.icpengine.core.metrics.MetricCatalog;
import org.icpengine.core.schema.CanonicalTable;
import org.icpengine.core.schema.ColumnType;
import org.icpengine.errors.ConfigException;
import org.icpengine.errors.InputException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads and validates {@code icp.yaml} (DESIGN.md "icp.yaml"; the format is a contract).
 *
 * <p>Everything is checked before anything is used: unknown keys, wrong types, unknown canonical
 * columns, bad values and bad expressions are {@link ConfigException}s naming the file, line and key.
 * Every key has a default, so an empty file is a valid configuration.
 */
public final class ConfigLoader {

    /** The file name of a workspace configuration. */
    public static final String FILE_NAME = "icp.yaml";

    static final Set<String> TOP_KEYS = keys("as_of", "currency", "sources", "use_cases", "bands",
            "tech_stack_flags", "economics", "ideal", "models", "tiers", "scorecards", "icp_index", "ltv");
    static final Set<String> ICP_INDEX_KEYS = keys("weights", "min_size");
    static final Set<String> LTV_KEYS = keys("segment_by", "min_customers");
    static final Set<String> SOURCE_KEYS = keys("path", "format", "delimiter", "columns", "values", "defaults",
            "null_values", "list_separator", "date_format", "attributes");
    static final Set<String> ATTRIBUTE_KEYS = keys("column", "type");
    static final Set<String> USE_CASE_KEYS = keys("events", "high_value");
    static final Set<String> BAND_KEYS = keys("employees", "annual_revenue");
    static final Set<String> ECONOMICS_KEYS = keys("gross_margin", "annual_discount_rate", "cac_window_months");
    static final Set<String> MODEL_KEYS = keys("attributes");
    static final Set<String> SCORECARD_KEYS = keys("name", "criteria");
    static final Set<String> CRITERION_KEYS = keys("name", "bands");
    static final Set<String> BAND_ENTRY_KEYS = keys("when", "else", "points");

    /** Default learned-scorecard inputs (DESIGN.md). */
    static final Map<String, List<String>> DEFAULT_MODELS = defaultModels();
    /** Default tier shares (DESIGN.md). */
    static final Map<String, Double> DEFAULT_TIERS = defaultTiers();

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private ConfigLoader() {
    }

    /** Loads {@code icp.yaml} of a workspace folder. */
    public static WorkspaceConfig loadWorkspace(Path workspaceDir) {
        Path file = workspaceDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            throw new ConfigException("no " + FILE_NAME + " in " + workspaceDir.toAbsolutePath().normalize()
                    + "; run 'icp init' there, or pass --workspace DIR");
        }
        return load(file);
    }

    /** Loads and validates a configuration file. */
    public static WorkspaceConfig load(Path file) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": file not found");
        } catch (CharacterCodingException e) {
            throw new ConfigException(file.getFileName() + ": not valid UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /** Validates configuration text as if read from {@code file} (used by tests and {@code icp init}). */
    public static WorkspaceConfig parse(Path file, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Optional<Node> root;
        try {
            // YAML 1.2 core schema (~ and empty are null, True is a boolean, .5 a number), not the stricter JSON one
            LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(true).setMaxAliasesForCollections(10)
                    .setCodePointLimit(10 * 1024 * 1024).setSchema(new CoreSchema()).build();
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            root = composer.getSingleNode();
        } catch (MarkedYamlEngineException e) {
            String pos = e.getProblemMark().map(m -> ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("");
            throw new ConfigException(file.getFileName() + pos + ": not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ConfigException(file.getFileName() + ": not valid YAML: " + e.getMessage());
        }
        if (root.isEmpty()) {
            return defaults(file);
        }
        YamlNode top = new YamlNode(file, "", root.get());
        if (top.isNull()) {
            return defaults(file);
        }
        return new Reader(file).read(top);
    }

    /** The configuration with every key at its default. */
    public static WorkspaceConfig defaults(Path file) {
        return new Reader(file).read(null);
    }

    private static final class Reader {
        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        WorkspaceConfig read(YamlNode top) {
            Map<String, YamlNode> m = top == null ? Map.of() : top.mapping(TOP_KEYS);
            Optional<LocalDate> asOf = opt(m, "as_of").map(YamlNode::date);
            String currency = opt(m, "currency").map(n -> {
                String c = n.text();
                if (!CURRENCY.matcher(c).matches()) {
                    throw n.error("expected a three-letter ISO currency code such as USD, got '" + c + "'");
                }
                return c;
            }).orElse("USD");

            List<String> techFlags = new ArrayList<>();
            opt(m, "tech_stack_flags").ifPresent(n -> {
                for (YamlNode item : n.sequence(false)) {
                    String t = item.nonEmptyText().toLowerCase(Locale.ROOT);
                    if (!NAME.matcher(t).matches()) {
                        throw item.error("expected a technology name of letters, digits and '_' (it becomes has_"
                                + t + "), got '" + item.text() + "'");
                    }
                    if (techFlags.contains(t)) {
                        throw item.error("'" + t + "' is listed twice");
                    }
                    techFlags.add(t);
                }
            });

            Map<CanonicalTable, SourceConfig> sources = new LinkedHashMap<>();
            opt(m, "sources").ifPresent(n -> {
                Map<String, YamlNode> byName = n.mapping(new LinkedHashSet<>(CanonicalTable.names()));
                for (CanonicalTable t : CanonicalTable.values()) {
                    YamlNode s = byName.get(t.tableName());
                    if (s != null) {
                        sources.put(t, source(t, s));
                    }
                }
            });

            Map<String, UseCase> useCases = new LinkedHashMap<>();
            opt(m, "use_cases").ifPresent(n -> n.mapping(null).forEach((name, u) -> {
                checkName(u, name, "use case");
                Map<String, YamlNode> um = u.mapping(USE_CASE_KEYS);
                YamlNode events = um.get("events");
                if (events == null) {
                    throw u.error("a use case needs 'events: [event names or globs]'");
                }
                List<String> ev = events.textList();
                if (ev.isEmpty()) {
                    throw events.error("expected at least one event name or glob");
                }
                boolean hv = opt(um, "high_value").map(YamlNode::bool).orElse(false);
                useCases.put(name, new UseCase(name, ev, hv));
            }));

            Bands bands = opt(m, "bands").map(this::bands).orElse(Bands.DEFAULT);

            Economics economics = opt(m, "economics").map(n -> {
                Map<String, YamlNode> em = n.mapping(ECONOMICS_KEYS);
                return new Economics(
                        opt(em, "gross_margin").map(v -> v.number(0, 1)).orElse(Economics.DEFAULT.grossMargin()),
                        opt(em, "annual_discount_rate").map(v -> v.number(0, 10))
                                .orElse(Economics.DEFAULT.annualDiscountRate()),
                        opt(em, "cac_window_months").map(v -> v.integer(1, 36))
                                .orElse(Economics.DEFAULT.cacWindowMonths()));
            }).orElse(Economics.DEFAULT);

            ConfigExpression ideal = opt(m, "ideal").map(n -> new ConfigExpression(n.nonEmptyText(), n.where()))
                    .orElse(new ConfigExpression(WorkspaceConfig.DEFAULT_IDEAL, file.getFileName() + ": ideal (default): "));

            Map<String, AttributeConfig> attributes = sources.containsKey(CanonicalTable.ACCOUNTS)
                    ? sources.get(CanonicalTable.ACCOUNTS).attributes() : Map.of();
            Map<String, ColumnType> known = MetricCatalog.accountColumns(techFlags, attributes);

            Map<String, ModelConfig> models = new LinkedHashMap<>();
            DEFAULT_MODELS.forEach((k, v) -> models.put(k, new ModelConfig(k, v)));
            opt(m, "models").ifPresent(n -> n.mapping(null).forEach((name, mn) -> {
                checkName(mn, name, "model");
                Map<String, YamlNode> mm = mn.mapping(MODEL_KEYS);
                YamlNode attrs = mm.get("attributes");
                if (attrs == null) {
                    throw mn.error("a model needs 'attributes: [columns]'");
                }
                List<String> list = new ArrayList<>();
                for (YamlNode a : attrs.sequence(false)) {
                    String col = a.nonEmptyText();
                    if (!known.containsKey(col)) {
                        throw a.error("unknown column '" + col + "'"
                                + YamlNode.Suggest.closest(col, known.keySet()).map(s -> " (did you mean '" + s + "'?)").orElse("")
                                + "; known: " + String.join(", ", known.keySet()));
                    }
                    list.add(col);
                }
                if (list.isEmpty()) {
                    throw attrs.error("expected at least one attribute");
                }
                models.put(name, new ModelConfig(name, list));
            }));

            Map<String, Double> tiers = opt(m, "tiers").map(this::tiers).orElse(DEFAULT_TIERS);

            List<ScorecardConfig> scorecards = new ArrayList<>();
            opt(m, "scorecards").ifPresent(n -> {
                Set<String> names = new LinkedHashSet<>();
                for (YamlNode s : n.sequence(false)) {
                    ScorecardConfig sc = scorecard(s);
                    if (!names.add(sc.name())) {
                        throw s.error("a scorecard named '" + sc.name() + "' is already defined");
                    }
                    if (models.containsKey(sc.name())) {
                        throw s.error("'" + sc.name() + "' is the name of a learned model; choose another name");
                    }
                    scorecards.add(sc);
                }
            });

            IcpIndex icpIndex = opt(m, "icp_index").map(n -> {
                Map<String, YamlNode> im = n.mapping(ICP_INDEX_KEYS);
                Map<String, Double> weights = opt(im, "weights").map(w -> {
                    Map<String, Double> out = new LinkedHashMap<>();
                    w.mapping(new LinkedHashSet<>(IcpIndex.METRICS)).forEach((k, v) -> out.put(k, v.number(0, 1000)));
                    if (out.values().stream().allMatch(x -> x == 0)) {
                        throw w.error("at least one weight must be > 0");
                    }
                    return out;
                }).orElse(IcpIndex.DEFAULT.weights());
                int minSize = opt(im, "min_size").map(v -> v.integer(1, 1_000_000)).orElse(IcpIndex.DEFAULT.minSize());
                return new IcpIndex(weights, minSize);
            }).orElse(IcpIndex.DEFAULT);

            LtvSettings ltv = opt(m, "ltv").map(n -> {
                Map<String, YamlNode> lm = n.mapping(LTV_KEYS);
                List<String> by = opt(lm, "segment_by").map(b -> {
                    List<String> dims = new ArrayList<>();
                    for (YamlNode d : b.sequence(true)) {
                        String dim = d.nonEmptyText();
                        if (!known.containsKey(dim)) {
                            throw d.error("unknown column '" + dim + "'; known: " + String.join(", ", known.keySet()));
                        }
                        dims.add(dim);
                    }
                    return dims;
                }).orElse(LtvSettings.DEFAULT.segmentBy());
                int min = opt(lm, "min_customers").map(v -> v.integer(2, 1_000_000)).orElse(LtvSettings.DEFAULT.minCustomers());
                return new LtvSettings(by, min);
            }).orElse(LtvSettings.DEFAULT);

            WorkspaceConfig config = new WorkspaceConfig(file, asOf, currency, sources, useCases, bands, techFlags,
                    economics, ideal, models, tiers, scorecards, icpIndex, ltv);
            ExpressionCheck.check(config, known);
            return config;
        }

        private SourceConfig source(CanonicalTable table, YamlNode n) {
            Map<String, YamlNode> sm = n.mapping(SOURCE_KEYS);
            YamlNode pathNode = sm.get("path");
            if (pathNode == null) {
                throw n.error("a source needs 'path: file or glob'");
            }
            String path = pathNode.nonEmptyText();
            Optional<SourceFormat> format = opt(sm, "format").map(f -> {
                String v = f.text().toLowerCase(Locale.ROOT);
                for (SourceFormat sf : SourceFormat.values()) {
                    if (sf.yamlName().equals(v)) {
                        return sf;
                    }
                }
                throw f.error("expected one of csv, tsv, jsonl, parquet, got '" + f.text() + "'");
            });
            if (format.isEmpty() && SourceFormat.fromFileName(path).isEmpty()) {
                throw pathNode.error("cannot tell the format of '" + path
                        + "' from its extension (.csv .tsv .jsonl .parquet); add 'format: csv|tsv|jsonl|parquet'");
            }
            Optional<String> delimiter = opt(sm, "delimiter").map(d -> {
                String v = d.text();
                if (v.equals("\\t") || v.equalsIgnoreCase("tab")) {
                    v = "\t";
                }
                if (v.length() != 1 || v.equals("\"") || v.equals("\n") || v.equals("\r")) {
                    throw d.error("expected a single character such as \",\" \";\" \"|\" or \"\\t\", got '" + d.text() + "'");
                }
                return v;
            });

            Map<String, AttributeConfig> attributes = new LinkedHashMap<>();
            opt(sm, "attributes").ifPresent(a -> a.mapping(null).forEach((name, an) -> {
                checkName(an, name, "attribute");
                if (table.column(name).isPresent()) {
                    throw an.error("'" + name + "' is a canonical column of " + table.tableName()
                            + "; map it under 'columns:' instead");
                }
                Map<String, YamlNode> am = an.mapping(ATTRIBUTE_KEYS);
                String column = opt(am, "column").map(YamlNode::nonEmptyText).orElse(name);
                AttributeType type = opt(am, "type").map(t -> {
                    String v = t.text().toLowerCase(Locale.ROOT);
                    for (AttributeType at : AttributeType.values()) {
                        if (at.yamlName().equals(v)) {
                            return at;
                        }
                    }
                    throw t.error("expected one of category, number, boolean, list, got '" + t.text() + "'");
                }).orElse(AttributeType.CATEGORY);
                attributes.put(name, new AttributeConfig(name, column, type));
            }));

            Map<String, String> columns = new LinkedHashMap<>();
            opt(sm, "columns").ifPresent(c -> c.mapping(null).forEach((canon, src) -> {
                requireCanonical(table, src, canon, Map.of());
                columns.put(canon, src.nonEmptyText());
            }));
            Map<String, Map<String, String>> values = new LinkedHashMap<>();
            opt(sm, "values").ifPresent(v -> v.mapping(null).forEach((canon, mapNode) -> {
                requireCanonical(table, mapNode, canon, attributes);
                Map<String, String> mapping = new LinkedHashMap<>();
                mapNode.mapping(null).forEach((from, to) -> mapping.put(from, to.isNull() ? null : to.text()));
                values.put(canon, mapping);
            }));
            Map<String, String> defaults = new LinkedHashMap<>();
            opt(sm, "defaults").ifPresent(d -> d.mapping(null).forEach((canon, val) -> {
                requireCanonical(table, val, canon, attributes);
                defaults.put(canon, val.text());
            }));
            List<String> nullValues = opt(sm, "null_values").map(YamlNode::textList).orElse(List.of(""));
            String listSeparator = opt(sm, "list_separator").map(s -> {
                String v = s.text();
                if (v.isEmpty()) {
                    throw s.error("expected a non-empty separator such as \";\" or \"|\"");
                }
                return v;
            }).orElse(";");
            Optional<String> dateFormat = opt(sm, "date_format").map(f -> {
                try {
                    DateFormats.toStrptime(f.nonEmptyText());
                } catch (IllegalArgumentException e) {
                    throw f.error(e.getMessage());
                }
                return f.text();
            });
            return new SourceConfig(table, path, format, delimiter, columns, values, defaults, nullValues,
                    listSeparator, dateFormat, attributes);
        }

        private void requireCanonical(CanonicalTable table, YamlNode at, String name, Map<String, AttributeConfig> attributes) {
            if (table.column(name).isEmpty() && !attributes.containsKey(name)) {
                List<String> known = new ArrayList<>(table.columnNames());
                known.addAll(attributes.keySet());
                throw at.error("'" + name + "' is not a column of " + table.tableName()
                        + YamlNode.Suggest.closest(name, known).map(s -> " (did you mean '" + s + "'?)").orElse("")
                        + "; canonical columns: " + String.join(", ", known));
            }
        }

        private Bands bands(YamlNode n) {
            Map<String, YamlNode> bm = n.mapping(BAND_KEYS);
            return new Bands(opt(bm, "employees").map(this::bounds).orElse(Bands.DEFAULT.employees()),
                    opt(bm, "annual_revenue").map(this::bounds).orElse(Bands.DEFAULT.annualRevenue()));
        }

        private List<Double> bounds(YamlNode n) {
            List<Double> out = new ArrayList<>();
            for (YamlNode item : n.sequence(false)) {
                double v = item.number(0, Double.MAX_VALUE);
                if (!out.isEmpty() && v <= out.get(out.size() - 1)) {
                    throw item.error("band bounds must increase, got " + YamlNode.fmt(v) + " after "
                            + YamlNode.fmt(out.get(out.size() - 1)));
                }
                out.add(v);
            }
            if (out.isEmpty()) {
                throw n.error("expected at least one band bound");
            }
            return out;
        }

        private Map<String, Double> tiers(YamlNode n) {
            Map<String, Double> out = new LinkedHashMap<>();
            double sum = 0;
            for (Map.Entry<String, YamlNode> e : n.mapping(null).entrySet()) {
                double share = e.getValue().number(0, 1);
                if (share <= 0) {
                    throw e.getValue().error("a tier's share must be > 0");
                }
                out.put(e.getKey(), share);
                sum += share;
            }
            if (out.size() < 2) {
                throw n.error("expected at least two tiers, e.g. { A: 0.10, B: 0.25, C: 0.35, D: 0.30 }");
            }
            if (Math.abs(sum - 1) > 1e-6) {
                throw n.error("tier shares must add up to 1, they add up to " + sum);
            }
            return out;
        }

        private ScorecardConfig scorecard(YamlNode n) {
            Map<String, YamlNode> sm = n.mapping(SCORECARD_KEYS);
            YamlNode nameNode = sm.get("name");
            if (nameNode == null) {
                throw n.error("a scorecard needs 'name:'");
            }
            String name = nameNode.nonEmptyText();
            if (!Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*").matcher(name).matches()) {
                throw nameNode.error("a scorecard name may use letters, digits, '_', '-' and '.', got '" + name + "'");
            }
            YamlNode crit = sm.get("criteria");
            if (crit == null) {
                throw n.error("a scorecard needs 'criteria:'");
            }
            List<ScorecardConfig.Criterion> criteria = new ArrayList<>();
            for (YamlNode c : crit.sequence(false)) {
                Map<String, YamlNode> cm = c.mapping(CRITERION_KEYS);
                String cname = opt(cm, "name").map(YamlNode::nonEmptyText)
                        .orElseThrow(() -> c.error("a criterion needs 'name:'"));
                YamlNode bandsNode = cm.get("bands");
                if (bandsNode == null) {
                    throw c.error("a criterion needs 'bands:'");
                }
                List<ScorecardConfig.Band> bands = new ArrayList<>();
                List<YamlNode> items = bandsNode.sequence(false);
                for (int i = 0; i < items.size(); i++) {
                    YamlNode b = items.get(i);
                    Map<String, YamlNode> bm = b.mapping(BAND_ENTRY_KEYS);
                    boolean hasWhen = bm.containsKey("when");
                    boolean hasElse = bm.containsKey("else");
                    if (hasWhen == hasElse) {
                        throw b.error("a band needs exactly one of 'when: condition' or 'else: points'");
                    }
                    if (hasElse) {
                        if (bm.containsKey("points")) {
                            throw b.error("an else band gives its points as 'else: points'");
                        }
                        if (i != items.size() - 1) {
                            throw b.error("the else band must be the last band");
                        }
                        bands.add(new ScorecardConfig.Band(null, bm.get("else").number()));
                    } else {
                        YamlNode w = bm.get("when");
                        YamlNode p = bm.get("points");
                        if (p == null) {
                            throw b.error("a band needs 'points:'");
                        }
                        bands.add(new ScorecardConfig.Band(new ConfigExpression(w.nonEmptyText(), w.where()), p.number()));
                    }
                }
                if (bands.isEmpty()) {
                    throw bandsNode.error("expected at least one band");
                }
                criteria.add(new ScorecardConfig.Criterion(cname, bands));
            }
            if (criteria.isEmpty()) {
                throw crit.error("expected at least one criterion");
            }
            return new ScorecardConfig(name, criteria);
        }

        private void checkName(YamlNode at, String name, String what) {
            if (!NAME.matcher(name).matches()) {
                throw at.error((what.matches("[aeiou].*") ? "an " : "a ") + what + " name must be lower case letters, digits and '_', starting with a letter, got '"
                        + name + "'");
            }
        }

        private static Optional<YamlNode> opt(Map<String, YamlNode> m, String key) {
            YamlNode n = m.get(key);
            return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
        }
    }

    private static Set<String> keys(String... keys) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
    }

    private static Map<String, List<String>> defaultModels() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("fit", List.of("industry", "employees", "annual_revenue", "country", "tech_stack"));
        m.put("conversion", List.of("industry", "employees", "annual_revenue", "country", "acquisition_channel"));
        m.put("health", List.of("active_days_per_week", "usage_trend", "high_value_use_cases", "nps", "tickets_per_month"));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, Double> defaultTiers() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("A", 0.10);
        m.put("B", 0.25);
        m.put("C", 0.35);
        m.put("D", 0.30);
        return java.util.Collections.unmodifiableMap(m);
    }
}
