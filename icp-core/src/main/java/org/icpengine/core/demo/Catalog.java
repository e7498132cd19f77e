package org.icpengine.core.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The fixed vocabulary of the demo world: industries, countries and regions, technologies,
 * acquisition channels, products, usage events and use cases, ticket priorities, pain points and
 * text templates, with the weights and effects the generator draws from.
 *
 * <p>Everything here is a constant; {@link ConfigWriter} builds the {@code icp.yaml} mappings from
 * the same tables, so the written data and its configuration cannot drift apart.
 */
final class Catalog {

    private Catalog() {
    }

    // ---------------------------------------------------------------- industries

    /** Canonical industry names. */
    static final String[] INDUSTRIES = {
        "Fintech", "SaaS", "Healthcare", "Retail", "Manufacturing",
        "Logistics", "Education", "Media", "Energy", "Public Sector",
    };
    static final int FINTECH = 0;
    static final int SAAS = 1;
    static final int RETAIL = 3;
    static final int MEDIA = 7;
    /** Share of accounts per industry. */
    static final double[] INDUSTRY_WEIGHT = {0.13, 0.15, 0.11, 0.10, 0.11, 0.08, 0.08, 0.08, 0.07, 0.09};
    /** Annual revenue per employee (USD). */
    static final double[] REVENUE_PER_EMPLOYEE = {260e3, 210e3, 160e3, 230e3, 190e3, 170e3, 90e3, 150e3, 400e3, 110e3};
    /** Base probability of using Snowflake, before the company-size factor. */
    static final double[] SNOWFLAKE_BASE = {0.36, 0.40, 0.20, 0.24, 0.12, 0.18, 0.08, 0.25, 0.14, 0.07};
    /** Effect of the industry on the latent fit (beyond the planted profile). */
    static final double[] INDUSTRY_EFFECT = {-0.05, -0.05, 0.35, -0.35, -0.10, 0.20, -0.55, -0.25, 0.05, -0.60};
    /**
     * Legacy CRM spellings written for a share of an industry's accounts; {@code icp.yaml} maps
     * them back through {@code values:}. Index-aligned with {@link #INDUSTRIES}; null = none.
     */
    static final String[] INDUSTRY_LEGACY = {
        "FinTech", "Software (SaaS)", "Health Care", null, null, null, null, null, null, "Government",
    };
    static final double[] INDUSTRY_LEGACY_SHARE = {0.15, 0.10, 0.10, 0, 0, 0, 0, 0, 0, 0.20};

    // ---------------------------------------------------------------- company size

    /** Upper bounds of the default employee bands (DESIGN.md): 1-10, 11-50, 51-200, 201-1000, 1001-5000, 5001+. */
    static final int[] EMPLOYEE_BOUNDS = {10, 50, 200, 1000, 5000};
    static final String[] EMPLOYEE_BANDS = {"1-10", "11-50", "51-200", "201-1000", "1001-5000", "5001+"};
    /** Effect of the employee band on the latent fit. */
    static final double[] BAND_EFFECT = {-1.50, -0.80, 0.00, 0.00, -0.30, -0.60};
    /** Multiplier of the sales cycle per band. */
    static final double[] BAND_CYCLE = {0.6, 0.8, 1.0, 1.35, 1.8, 2.3};
    /** Multiplier of the Snowflake probability per band. */
    static final double[] BAND_SNOWFLAKE = {0.4, 0.8, 1.0, 1.3, 1.5, 1.5};

    /** The band index (0..5) of an employee count. */
    static int band(int employees) {
        for (int i = 0; i < EMPLOYEE_BOUNDS.length; i++) {
            if (employees <= EMPLOYEE_BOUNDS[i]) {
                return i;
            }
        }
        return EMPLOYEE_BOUNDS.length;
    }

    // ---------------------------------------------------------------- geography

