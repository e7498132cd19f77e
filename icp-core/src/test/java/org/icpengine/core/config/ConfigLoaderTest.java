package org.icpengine.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.icpengine.core.schema.CanonicalTable;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.ConfigException;
import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code icp.yaml} loading (DESIGN.md "icp.yaml"): every key has a default; an unknown key, a wrong type or
 * an unknown canonical column is an error naming the file, line and key, and saying what was expected.
 * Expressions ({@code ideal}, scorecard {@code when}) are only loaded as text here.
 */
class ConfigLoaderTest {

    private static final Path FILE = Path.of("/work/space/icp.yaml");

    private static WorkspaceConfig parse(String yaml) {
        return ConfigLoader.parse(FILE, yaml);
    }

    private static String error(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml));
        assertThat(e).as("expected a ConfigException for:%n%s", yaml).isNotNull();
        return e.getMessage();
    }

    // --- defaults ---------------------------------------------------------------------------------------

    @Test
    void emptyFileGivesTheDefaultOfEveryKey() {
        WorkspaceConfig c = parse("");

        assertThat(c.file()).isEqualTo(FILE);
        assertThat(c.asOf()).isEmpty();
        assertThat(c.currency()).isEqualTo("USD");
        assertThat(c.sources()).isEmpty();
        assertThat(c.useCases()).isEmpty();
        assertThat(c.bands().employees()).containsExactly(10.0, 50.0, 200.0, 1000.0, 5000.0);
        assertThat(c.bands().annualRevenue()).containsExactly(1_000_000.0, 10_000_000.0, 100_000_000.0);
        assertThat(c.techStackFlags()).isEmpty();
        assertThat(c.economics()).isEqualTo(new Economics(0.80, 0.10, 3));
        assertThat(c.ideal().text()).isEqualTo("retained_12m and nrr_12m >= 1.0 and ltv_cac >= 3");
        assertThat(c.models()).containsOnlyKeys("fit", "conversion", "health");
        assertThat(c.models().get("fit").attributes())
                .containsExactly("industry", "employees", "annual_revenue", "country", "tech_stack");
        assertThat(c.models().get("conversion").attributes())
                .containsExactly("industry", "employees", "annual_revenue", "country", "acquisition_channel");
        assertThat(c.models().get("health").attributes()).containsExactly("active_days_per_week", "usage_trend",
                "high_value_use_cases", "nps", "tickets_per_month");
        assertThat(c.tiers()).containsExactly(Map.entry("A", 0.10), Map.entry("B", 0.25), Map.entry("C", 0.35),
                Map.entry("D", 0.30));
        assertThat(c.scorecards()).isEmpty();
        assertThat(c.icpIndex()).isEqualTo(IcpIndex.DEFAULT);
        assertThat(c.ltv()).isEqualTo(LtvSettings.DEFAULT);
        assertThat(c).isEqualTo(ConfigLoader.defaults(FILE));
    }

    @Test
    void fileOfCommentsOrAnExplicitNullGivesTheDefaults() {
        assertThat(parse("# nothing here yet\n\n")).isEqualTo(ConfigLoader.defaults(FILE));
        assertThat(parse("~\n")).isEqualTo(ConfigLoader.defaults(FILE));
        assertThat(parse("currency:\nsources:\nbands:\n")).isEqualTo(ConfigLoader.defaults(FILE));
    }

    @Test
    void yamlCoreSchemaScalarsAreUnderstood() {
        WorkspaceConfig c = parse("""
                as_of: ~
                currency: null
                economics: { gross_margin: .75, annual_discount_rate: 1e-1, cac_window_months: +6 }
                use_cases: { reporting: { events: [report_*], high_value: True } }
                """);

        assertThat(c.asOf()).isEmpty();
        assertThat(c.currency()).isEqualTo("USD");
        assertThat(c.economics()).isEqualTo(new Economics(0.75, 0.1, 6));
        assertThat(c.useCases().get("reporting").highValue()).isTrue();
    }

    @Test
    void sourceWithOnlyAPathHasTheDefaultOfEveryOtherKey() {
        SourceConfig s = parse("sources:\n  accounts: { path: data/accounts.csv }\n").sources().get(CanonicalTable.ACCOUNTS);

        assertThat(s.table()).isEqualTo(CanonicalTable.ACCOUNTS);
        assertThat(s.path()).isEqualTo("data/accounts.csv");
        assertThat(s.format()).isEmpty();
        assertThat(s.delimiter()).isEmpty();
        assertThat(s.columns()).isEmpty();
        assertThat(s.values()).isEmpty();
        assertThat(s.defaults()).isEmpty();
        assertThat(s.nullValues()).containsExactly("");
        assertThat(s.listSeparator()).isEqualTo(";");
        assertThat(s.dateFormat()).isEmpty();
        assertThat(s.attributes()).isEmpty();
        assertThat(s.sourceColumn("industry")).isEqualTo("industry");
    }

    @Test
    void attributeWithoutColumnOrTypeIsACategoryReadFromTheColumnOfItsName() {
        AttributeConfig a = parse("sources:\n  accounts:\n    path: a.csv\n    attributes: { segment: {} }\n")
                .accountAttributes().get("segment");

        assertThat(a).isEqualTo(new AttributeConfig("segment", "segment", AttributeType.CATEGORY));
    }

    @Test
    void partlyWrittenSectionsKeepTheDefaultsOfTheirOtherKeys() {
        WorkspaceConfig c = parse("""
                economics: { gross_margin: 0.7 }
                bands: { employees: [5, 10] }
                models: { fit: { attributes: [industry] } }
                use_cases: { reporting: { events: report_* } }
                """);

        assertThat(c.economics()).isEqualTo(new Economics(0.7, 0.10, 3));
        assertThat(c.bands()).isEqualTo(new Bands(List.of(5.0, 10.0), Bands.DEFAULT.annualRevenue()));
        assertThat(c.models().get("fit").attributes()).containsExactly("industry");
        assertThat(c.models()).containsOnlyKeys("fit", "conversion", "health");
        assertThat(c.useCases().get("reporting")).isEqualTo(new UseCase("reporting", List.of("report_*"), false));
    }

    @Test
    void designMdExampleLoadsWithEveryValue() {
        WorkspaceConfig c = parse("""
                as_of: 2026-06-30                 # optional; default = latest date in the data
                currency: USD
                sources:
                  accounts:
                    path: data/accounts.csv       # .csv .tsv .jsonl .parquet; a glob reads many files
                    delimiter: ","                # csv only; default auto
                    columns:                      # canonical name: source column (identity where omitted)
                      account_id: account
                      industry: sector
                      country: office_location
                    values:                       # per canonical column: source value -> canonical value
                      industry: { technolgy: Technology }
                    defaults: { acquisition_channel: unknown }
                    null_values: ["", "NA", "Select"]
                    list_separator: ";"           # for list columns such as tech_stack
                    date_format: "yyyy-MM-dd"     # optional; ISO-8601 is always accepted
                    attributes:                   # custom columns kept as candidate indicators
                      contract: { column: Contract, type: category }     # category | number | boolean | list
                  opportunities:
                    path: data/deals.csv
                    columns: { account_id: account, stage: deal_stage, created_at: engage_date,
                               closed_at: close_date, amount: close_value }
                    values: { stage: { Won: won, Lost: lost, Engaging: open, Prospecting: open } }
                    defaults: { type: new_business }
                use_cases:                        # event name (glob) -> use case
                  reporting:  { events: ["report_*"], high_value: false }
                  automation: { events: ["workflow_*", "api_call"], high_value: true }
                bands:
                  employees: [10, 50, 200, 1000, 5000]           # -> "1-10", "11-50", ..., "5001+"
                  annual_revenue: [1000000, 10000000, 100000000]
                tech_stack_flags: [salesforce, hubspot, snowflake]  # become boolean indicators has_<name>
                economics:
                  gross_margin: 0.80
                  annual_discount_rate: 0.10
                  cac_window_months: 3
                ideal: "retained_12m and nrr_12m >= 1.0 and ltv_cac >= 3"   # the "ideal customer" outcome
                models:
                  fit:        { attributes: [industry, employees, annual_revenue, country, tech_stack] }
                  conversion: { attributes: [industry, employees, annual_revenue, country, acquisition_channel] }
                  health:     { attributes: [active_days_per_week, usage_trend, high_value_use_cases, nps, tickets_per_month] }
                tiers: { A: 0.10, B: 0.25, C: 0.35, D: 0.30 }    # shares of the training population, best first
                scorecards:                       # hand-written scoring tables, evaluated like learned ones
                  - name: workshop-2026
                    criteria:
                      - name: Industry
                        bands:
                          - { when: "industry in ('Fintech', 'SaaS')", points: 30 }
                          - { when: "industry = 'Healthcare'", points: 15 }
                          - { else: 0 }
                """);

        assertThat(c.asOf()).contains(LocalDate.of(2026, 6, 30));
        SourceConfig acc = c.sources().get(CanonicalTable.ACCOUNTS);
        assertThat(acc.delimiter()).contains(",");
        assertThat(acc.columns()).containsOnly(Map.entry("account_id", "account"), Map.entry("industry", "sector"),
                Map.entry("country", "office_location"));
        assertThat(acc.values()).containsOnly(Map.entry("industry", Map.of("technolgy", "Technology")));
        assertThat(acc.defaults()).containsOnly(Map.entry("acquisition_channel", "unknown"));
        assertThat(acc.nullValues()).containsExactly("", "NA", "Select");
        assertThat(acc.listSeparator()).isEqualTo(";");
        assertThat(acc.dateFormat()).contains("yyyy-MM-dd");
        assertThat(acc.attributes()).containsOnly(
                Map.entry("contract", new AttributeConfig("contract", "Contract", AttributeType.CATEGORY)));
        SourceConfig opp = c.sources().get(CanonicalTable.OPPORTUNITIES);
        assertThat(opp.sourceColumn("closed_at")).isEqualTo("close_date");
        assertThat(opp.values().get("stage")).containsOnly(Map.entry("Won", "won"), Map.entry("Lost", "lost"),
                Map.entry("Engaging", "open"), Map.entry("Prospecting", "open"));
        assertThat(c.sources().keySet()).containsExactly(CanonicalTable.ACCOUNTS, CanonicalTable.OPPORTUNITIES);
        assertThat(c.useCases().values()).containsExactly(new UseCase("reporting", List.of("report_*"), false),
                new UseCase("automation", List.of("workflow_*", "api_call"), true));
        assertThat(c.techStackFlags()).containsExactly("salesforce", "hubspot", "snowflake");
        assertThat(c.scorecards()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("workshop-2026");
            assertThat(s.criteria()).singleElement().satisfies(cr -> {
                assertThat(cr.name()).isEqualTo("Industry");
                assertThat(cr.bands()).extracting(ScorecardConfig.Band::points).containsExactly(30.0, 15.0, 0.0);
                assertThat(cr.bands().get(0).when().text()).isEqualTo("industry in ('Fintech', 'SaaS')");
                assertThat(cr.bands().get(0).when().where()).isEqualTo("icp.yaml:47:21: scorecards[0].criteria[0].bands[0].when: ");
                assertThat(cr.bands().get(2).isElse()).isTrue();
            });
        });
    }

    @Test
    void sourcesAreKeptInLoadOrderWithAccountsFirst() {
        WorkspaceConfig c = parse("""
                sources:
                  usage_events: { path: u.csv }
                  research_notes: { path: r.csv }
                  accounts: { path: a.csv }
                """);

        assertThat(c.sources().keySet()).containsExactly(CanonicalTable.ACCOUNTS, CanonicalTable.USAGE_EVENTS,
                CanonicalTable.RESEARCH_NOTES);
    }

    @Test
    void valuesAndFormatsAreNormalised() {
        WorkspaceConfig c = parse("""
                tech_stack_flags: [Salesforce, hub_spot]
                sources:
                  accounts: { path: data/accounts.export, format: JSONL, delimiter: tab, null_values: NA }
                  usage_events: { path: data/usage.txt, delimiter: "\\t" }
                  spend: { path: s.csv, attributes: { region: { type: LIST } } }
                """);

        assertThat(c.techStackFlags()).containsExactly("salesforce", "hub_spot");
        SourceConfig acc = c.sources().get(CanonicalTable.ACCOUNTS);
        assertThat(acc.format()).contains(SourceFormat.JSONL);
        assertThat(acc.delimiter()).contains("\t");
        assertThat(acc.nullValues()).containsExactly("NA");
        assertThat(c.sources().get(CanonicalTable.USAGE_EVENTS).delimiter()).contains("\t");
        assertThat(c.sources().get(CanonicalTable.SPEND).attributes().get("region").type()).isEqualTo(AttributeType.LIST);
    }

    @Test
    void modelsMayUseCustomAttributesAndTechStackFlags() {
        WorkspaceConfig c = parse("""
                tech_stack_flags: [snowflake]
                sources:
                  accounts: { path: a.csv, attributes: { contract: { column: Contract } } }
                models:
                  fit: { attributes: [contract, has_snowflake, employees_band] }
                """);

        assertThat(c.models().get("fit").attributes()).containsExactly("contract", "has_snowflake", "employees_band");
    }

    @Test
    void valuesMayMapToNullAndDefaultsMayFillAttributes() {
        SourceConfig s = parse("""
                sources:
                  accounts:
                    path: a.csv
                    attributes: { plan: { column: Plan } }
                    values: { industry: { "-": null }, plan: { Ent: enterprise } }
                    defaults: { plan: free }
                """).sources().get(CanonicalTable.ACCOUNTS);

        assertThat(s.values().get("industry")).containsEntry("-", null);
        assertThat(s.values().get("plan")).containsEntry("Ent", "enterprise");
        assertThat(s.defaults()).containsEntry("plan", "free");
    }

    // --- errors name the file, line and key, and say what was expected -----------------------------------

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                // unknown keys, at every level
                bad("currncy: USD\n", 1, "currncy", "unknown key 'currncy'; expected one of " + keys(ConfigLoader.TOP_KEYS)
                        + " (did you mean 'currency'?)"),
                bad("sources:\n  acounts: { path: a.csv }\n", 2, "sources.acounts",
                        "unknown key 'acounts'; expected one of " + keys(CanonicalTable.names()) + " (did you mean 'accounts'?)"),
                bad("sources:\n  accounts:\n    path: a.csv\n    delimeter: ';'\n", 4, "sources.accounts.delimeter",
                        "unknown key 'delimeter'; expected one of " + keys(ConfigLoader.SOURCE_KEYS) + " (did you mean 'delimiter'?)"),
                bad("sources:\n  accounts:\n    path: a.csv\n    attributes:\n      plan: { column: Plan, kind: category }\n",
                        5, "sources.accounts.attributes.plan.kind", "unknown key 'kind'; expected one of " + keys(ConfigLoader.ATTRIBUTE_KEYS)),
                bad("use_cases:\n  reporting: { events: [a], highvalue: true }\n", 2, "use_cases.reporting.highvalue",
                        "unknown key 'highvalue'; expected one of " + keys(ConfigLoader.USE_CASE_KEYS) + " (did you mean 'high_value'?)"),
                bad("bands:\n  employee: [10]\n", 2, "bands.employee", "(did you mean 'employees'?)"),
                bad("economics:\n  margin: 0.5\n", 2, "economics.margin",
                        "unknown key 'margin'; expected one of " + keys(ConfigLoader.ECONOMICS_KEYS)),
                bad("models:\n  fit: { attrs: [industry] }\n", 2, "models.fit.attrs", "unknown key 'attrs'; expected one of " + keys(ConfigLoader.MODEL_KEYS)),
                bad("scorecards:\n  - name: x\n    title: X\n", 3, "scorecards[0].title",
                        "unknown key 'title'; expected one of " + keys(ConfigLoader.SCORECARD_KEYS)),
                bad("scorecards:\n  - name: x\n    criteria:\n      - { name: c, band: [] }\n", 4,
                        "scorecards[0].criteria[0].band", "unknown key 'band'; expected one of " + keys(ConfigLoader.CRITERION_KEYS) + " (did you mean 'bands'?)"),
                bad("scorecards:\n  - name: x\n    criteria:\n      - name: c\n        bands:\n          - { if: x, points: 1 }\n",
                        6, "scorecards[0].criteria[0].bands[0].if", "unknown key 'if'; expected one of " + keys(ConfigLoader.BAND_ENTRY_KEYS)),
                bad("currency: USD\ncurrency: EUR\n", 2, "currency", "duplicate key 'currency'"),
                // wrong types and values
                bad("currency: 12\n", 1, "currency", "expected a three-letter ISO currency code such as USD, got '12'"),
                bad("currency: [USD]\n", 1, "currency", "expected a single value, got a list"),
                bad("as_of: yesterday\n", 1, "as_of", "expected a date as yyyy-mm-dd, got 'yesterday'"),
                bad("as_of: 2026-02-30\n", 1, "as_of", "expected a date as yyyy-mm-dd, got '2026-02-30'"),
                bad("sources: [accounts]\n", 1, "sources", "expected a mapping (key: value lines), got a list"),
                bad("sources:\n  accounts: data/accounts.csv\n", 2, "sources.accounts",
                        "expected a mapping (key: value lines), got 'data/accounts.csv'"),
                bad("sources:\n  accounts:\n    format: csv\n", 3, "sources.accounts", "a source needs 'path: file or glob'"),
                bad("sources:\n  accounts: { path: [a.csv, b.csv] }\n", 2, "sources.accounts.path",
                        "expected a single value, got a list"),
                bad("sources:\n  accounts: { path: a.csv, format: xml }\n", 2, "sources.accounts.format",
                        "expected one of csv, tsv, jsonl, parquet, got 'xml'"),
                bad("sources:\n  accounts: { path: data/accounts.xlsx }\n", 2, "sources.accounts.path",
                        "cannot tell the format of 'data/accounts.xlsx' from its extension (.csv .tsv .jsonl .parquet); "
                                + "add 'format: csv|tsv|jsonl|parquet'"),
                bad("sources:\n  accounts: { path: a.csv, delimiter: ';;' }\n", 2, "sources.accounts.delimiter",
                        "expected a single character such as \",\" \";\" \"|\" or \"\\t\", got ';;'"),
                bad("sources:\n  accounts:\n    path: a.csv\n    columns: [account_id]\n", 4, "sources.accounts.columns",
                        "expected a mapping (key: value lines), got a list"),
                bad("sources:\n  accounts:\n    path: a.csv\n    columns: { account_id: \"\" }\n", 4,
                        "sources.accounts.columns.account_id", "expected a non-empty value"),
                bad("sources:\n  accounts:\n    path: a.csv\n    values: { industry: [a, b] }\n", 4,
                        "sources.accounts.values.industry", "expected a mapping (key: value lines), got a list"),
                bad("sources:\n  accounts:\n    path: a.csv\n    defaults: { country: [US, DE] }\n", 4,
                        "sources.accounts.defaults.country", "expected a single value, got a list"),
                bad("sources:\n  accounts:\n    path: a.csv\n    null_values: { NA: true }\n", 4, "sources.accounts.null_values",
                        "expected a list ([a, b] or '- item' lines), got a mapping"),
                bad("sources:\n  accounts:\n    path: a.csv\n    list_separator: \"\"\n", 4, "sources.accounts.list_separator",
                        "expected a non-empty separator such as \";\" or \"|\""),
                bad("sources:\n  accounts:\n    path: a.csv\n    date_format: yyyy-QQ\n", 4, "sources.accounts.date_format",
                        "unsupported date pattern letters 'QQ' in 'yyyy-QQ'"),
                bad("sources:\n  accounts:\n    path: a.csv\n    attributes: { Plan: {} }\n", 4, "sources.accounts.attributes.Plan",
                        "attribute name must be lower case letters, digits and '_', starting with a letter, got 'Plan'"),
                bad("sources:\n  accounts:\n    path: a.csv\n    attributes: { industry: { column: Sector } }\n", 4,
                        "sources.accounts.attributes.industry",
                        "'industry' is a canonical column of accounts; map it under 'columns:' instead"),
                bad("sources:\n  accounts:\n    path: a.csv\n    attributes:\n      plan: { type: text }\n", 5,
                        "sources.accounts.attributes.plan.type", "expected one of category, number, boolean, list, got 'text'"),
                bad("use_cases:\n  reporting: { high_value: true }\n", 2, "use_cases.reporting",
                        "a use case needs 'events: [event names or globs]'"),
                bad("use_cases:\n  reporting: { events: [] }\n", 2, "use_cases.reporting.events",
                        "expected at least one event name or glob"),
                bad("use_cases:\n  reporting: { events: [a], high_value: \"yes\" }\n", 2, "use_cases.reporting.high_value",
                        "expected true or false, got 'yes'"),
                bad("use_cases:\n  Reporting: { events: [a] }\n", 2, "use_cases.Reporting",
                        "use case name must be lower case letters, digits and '_', starting with a letter, got 'Reporting'"),
                bad("bands:\n  employees: [50, 10]\n", 2, "bands.employees[1]", "band bounds must increase, got 10 after 50"),
                bad("bands:\n  employees: []\n", 2, "bands.employees", "expected at least one band bound"),
                bad("bands:\n  annual_revenue: [1e6, lots]\n", 2, "bands.annual_revenue[1]", "expected a number, got 'lots'"),
                bad("bands:\n  employees: [-1, 10]\n", 2, "bands.employees[0]", "expected a number >= 0, got -1"),
                bad("tech_stack_flags: [\"Sales Force\"]\n", 1, "tech_stack_flags[0]",
                        "expected a technology name of letters, digits and '_' (it becomes has_sales force), got 'Sales Force'"),
                bad("tech_stack_flags: [hubspot, HubSpot]\n", 1, "tech_stack_flags[1]", "'hubspot' is listed twice"),
                bad("tech_stack_flags: hubspot\n", 1, "tech_stack_flags", "expected a list ([a, b] or '- item' lines), got 'hubspot'"),
                bad("economics:\n  gross_margin: 1.5\n", 2, "economics.gross_margin", "expected a number between 0 and 1, got 1.5"),
                bad("economics:\n  gross_margin: \"0.8\"\n", 2, "economics.gross_margin", "expected a number, got '0.8'"),
                bad("economics:\n  cac_window_months: 2.5\n", 2, "economics.cac_window_months", "expected a whole number, got 2.5"),
                bad("economics:\n  cac_window_months: 0\n", 2, "economics.cac_window_months",
                        "expected a whole number between 1 and 36, got 0"),
                bad("economics: 0.8\n", 1, "economics", "expected a mapping (key: value lines), got '0.8'"),
                bad("ideal: \"  \"\n", 1, "ideal", "expected a non-empty value"),
                bad("ideal: [a, b]\n", 1, "ideal", "expected a single value, got a list"),
                bad("models:\n  fit: { attributes: [industy] }\n", 2, "models.fit.attributes[0]",
                        "unknown column 'industy' (did you mean 'industry'?); known: account_id, name, domain, industry"),
                bad("models:\n  fit: { attributes: [contract] }\n", 2, "models.fit.attributes[0]", "unknown column 'contract'"),
                bad("models:\n  fit: {}\n", 2, "models.fit", "a model needs 'attributes: [columns]'"),
                bad("models:\n  fit: { attributes: [] }\n", 2, "models.fit.attributes", "expected at least one attribute"),
                bad("models:\n  Fit: { attributes: [industry] }\n", 2, "models.Fit", "model name must be lower case"),
                bad("tiers: { A: 0.5, B: 0.6 }\n", 1, "tiers", "tier shares must add up to 1, they add up to 1.1"),
                bad("tiers: { A: 1.0 }\n", 1, "tiers", "expected at least two tiers, e.g. { A: 0.10, B: 0.25, C: 0.35, D: 0.30 }"),
                bad("tiers: { A: 0, B: 1 }\n", 1, "tiers.A", "a tier's share must be > 0"),
                bad("tiers: { A: most, B: 1 }\n", 1, "tiers.A", "expected a number, got 'most'"),
                bad("scorecards: { name: x }\n", 1, "scorecards", "expected a list ([a, b] or '- item' lines), got a mapping"),
                bad("scorecards:\n  - criteria: []\n", 2, "scorecards[0]", "a scorecard needs 'name:'"),
                bad("scorecards:\n  - name: x\n", 2, "scorecards[0]", "a scorecard needs 'criteria:'"),
                bad("scorecards:\n  - name: my card\n    criteria: []\n", 2, "scorecards[0].name",
                        "a scorecard name may use letters, digits, '_', '-' and '.', got 'my card'"),
                bad("scorecards:\n  - name: fit\n    criteria: [{ name: c, bands: [{ else: 1 }] }]\n", 2, "scorecards[0]",
                        "'fit' is the name of a learned model; choose another name"),
                bad("scorecards:\n  - { name: x, criteria: [{ name: c, bands: [{ else: 1 }] }] }\n"
                        + "  - { name: x, criteria: [{ name: c, bands: [{ else: 1 }] }] }\n", 3, "scorecards[1]",
                        "a scorecard named 'x' is already defined"),
                bad("scorecards:\n  - name: x\n    criteria: []\n", 3, "scorecards[0].criteria", "expected at least one criterion"),
                bad("scorecards:\n  - name: x\n    criteria:\n      - bands: [{ else: 1 }]\n", 4, "scorecards[0].criteria[0]",
                        "a criterion needs 'name:'"),
                bad("scorecards:\n  - name: x\n    criteria:\n      - name: c\n", 4, "scorecards[0].criteria[0]",
                        "a criterion needs 'bands:'"),
                bad("scorecards:\n  - name: x\n    criteria:\n      - { name: c, bands: [] }\n", 4,
                        "scorecards[0].criteria[0].bands", "expected at least one band"),
                bad("scorecards:\n  - name: x\n    criteria:\n      - name: c\n        bands:\n          - { points: 1 }\n", 6,
                        "scorecards[0].criteria[0].bands[0]", "a band needs exactly one of 'when: condition' or 'else: points'"),
                bad("scorecards:\n  - name: x\n    criteria:\n      - name: c\n        bands:\n          - { when: a, else: 1 }\n", 6,
                        "scorecards[0].criteria[0].bands[0]", "a band needs exactly one of 'when: condition' or 'else: points'"),
                bad("scorecards:\n  - name: x\n    criteria:\n      - name: c\n        bands:\n          - { else: 0 }\n"
                        + "          - { when: a, points: 1 }\n", 6, "scorecards[0].criteria[0].bands[0]",
                        "the else band must be the last band"),
                bad("scorecards:\n  - name: x\n    criteria:\n      - name: c\n        bands:\n          - { else: 0, points: 1 }\n",
                        6, "scorecards[0].criteria[0].bands[0]", "an else band gives its points as 'else: points'"),
                bad("scorecards:\n  - name: x\n    criteria:\n      - name: c\n        bands:\n          - { when: a }\n", 6,
                        "scorecards[0].criteria[0].bands[0]", "a band needs 'points:'"),
                bad("scorecards:\n  - name: x\n    criteria:\n      - name: c\n        bands:\n          - { when: a, points: ten }\n",
                        6, "scorecards[0].criteria[0].bands[0].points", "expected a number, got 'ten'"));
    }

    private static String keys(java.util.Collection<String> keys) {
        return String.join(", ", keys);
    }

    private static Arguments bad(String yaml, int line, String key, String expected) {
        return Arguments.of(yaml, line, key, expected);
    }

    @ParameterizedTest(name = "[{index}] {2}: {3}")
    @MethodSource("badConfigs")
    void badConfigurationIsAnErrorNamingFileLineAndKey(String yaml, int line, String key, String expected) {
        String message = error(yaml);

        assertThat(message).matches("icp\\.yaml:" + line + ":\\d+: .*")
                .contains(": " + key + ": ")
                .contains(expected);
    }

    @Test
    void unknownCanonicalColumnsAreErrorsListingTheKnownOnes() {
        assertThat(error("sources:\n  accounts:\n    path: a.csv\n    columns: { acount_id: account }\n")).isEqualTo(
                "icp.yaml:4:27: sources.accounts.columns.acount_id: 'acount_id' is not a column of accounts "
                        + "(did you mean 'account_id'?); canonical columns: account_id, name, domain, industry, employees, "
                        + "annual_revenue, country, region, tech_stack, created_at, acquisition_channel");
        assertThat(error("sources:\n  opportunities:\n    path: o.csv\n    values: { satge: { Won: won } }\n"))
                .startsWith("icp.yaml:4:22: sources.opportunities.values.satge: 'satge' is not a column of opportunities "
                        + "(did you mean 'stage'?)");
        assertThat(error("sources:\n  spend:\n    path: s.csv\n    defaults: { channel_name: ads }\n"))
                .startsWith("icp.yaml:4:31: sources.spend.defaults.channel_name: 'channel_name' is not a column of spend");
        // an attribute of another table is not a column of this one
        assertThat(error("sources:\n  accounts: { path: a.csv, attributes: { plan: {} } }\n"
                + "  spend: { path: s.csv, defaults: { plan: x } }\n"))
                .startsWith("icp.yaml:3:43: sources.spend.defaults.plan: 'plan' is not a column of spend");
    }

    @Test
    void invalidYamlIsAnErrorWithItsPosition() {
        assertThat(error("sources: [unclosed\n")).startsWith("icp.yaml:2:1: not valid YAML: ");
        assertThat(error("currency: USD\n\tbands: x\n")).startsWith("icp.yaml:").contains("not valid YAML");
        assertThat(error("- a\n- b\n")).isEqualTo("icp.yaml:1:1: expected a mapping (key: value lines), got a list");
    }

    @Test
    void fileThatIsNotUtf8IsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("icp.yaml");
        Files.write(file, new byte[] {'c', 'u', 'r', 'r', 'e', 'n', 'c', 'y', ':', ' ', (byte) 0xA4, '\n'});

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

        assertThat(e).hasMessage("icp.yaml: not valid UTF-8 text");
    }

    @Test
    void utf8ByteOrderMarkIsIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("icp.yaml");
        Files.write(file, ("\uFEFFcurrency: EUR\n").getBytes(StandardCharsets.UTF_8));

        assertThat(ConfigLoader.load(file).currency()).isEqualTo("EUR");
    }

    @Test
    void workspaceWithoutIcpYamlIsAnErrorSayingWhatToDo(@TempDir Path dir) {
        InputException e = catchThrowableOfType(InputException.class, () -> Workspace.open(dir));

        assertThat(e).isInstanceOf(ConfigException.class)
                .hasMessage("no icp.yaml in " + dir.toAbsolutePath().normalize() + "; run 'icp init' there, or pass --workspace DIR");
    }

    @Test
    void missingFileIsAnErrorNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("other.yaml");

        assertThat(catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file)))
                .hasMessage(file + ": file not found");
    }

    @Test
    void workspaceOpensWithItsConfigAndLayout(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("icp.yaml"), "currency: EUR\nsources:\n  accounts: { path: data/a.csv }\n");

        Workspace ws = Workspace.open(dir);

        assertThat(ws.config().currency()).isEqualTo("EUR");
        assertThat(ws.config().workspaceDir()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(ws.storeFile()).isEqualTo(ws.dir().resolve(".icp/icp.duckdb"));
        assertThat(ws.rejectedDir()).isEqualTo(ws.dir().resolve("out/rejected"));
        assertThat(ws.resolve("data/a.csv")).isEqualTo(ws.dir().resolve("data/a.csv"));
        assertThat(ws.resolve("/abs/a.csv")).isEqualTo(Path.of("/abs/a.csv"));
        assertThat(ws.hasStore()).isFalse();
        assertThat(ws.config().source(CanonicalTable.SPEND)).isEqualTo(Optional.empty());
    }
}