    static final String[] REGIONS = {"NA", "EMEA", "APAC", "LATAM"};
    /** Effect of the region on the latent fit. */
    static final double[] REGION_EFFECT = {0.10, 0.10, -0.15, -0.30};
    /** UTC offset (hours) used for the business hours of usage, per region. */
    static final int[] REGION_UTC_OFFSET = {-5, 1, 8, -3};

    /** A country with its region, share of accounts, web domain suffix and legal-form suffixes. */
    record Country(String name, int region, double weight, String tld, List<String> legalForms,
                   List<String> localStems) {
    }

    static final List<Country> COUNTRIES = List.of(
            new Country("United States", 0, 0.36, "com", List.of("Inc.", "LLC", "Corp.", ", Inc."), List.of()),
            new Country("Canada", 0, 0.05, "ca", List.of("Inc.", "Ltd."), List.of("Laurentide", "Maple Grove")),
            new Country("United Kingdom", 1, 0.09, "co.uk", List.of("Ltd", "plc"), List.of("Thames", "Pennine")),
            new Country("Germany", 1, 0.08, "de", List.of("GmbH", "AG"), List.of("Müller", "Schäfer", "Köhler", "Rheinblick")),
            new Country("France", 1, 0.05, "fr", List.of("SAS", "SA"), List.of("Lumière", "Côté", "Bellevue")),
            new Country("Netherlands", 1, 0.04, "nl", List.of("B.V."), List.of("Zuiderzee", "Grachten")),
            new Country("Sweden", 1, 0.03, "se", List.of("AB"), List.of("Nordström", "Ålund", "Björk")),
            new Country("Spain", 1, 0.03, "es", List.of("S.L."), List.of("Peñalara", "Iberia")),
            new Country("Israel", 1, 0.02, "co.il", List.of("Ltd"), List.of("Carmel")),
            new Country("Poland", 1, 0.02, "pl", List.of("sp. z o.o."), List.of("Łódka", "Wisła")),
            new Country("Australia", 2, 0.04, "com.au", List.of("Pty Ltd"), List.of("Southern Cross", "Coral")),
            new Country("Japan", 2, 0.03, "jp", List.of("K.K."), List.of("Sakura", "Fujimi")),
            new Country("Singapore", 2, 0.03, "sg", List.of("Pte. Ltd."), List.of("Merlion")),
            new Country("India", 2, 0.04, "in", List.of("Pvt. Ltd."), List.of("Ganga", "Deccan")),
            new Country("Brazil", 3, 0.04, "com.br", List.of("Ltda."), List.of("São Bento", "Ipanema")),
            new Country("Mexico", 3, 0.03, "mx", List.of("S.A. de C.V."), List.of("Azteca", "Sierra Madre")),
            new Country("Colombia", 3, 0.02, "co", List.of("S.A.S."), List.of("Andina")));

    /** General company-name stems, combined with {@link #NAME_ENDINGS}. */
    static final String[] NAME_STEMS = {
        "Acme", "Blue", "North", "Bright", "Vertex", "Quantum", "Silver", "Cedar", "Harbor", "Summit",
        "Nimbus", "Pioneer", "Atlas", "Beacon", "Crest", "Delta", "Ember", "Falcon", "Granite", "Horizon",
        "Iris", "Juniper", "Kestrel", "Lumen", "Meridian", "Nova", "Orbit", "Prism", "Quill", "Ridge",
        "Sable", "Tidal", "Umbra", "Vantage", "Willow", "Xenon", "Yonder", "Zephyr", "Aurora", "Basalt",
        "Cobalt", "Drift", "Evergreen", "Fjord", "Gale", "Helix", "Indigo", "Jade", "Keystone", "Lattice",
    };
    static final String[] NAME_ENDINGS = {
        "", "ly", "io", "Labs", "Systems", "Works", "Analytics", "Cloud", "Data", "Group", "Tech", "Health",
        "Logistics", "Pay", "Hub", "Point", "Line", "Soft", "Bridge", "Stack",
    };

    // ---------------------------------------------------------------- technologies

    /** Technology names as written in {@code tech_stack} (lower case). */
    static final String[] TECH = {
        "salesforce", "hubspot", "snowflake", "slack", "jira", "aws", "gcp", "azure",
        "segment", "zendesk", "intercom", "looker", "dbt", "tableau",
    };
    static final int T_SALESFORCE = 0;
    static final int T_HUBSPOT = 1;
    static final int T_SNOWFLAKE = 2;
    static final int T_SLACK = 3;
    static final int T_JIRA = 4;
    static final int T_AWS = 5;
    static final int T_GCP = 6;
    static final int T_AZURE = 7;
    static final int T_SEGMENT = 8;
    static final int T_ZENDESK = 9;
    static final int T_INTERCOM = 10;
    static final int T_LOOKER = 11;
    static final int T_DBT = 12;
    static final int T_TABLEAU = 13;
    /** Effect of each technology on the latent fit (Snowflake's planted effect is separate). */
    static final double[] TECH_EFFECT = {0.10, -0.15, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.25, -0.10, 0.0, 0.05, 0.10, 0.0};

    // ---------------------------------------------------------------- channels and spend

    /** Canonical acquisition channels (also the marketing spend channels). */
    static final String[] CHANNELS = {"paid_search", "events", "outbound", "partner", "organic", "referral"};
    /** The CRM picklist labels of {@link #CHANNELS}, mapped back through {@code values:}. */
    static final String[] CHANNEL_LABELS = {"Paid Search", "Events", "Outbound", "Partner", "Organic", "Referral"};
    static final double[] CHANNEL_WEIGHT = {0.26, 0.12, 0.22, 0.12, 0.16, 0.10};
    /** Channels whose customers are cheap to acquire; the better an account fits, the likelier these are. */
    static final boolean[] CHANNEL_CHEAP = {false, false, false, true, true, true};
    /** Target marketing cost per acquired customer (USD) per channel; spend is budgeted to match. */
    static final double[] CHANNEL_CAC = {9000, 12000, 7500, 4000, 1500, 1000};
    /** The sales spend channel ({@code kind = sales}) and its cost per acquired customer. */
    static final String SALES_CHANNEL = "sales_team";
    static final double SALES_CAC = 6000;

    // ---------------------------------------------------------------- products

    /** Base plans by list price; an upgrade or downgrade may move an account between them. */
    static final String[] PLANS = {"Platform Starter", "Platform Growth", "Platform Enterprise"};
    /** Add-on products ({@code is_addon = true}). */
    static final String[] ADDONS = {"Automation Pack", "API Access", "Advanced Analytics", "Premium Support", "Extra Seats"};

    /** The plan index for a base MRR in cents. */
    static int plan(long mrrCents) {
        return mrrCents < 80_000 ? 0 : mrrCents < 250_000 ? 1 : 2;
    }

    // ---------------------------------------------------------------- usage

    /** Use cases: name, event globs for {@code icp.yaml}, high value, and their events. */
    record UseCase(String name, List<String> globs, boolean highValue, int[] events, double[] eventWeights) {
    }

    /** Usage event names, indexed by the {@code events} arrays of {@link #USE_CASES}. */
    static final String[] EVENTS = {
        "report_view", "report_export", "dashboard_view", "dashboard_share", "workflow_run", "workflow_create",
        "api_call", "integration_sync", "alert_trigger", "alert_create", "comment_add", "mention_user",
        "user_invite", "settings_update",
    };
    static final int E_API_CALL = 6;
    static final byte[][] EVENT_BYTES = ascii(EVENTS);

    static final List<UseCase> USE_CASES = List.of(
            new UseCase("reporting", List.of("report_*"), false, new int[] {0, 1}, new double[] {0.75, 0.25}),
            new UseCase("dashboards", List.of("dashboard_*"), false, new int[] {2, 3}, new double[] {0.85, 0.15}),
            new UseCase("automation", List.of("workflow_*"), true, new int[] {4, 5}, new double[] {0.85, 0.15}),
            new UseCase("integrations", List.of("api_call", "integration_*"), true, new int[] {6, 7}, new double[] {0.7, 0.3}),
            new UseCase("alerting", List.of("alert_*"), true, new int[] {8, 9}, new double[] {0.7, 0.3}),
            new UseCase("collaboration", List.of("comment_*", "mention_*"), false, new int[] {10, 11}, new double[] {0.7, 0.3}),
            new UseCase("administration", List.of("user_*", "settings_*"), false, new int[] {12, 13}, new double[] {0.4, 0.6}));
    static final int UC_REPORTING = 0;
    static final int UC_DASHBOARDS = 1;
    static final int UC_AUTOMATION = 2;
    static final int UC_INTEGRATIONS = 3;
    static final int UC_ALERTING = 4;
    static final int UC_COLLABORATION = 5;
    static final int UC_ADMIN = 6;
    /** Relative share of events of each use case once adopted. */
    static final double[] USE_CASE_WEIGHT = {1.0, 0.7, 0.6, 0.5, 0.3, 0.35, 0.08};

    /** Activity by day of week, Monday first. */
    static final double[] WEEKDAY_FACTOR = {1.0, 1.0, 1.0, 0.95, 0.85, 0.12, 0.08};

    // ---------------------------------------------------------------- support

    static final String[] PRIORITIES = {"low", "normal", "high", "urgent"};
    static final double[] PRIORITY_WEIGHT = {0.30, 0.50, 0.15, 0.05};
    /** Median effort in minutes per priority. */
    static final double[] PRIORITY_EFFORT = {20, 45, 120, 240};
    /** Median hours to close per priority. */
    static final double[] PRIORITY_HOURS = {40, 24, 8, 4};

    // ---------------------------------------------------------------- research

    static final String[] NOTE_SOURCES = {"interview", "win_loss", "cs"};
    /** Pain-point tags; the first three are over-represented in the planted profile. */
    static final String[] PAIN_POINTS = {
        "data-silos", "manual-reporting", "slow-month-end-close", "pipeline-visibility", "spreadsheet-sprawl",
        "slow-onboarding", "integration-backlog", "forecast-accuracy", "compliance-audits", "churn-visibility",
        "tool-sprawl", "security-review",
    };
    static final int ICP_PAIN_POINTS = 3;
    static final String[] PAIN_PHRASES = {
        "data sits in silos across tools", "reporting is still done by hand", "month-end close takes too long",
        "no view of the pipeline", "spreadsheets everywhere", "onboarding new staff is slow",
        "integration requests pile up", "forecasts are off", "audits eat weeks", "churn comes as a surprise",
        "too many tools", "security reviews stall projects",
    };

    static final String[] PROMOTER_COMMENTS = {
        "Love the dashboards, the team lives in them",
        "Automations save us hours every week",
        "Snowflake sync just works, best part of the product",
        "Great support, fast answers",
        "Replaced three tools for us, \"game changer\" says our CFO",
        "Reports our board actually reads",
        "Easy to roll out, everyone picked it up quickly",
    };
    static final String[] PASSIVE_COMMENTS = {
        "Good product, pricing is a bit high",
        "Does the job, some reports are slow",
        "Solid, but the API docs could be better",
        "Fine overall; onboarding took longer than expected",
        "Useful, would like more integrations",
    };
    static final String[] DETRACTOR_COMMENTS = {
        "Too expensive for what we use",
        "Support was \"slow\" last quarter, tickets sat for days",
        "Hard to set up, we never finished onboarding",
        "Missing the integrations we need",
        "Reports break when our data changes, frustrating",
        "We mostly export to spreadsheets anyway",
    };

    static final String[] FUNDING = {"Bootstrapped", "Seed", "Series A", "Series B", "Series C+", "Private Equity", "Public"};

    private static byte[][] ascii(String[] values) {
        byte[][] out = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    /** Cumulative sums of {@code weights}, for {@link Rng#pickCumulative(double[])}. */
    static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i];
            c[i] = s;
        }
        return c;
    }
}
