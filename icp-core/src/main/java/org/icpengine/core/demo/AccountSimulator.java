package org.icpengine.core.demo;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Simulates one account at a time: firmographics, the deals that may make it a customer, its
 * subscription history (add-ons, upgrades, downgrades, renewals, churn), support tickets, NPS
 * answers, research notes and the plan of its product usage.
 *
 * <p>Every outcome (win probability, churn, expansion, price, channel mix and so CAC, usage, NPS,
 * tickets, culture fit) is driven by one latent fit: the planted profile (see {@link PlantedIcp})
 * adds a large bonus, on top of smaller effects of industry, company size, technology and region
 * that have nothing to do with the profile, plus per-account noise. So the profile is a clear
 * winner, while other firmographics still carry some signal for a scoring model.
 *
 * <p>Churn follows the shifted-beta-geometric process of Fader and Hardie, "How to project
 * customer retention", J. Interactive Marketing 21(1), 2007: each customer draws a churn
 * probability per contract term from a beta distribution whose mean falls with the fit, so cohort
 * survival curves have the shape the LTV model expects. Annual contracts (80%) can end only at an
 * anniversary, monthly ones at any month; a churned customer's rows end the day before the
 * anniversary, so it is not active 12 months after it started.
 *
 * <p>Each account draws from its own {@link Rng} streams, derived from the seed and its index; the
 * only state shared between accounts is the set of domains already used, which makes this class
 * sequential (accounts are simulated in index order).
 */
final class AccountSimulator {

    private static final int STREAM_FIRMOGRAPHICS = 1;
    private static final int STREAM_COMMERCIAL = 2;
    private static final int STREAM_SUPPORT = 3;
    private static final int STREAM_NPS = 4;
    private static final int STREAM_RESEARCH = 5;
    private static final int STREAM_USAGE_PLAN = 6;

    /** Share of accounts drawn directly from the planted profile (others may match by chance). */
    static final double LOOKALIKE_SHARE = 0.075;
    /**
     * Bonus of the full profile on the latent fit. A partial match earns nothing extra: the three
     * traits pay off together, so the conjunction, not any one trait, is what discovery should find.
     */
    static final double ICP_BONUS = 2.4;
    /** Price multiplier of the profile's accounts (they buy more seats and the larger plan). */
    static final double ICP_PRICE = 1.4;
    /** Standard deviation of the unobserved part of the latent fit. */
    static final double FIT_NOISE = 0.25;
    /** Mean first-period churn probability at fit 0, and how fast it falls with fit (logit slope). */
    static final double BASE_CHURN = 0.36;
    static final double CHURN_SLOPE = 0.78;
    /** Concentration of the beta distribution of per-customer churn probabilities. */
    static final double CHURN_CONCENTRATION = 8;

    private static final double[] INDUSTRY_CUMULATIVE = Catalog.cumulative(Catalog.INDUSTRY_WEIGHT);
    private static final double[] COUNTRY_CUMULATIVE;
    private static final String[] LEGAL_DEFAULT = {"Inc."};
    private static final List<String> PLANTED_TECH = List.of(Catalog.TECH[Catalog.T_SNOWFLAKE]);

    static {
        double[] w = new double[Catalog.COUNTRIES.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Catalog.COUNTRIES.get(i).weight();
        }
        COUNTRY_CUMULATIVE = Catalog.cumulative(w);
    }

    private final long seed;
    private final LocalDate asOf;
    private final int asOfDay;
    private final long asOfEndSecond;
    private final int firstDay;
    private final int usageFromDay;
    private final int idWidth;
    private final Set<String> domains = new HashSet<>();

    AccountSimulator(long seed, LocalDate asOf, int firstDay, int usageFromDay, int idWidth) {
        this.seed = seed;
        this.asOf = asOf;
        this.asOfDay = (int) asOf.toEpochDay();
        this.asOfEndSecond = (asOfDay + 1L) * 86_400L - 1;
        this.firstDay = firstDay;
        this.usageFromDay = usageFromDay;
        this.idWidth = idWidth;
    }

    /** Simulates the account at {@code index}; call in increasing index order. */
    Account simulate(int index) {
        Account a = new Account(index, accountId(index, idWidth));
        firmographics(a, Rng.of(seed, index, STREAM_FIRMOGRAPHICS));
        Rng usage = Rng.of(seed, index, STREAM_USAGE_PLAN);
        users(a, usage);
        commercial(a, Rng.of(seed, index, STREAM_COMMERCIAL));
        if (a.customer) {
            support(a, Rng.of(seed, index, STREAM_SUPPORT));
            nps(a, Rng.of(seed, index, STREAM_NPS));
        }
        research(a, Rng.of(seed, index, STREAM_RESEARCH));
        usagePlan(a, usage);
        return a;
    }

    static String accountId(int index, int width) {
        StringBuilder sb = new StringBuilder(width + 1).append('A');
        String n = Integer.toString(index + 1);
        for (int i = n.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(n).toString();
    }

    // ------------------------------------------------------------------ firmographics

    private void firmographics(Account a, Rng r) {
        a.lookalike = r.chance(LOOKALIKE_SHARE);
        int industry = a.lookalike ? (r.chance(0.47) ? Catalog.FINTECH : Catalog.SAAS) : r.pickCumulative(INDUSTRY_CUMULATIVE);
        int employees = a.lookalike
                ? (int) Math.round(StrictMath.exp(r.uniform(StrictMath.log(PlantedIcp.DEFAULT.employeesMin()),
                        StrictMath.log(PlantedIcp.DEFAULT.employeesMax() + 0.49))))
                : (int) Math.max(1, Math.min(150_000, Math.round(r.logNormal(StrictMath.log(90), 1.5))));
        int band = Catalog.band(employees);
        double revenue = employees * Catalog.REVENUE_PER_EMPLOYEE[industry] * r.logNormal(0, 0.45);
        int country = r.pickCumulative(COUNTRY_CUMULATIVE);
        Catalog.Country c = Catalog.COUNTRIES.get(country);

        int mask = 0;
        double snowflake = Catalog.SNOWFLAKE_BASE[industry] * Catalog.BAND_SNOWFLAKE[band];
        boolean techIndustry = industry == Catalog.FINTECH || industry == Catalog.SAAS || industry == Catalog.MEDIA;
        mask |= bit(Catalog.T_SNOWFLAKE, a.lookalike || r.chance(snowflake));
        boolean salesforce = r.chance(Math.min(0.7, 0.2 + 0.1 * band));
        mask |= bit(Catalog.T_SALESFORCE, salesforce);
        mask |= bit(Catalog.T_HUBSPOT, r.chance(salesforce ? 0.08 : Math.max(0.1, 0.45 - 0.05 * band)));
        mask |= bit(Catalog.T_SLACK, r.chance(0.6));
        mask |= bit(Catalog.T_JIRA, r.chance(techIndustry ? 0.65 : 0.35));
        if (r.chance(0.85)) {
            int cloud = r.pick(new double[] {0.55, 0.2, 0.25});
            mask |= 1 << (Catalog.T_AWS + cloud);
            if (r.chance(0.15)) {
                mask |= 1 << (Catalog.T_AWS + (cloud + 1 + r.below(2)) % 3);
            }
        }
        boolean hasSnowflake = (mask & (1 << Catalog.T_SNOWFLAKE)) != 0;
        mask |= bit(Catalog.T_SEGMENT, r.chance(techIndustry || industry == Catalog.RETAIL ? 0.2 : 0.08));
        mask |= bit(Catalog.T_ZENDESK, r.chance(0.25));
        mask |= bit(Catalog.T_INTERCOM, r.chance(industry == Catalog.SAAS ? 0.3 : 0.1));
        mask |= bit(Catalog.T_LOOKER, r.chance(hasSnowflake ? 0.25 : 0.08));
        mask |= bit(Catalog.T_DBT, r.chance(hasSnowflake ? 0.3 : 0.03));
        mask |= bit(Catalog.T_TABLEAU, r.chance(0.15));

        // What the CRM recorded: a few gaps, none in the lookalikes (their record is the profile).
        a.industry = industry;
        String legacy = Catalog.INDUSTRY_LEGACY[industry];
        a.industryLabel = legacy != null && r.chance(Catalog.INDUSTRY_LEGACY_SHARE[industry]) ? legacy : Catalog.INDUSTRIES[industry];
        a.employees = !a.lookalike && r.chance(0.01) ? -1 : employees;
        a.revenue = r.chance(0.03) ? -1 : Math.max(50_000, Math.round(revenue / 10_000) * 10_000);
        a.country = country;
        a.region = c.region();
        a.techUnknown = !a.lookalike && r.chance(0.03);
        a.techMask = a.techUnknown ? 0 : mask;
        a.createdDay = firstDay + (int) Math.floor(growingTime(r.uniform(), 1.5) * (asOfDay - firstDay + 1));
        a.funding = funding(band, r);

        a.icp = PlantedIcp.DEFAULT.matches(Catalog.INDUSTRIES[industry], a.employees < 0 ? null : a.employees,
                a.has(Catalog.T_SNOWFLAKE) ? PLANTED_TECH : List.of());
        double fit = (a.icp ? ICP_BONUS : 0) + Catalog.INDUSTRY_EFFECT[industry] + Catalog.REGION_EFFECT[a.region]
                + (a.employees < 0 ? -0.1 : Catalog.BAND_EFFECT[band]);
        for (int t = 0; t < Catalog.TECH.length; t++) {
            if (a.has(t)) {
                fit += Catalog.TECH_EFFECT[t];
            }
        }
        a.fit = fit + r.normal(0, FIT_NOISE);
        a.channel = channel(a, band, r);
        a.channelLabel = a.channel >= 0 ? Catalog.CHANNEL_LABELS[a.channel] : (r.chance(0.3) ? "Select" : "");
        name(a, c, r);
    }

    private static int bit(int tech, boolean set) {
        return set ? 1 << tech : 0;
    }

    /** Inverse CDF on [0, 1] of a density growing linearly from 1 to 1 + g (a company growing its funnel). */
    private static double growingTime(double u, double g) {
        return (-1 + Math.sqrt(1 + 2 * g * u * (1 + g / 2))) / g;
    }

    private static int funding(int band, Rng r) {
        double[][] byBand = {
            {0.55, 0.30, 0.12, 0.02, 0.01, 0.00, 0.00},
            {0.35, 0.25, 0.25, 0.10, 0.03, 0.02, 0.00},
            {0.25, 0.08, 0.25, 0.25, 0.10, 0.05, 0.02},
            {0.20, 0.02, 0.10, 0.25, 0.25, 0.12, 0.06},
            {0.15, 0.00, 0.02, 0.08, 0.30, 0.20, 0.25},
            {0.10, 0.00, 0.00, 0.02, 0.13, 0.25, 0.50},
        };
        return r.pick(byBand[band]);
    }

    private static int channel(Account a, int band, Rng r) {
        if (r.chance(0.03)) {
            return -1;
        }
        double[] w = Catalog.CHANNEL_WEIGHT.clone();
        double cheap = StrictMath.exp(0.6 * a.fit);
        for (int i = 0; i < w.length; i++) {
            if (Catalog.CHANNEL_CHEAP[i]) {
                w[i] *= cheap;
            }
        }
        if (band >= 4) {
            w[1] *= 2;
            w[2] *= 1.5;
        } else if (band <= 1) {
            w[0] *= 1.5;
            w[4] *= 1.3;
        }
        return r.pick(w);
    }

    private void name(Account a, Catalog.Country c, Rng r) {
        String stem = !c.localStems().isEmpty() && r.chance(0.3)
                ? c.localStems().get(r.below(c.localStems().size()))
                : Catalog.NAME_STEMS[r.below(Catalog.NAME_STEMS.length)];
        String ending = Catalog.NAME_ENDINGS[r.below(Catalog.NAME_ENDINGS.length)];
        String core = ending.isEmpty() ? stem : ending.length() <= 2 ? stem + ending : stem + " " + ending;
        List<String> forms = c.legalForms().isEmpty() ? List.of(LEGAL_DEFAULT) : c.legalForms();
        String form = forms.get(r.below(forms.size()));
        a.name = form.startsWith(",") ? core + form : core + " " + form;
        String slug = Normalizer.normalize(core, Normalizer.Form.NFD)
                .replace("Ł", "L").replace("ł", "l")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String domain = slug + "." + c.tld();
        for (int n = 2; !domains.add(domain); n++) {
            domain = slug + n + "." + c.tld();
        }
        a.domain = domain;
    }

    // ------------------------------------------------------------------ deals and subscriptions

    private void commercial(Account a, Rng r) {
        double employees = a.employees > 0 ? a.employees : 90;
        double list = 180 * StrictMath.pow(employees, 0.38) * r.logNormal(0, 0.28) * (a.icp ? ICP_PRICE : 1.0);
        a.listMrrCents = Math.max(100, Math.round(list / 10)) * 1000;
        double reach = clamp(0.78 + 0.05 * a.fit, 0.4, 0.95);
        if (!r.chance(reach)) {
            return;
        }
        double winProbability = winProbability(a.fit);
        int band = a.employees > 0 ? Catalog.band(a.employees) : 2;
        double medianCycle = 38 * Catalog.BAND_CYCLE[band] * StrictMath.exp(-0.12 * a.fit);
        String plan = Catalog.PLANS[Catalog.plan(a.listMrrCents)];
        int t = a.createdDay + (int) Math.round(r.exponential(25));
        for (int attempt = 0; attempt < 3 && t <= asOfDay; attempt++) {
            int cycle = (int) Math.max(5, Math.round(r.logNormal(StrictMath.log(medianCycle), 0.45)));
            int close = t + cycle;
            long quoted = Math.round(12 * a.listMrrCents * r.uniform(0.9, 1.15) / 10_000.0) * 10_000;
            if (r.chance(0.45)) {
                int from = t + r.between(2, 10);
                int to = Math.min(Math.min(close, from + r.between(14, 30)), asOfDay);
                if (from <= to) {
                    a.spells.add(new Account.UsageSpell(from, to, true));
                }
            }
            if (close > asOfDay) {
                a.opportunities.add(new Account.Opportunity(Account.NEW_BUSINESS, Account.OPEN, quoted, t, -1, plan));
                break;
            }
            if (r.chance(winProbability)) {
                long initial = becomeCustomer(a, close, r);
                a.opportunities.add(new Account.Opportunity(Account.NEW_BUSINESS, Account.WON, 12 * initial, t, close, plan));
                break;
            }
            a.opportunities.add(new Account.Opportunity(Account.NEW_BUSINESS, Account.LOST,
                    r.chance(0.03) ? -1 : quoted, t, close, plan));
            if (!r.chance(0.3)) {
                break;
            }
            t = close + r.between(60, 300);
        }
        // Chronological, so that the file reads like a CRM export (stable for equal days).
        a.opportunities.sort((x, y) -> Integer.compare(x.createdDay(), y.createdDay()));
    }

    /** Makes the account a customer from {@code since}; simulates its subscriptions; returns the initial MRR. */
    private long becomeCustomer(Account a, int since, Rng r) {
        a.customer = true;
        a.sinceDay = since;
        double z = a.fit;
        long base = a.listMrrCents;
        a.subscriptions.add(new Account.Subscription(Catalog.PLANS[Catalog.plan(base)], false, since, base));
        long initial = base;
        if (r.chance(0.12 + 0.12 * sigmoid(z))) {
            long addon = dollars(base * r.uniform(0.10, 0.25));
            a.subscriptions.add(new Account.Subscription(Catalog.ADDONS[r.below(Catalog.ADDONS.length)], true, since, addon));
            initial += addon;
        }
        double mean = sigmoid(logit(BASE_CHURN) - CHURN_SLOPE * z);
        double theta = r.beta(mean * CHURN_CONCENTRATION, (1 - mean) * CHURN_CONCENTRATION);
        a.churnProbability = theta;
        a.annualContract = r.chance(0.8);
        double thetaMonthly = 1 - StrictMath.pow(1 - theta, 1.0 / 12);
        double expansion = clamp(0.018 * StrictMath.exp(0.45 * z), 0.004, 0.09);
        double contraction = clamp(0.016 * StrictMath.exp(-0.35 * z), 0.003, 0.05);
        double trueUp = clamp(-0.07 + 0.055 * z, -0.12, 0.12);

        LocalDate sinceDate = LocalDate.ofEpochDay(since);
        for (int k = 1; ; k++) {
            int d = (int) sinceDate.plusMonths(k).toEpochDay();
            int end = d - 1;
            boolean renewal = k % 12 == 0;
            if (d > asOfDay) {
                openRenewal(a, sinceDate, k, r);
                openExpansion(a, expansion, r);
                return initial;
            }
            boolean churn = a.annualContract ? renewal && r.chance(theta) : r.chance(thetaMonthly);
            if (churn) {
                if (a.annualContract) {
                    int created = d - r.between(60, 90);
                    int closed = Math.max(created, end - r.between(0, 20));
                    a.opportunities.add(new Account.Opportunity(Account.RENEWAL, Account.LOST, 12 * a.mrrOn(end - 1),
                            created, closed, baseProduct(a)));
                }
                for (Account.Subscription s : a.subscriptions) {
                    if (s.endDay < 0) {
                        s.endDay = end;
                    }
                }
                a.churnDay = end;
                return initial;
            }
            if (renewal) {
                double factor = 1 + r.normal(trueUp, 0.06);
                if (Math.abs(factor - 1) >= 0.02) {
                    Account.Subscription current = activeBase(a);
                    replaceBase(a, current, d, dollars(current.mrrCents * factor));
                }
                if (a.annualContract) {
                    int created = d - r.between(60, 90);
                    a.opportunities.add(new Account.Opportunity(Account.RENEWAL, Account.WON, 12 * a.mrrOn(d),
                            created, Math.max(created, d - r.between(0, 20)), baseProduct(a)));
                }
            }
            int day = d + r.between(1, 20);
            if (day > asOfDay) {
                continue;
            }
            if (r.chance(expansion)) {
                expand(a, day, r);
            } else if (r.chance(contraction)) {
                contract(a, day, r);
            } else if (r.chance(0.005)) {
                a.opportunities.add(new Account.Opportunity(Account.EXPANSION, Account.LOST,
                        dollars(activeBase(a).mrrCents * 12 * r.uniform(0.2, 0.5)),
                        Math.max(a.sinceDay, day - r.between(15, 45)), day,
                        Catalog.ADDONS[r.below(Catalog.ADDONS.length)]));
            }
        }
    }

    private void expand(Account a, int day, Rng r) {
        Account.Subscription base = activeBase(a);
        int created = Math.max(a.sinceDay, day - r.between(10, 40));
        int free = freeAddon(a, r);
        if (free >= 0 && r.chance(0.55)) {
            long mrr = dollars(base.mrrCents * r.uniform(0.10, 0.30));
            a.subscriptions.add(new Account.Subscription(Catalog.ADDONS[free], true, day, mrr));
            a.opportunities.add(new Account.Opportunity(Account.EXPANSION, Account.WON, 12 * mrr, created, day,
                    Catalog.ADDONS[free]));
        } else {
            long mrr = dollars(base.mrrCents * r.uniform(1.2, 1.6));
            replaceBase(a, base, day, mrr);
            a.opportunities.add(new Account.Opportunity(Account.EXPANSION, Account.WON, 12 * (mrr - base.mrrCents),
                    created, day, Catalog.PLANS[Catalog.plan(mrr)]));
        }
    }

    private static void contract(Account a, int day, Rng r) {
        if (r.chance(0.5)) {
            for (Account.Subscription s : a.subscriptions) {
                if (s.addon && s.endDay < 0) {
                    s.endDay = day;
                    return;
                }
            }
        }
        Account.Subscription base = activeBase(a);
        long mrr = Math.max(10_000, dollars(base.mrrCents * r.uniform(0.65, 0.88)));
        if (mrr < base.mrrCents) {
            replaceBase(a, base, day, mrr);
        }
    }

    private void openRenewal(Account a, LocalDate sinceDate, int k, Rng r) {
        if (!a.annualContract) {
            return;
        }
        int next = (int) sinceDate.plusMonths((long) ((k + 11) / 12) * 12).toEpochDay();
        int created = next - r.between(60, 90);
        if (created <= asOfDay) {
            a.opportunities.add(new Account.Opportunity(Account.RENEWAL, Account.OPEN, 12 * a.mrrOn(asOfDay),
                    created, -1, baseProduct(a)));
        }
    }

    private void openExpansion(Account a, double expansion, Rng r) {
        if (r.chance(Math.min(0.5, 3 * expansion))) {
            int created = Math.max(a.sinceDay, asOfDay - r.between(0, 45));
            a.opportunities.add(new Account.Opportunity(Account.EXPANSION, Account.OPEN,
                    dollars(activeBase(a).mrrCents * 12 * r.uniform(0.15, 0.4)), created, -1,
                    Catalog.ADDONS[r.below(Catalog.ADDONS.length)]));
        }
    }

    private static int freeAddon(Account a, Rng r) {
        int owned = 0;
        for (Account.Subscription s : a.subscriptions) {
            if (s.addon && s.endDay < 0) {
                for (int i = 0; i < Catalog.ADDONS.length; i++) {
                    if (Catalog.ADDONS[i].equals(s.product)) {
                        owned |= 1 << i;
                    }
                }
            }
        }
        int start = r.below(Catalog.ADDONS.length);
        for (int i = 0; i < Catalog.ADDONS.length; i++) {
            int candidate = (start + i) % Catalog.ADDONS.length;
            if ((owned & (1 << candidate)) == 0) {
                return candidate;
            }
        }
        return -1;
    }

    private static Account.Subscription activeBase(Account a) {
        for (int i = a.subscriptions.size() - 1; i >= 0; i--) {
            Account.Subscription s = a.subscriptions.get(i);
            if (!s.addon && s.endDay < 0) {
                return s;
            }
        }
        throw new IllegalStateException("account " + a.id + " has no active base subscription");
    }

    private static String baseProduct(Account a) {
        for (int i = a.subscriptions.size() - 1; i >= 0; i--) {
            if (!a.subscriptions.get(i).addon) {
                return a.subscriptions.get(i).product;
            }
        }
        return Catalog.PLANS[0];
    }

    /** Ends {@code current} on {@code day} and starts a base row with the new MRR the same day. */
    private static void replaceBase(Account a, Account.Subscription current, int day, long mrrCents) {
        current.endDay = day;
        a.subscriptions.add(new Account.Subscription(Catalog.PLANS[Catalog.plan(mrrCents)], false, day, mrrCents));
    }

    // ------------------------------------------------------------------ customer success

    private void support(Account a, Rng r) {
        int last = a.churnDay >= 0 ? a.churnDay - 1 : asOfDay;
        double employees = a.employees > 0 ? a.employees : 90;
        double perMonth = 0.9 * StrictMath.exp(-0.35 * a.fit) * StrictMath.pow(employees / 100.0, 0.2);
        double[] priority = {
            Catalog.PRIORITY_WEIGHT[0], Catalog.PRIORITY_WEIGHT[1],
            Catalog.PRIORITY_WEIGHT[2] * StrictMath.exp(-0.2 * a.fit), Catalog.PRIORITY_WEIGHT[3] * StrictMath.exp(-0.3 * a.fit),
        };
        double day = a.sinceDay;
        while (true) {
            boolean busy = day - a.sinceDay < 60 || (a.churnDay >= 0 && a.churnDay - day < 90);
            day += r.exponential(30.4 / (perMonth * (busy ? 1.6 : 1.0)));
            if (day > last) {
                return;
            }
            long opened = (long) Math.floor(day) * 86_400L + businessSecond(a.region, r);
            int p = r.pick(priority);
            int effort = (int) Math.max(5, Math.round(r.logNormal(StrictMath.log(Catalog.PRIORITY_EFFORT[p]), 0.6)));
            long closed = opened + Math.round(r.logNormal(StrictMath.log(Catalog.PRIORITY_HOURS[p]), 0.8) * 3600);
            a.tickets.add(new Account.Ticket(opened, closed > asOfEndSecond ? -1 : closed, p, effort));
        }
    }

    private void nps(Account a, Rng r) {
        int last = a.churnDay >= 0 ? a.churnDay - 1 : asOfDay;
        for (int year = LocalDate.ofEpochDay(a.sinceDay).getYear(); year <= asOf.getYear(); year++) {
            for (int month : new int[] {3, 9}) {
                int wave = (int) LocalDate.of(year, month, 15).toEpochDay();
                if (wave < a.sinceDay + 60 || wave > last) {
                    continue;
                }
                boolean churnSoon = a.churnDay >= 0 && a.churnDay - wave < 240;
                double mean = 7.0 + 0.75 * a.fit - (churnSoon ? 1.8 : 0);
                int invited = Math.min(a.users, 4);
                int first = r.below(Math.max(1, a.users));
                for (int i = 0; i < invited; i++) {
                    if (!r.chance(0.45)) {
                        continue;
                    }
                    int day = wave + r.between(0, 13);
                    if (day > last) {
                        continue;
                    }
                    int score = (int) clamp(Math.round(r.normal(mean, 1.7)), 0, 10);
                    String[] pool = score >= 9 ? Catalog.PROMOTER_COMMENTS
                            : score >= 7 ? Catalog.PASSIVE_COMMENTS : Catalog.DETRACTOR_COMMENTS;
                    String comment = r.chance(0.55) ? pool[r.below(pool.length)] : null;
                    a.nps.add(new Account.NpsResponse((first + i) % a.users, day * 86_400L + businessSecond(a.region, r),
                            score, comment));
                }
            }
        }
    }

    private void research(Account a, Rng r) {
        if (a.customer) {
            int last = a.churnDay >= 0 ? a.churnDay - 1 : asOfDay;
            if (r.chance(0.3)) {
                int day = a.sinceDay + r.between(30, 300);
                if (day <= last) {
                    note(a, day, Account.INTERVIEW, true, r);
                }
            }
            if (r.chance(0.25) && last - a.sinceDay > 30) {
                note(a, r.between(a.sinceDay + 30, last), Account.CS, true, r);
            }
        }
        for (Account.Opportunity o : a.opportunities) {
            if (o.type() == Account.NEW_BUSINESS && o.stage() != Account.OPEN && r.chance(0.2)) {
                int day = o.closedDay() + r.between(3, 30);
                if (day <= asOfDay) {
                    note(a, day, Account.WIN_LOSS, o.stage() == Account.WON, r);
                }
            }
        }
        a.notes.sort((x, y) -> Integer.compare(x.day(), y.day()));
    }

    private void note(Account a, int day, int source, boolean positive, Rng r) {
        int fit = (int) clamp(Math.round(r.normal(3.0 + 0.5 * a.fit, 0.8)), 1, 5);
        double[] w = new double[Catalog.PAIN_POINTS.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = i < Catalog.ICP_PAIN_POINTS ? (a.icp ? 5.0 : 0.8) : 1.0;
        }
        int count = r.between(1, 3);
        int mask = 0;
        int firstPain = -1;
        for (int i = 0; i < count; i++) {
            int p = r.pick(w);
            w[p] = 0;
            mask |= 1 << p;
            if (firstPain < 0) {
                firstPain = p;
            }
        }
        String phrase = Catalog.PAIN_PHRASES[firstPain];
        String industry = Catalog.INDUSTRIES[a.industry];
        String size = a.employees > 0 ? Integer.toString(a.employees) : "unknown";
        String text = switch (source) {
            case Account.INTERVIEW -> "Interview with the head of " + (r.chance(0.5) ? "finance" : "operations") + ": \""
                    + phrase + "\". " + industry + ", " + size + " employees"
                    + (a.has(Catalog.T_SNOWFLAKE) ? "; wants reports straight on Snowflake." : ".");
            case Account.WIN_LOSS -> positive
                    ? "Won: " + phrase + ", chose us over spreadsheets; champion in " + (r.chance(0.5) ? "RevOps" : "Finance") + "."
                    : "Lost: " + (r.chance(0.5) ? "price" : "timing") + ", \"" + phrase + "\" was not urgent enough.";
            default -> "QBR: adoption " + (fit >= 4 ? "strong" : fit == 3 ? "mixed" : "weak") + ", " + phrase
                    + "; next step: " + (fit >= 4 ? "expansion workshop." : "training session.");
        };
        a.notes.add(new Account.Note(day, source, fit, mask, text));
    }

    // ------------------------------------------------------------------ usage plan

    private static void users(Account a, Rng r) {
        double employees = a.employees > 0 ? a.employees : 90;
        double seats = 2 + 0.35 * StrictMath.pow(employees, 0.62) * r.logNormal(0, 0.25) * (1 + 0.1 * Math.max(0, a.fit));
        a.users = (int) clamp(Math.round(seats), 2, 250);
    }

    private void usagePlan(Account a, Rng r) {
        if (a.customer) {
            int from = Math.max(a.sinceDay, usageFromDay);
            int to = a.churnDay >= 0 ? a.churnDay - 1 : asOfDay;
            if (from <= to) {
                a.spells.add(new Account.UsageSpell(from, to, false));
            }
        }
        a.spells.removeIf(s -> s.toDay() < usageFromDay);
        if (a.spells.isEmpty()) {
            return;
        }
        double z = a.fit;
        double theta = a.customer ? a.churnProbability : 0.3;
        a.usageLevel = clamp(0.40 * StrictMath.exp(0.22 * z - 1.5 * (theta - 0.3)) * r.logNormal(0, 0.25), 0.05, 0.9);
        a.usageGrowth = r.normal(0.012 + 0.008 * z - 0.04 * (theta - 0.3), 0.015);
        a.usageDepth = clamp(1.5 + 0.6 * z, 0.5, 4) * r.logNormal(0, 0.2);
        int n = a.users;
        a.userWeight = new double[n];
        a.userJoinDay = new int[n];
        int start = a.customer ? a.sinceDay : a.createdDay;
        int early = Math.max(1, (int) Math.ceil(0.4 * n));
        for (int u = 0; u < n; u++) {
            a.userWeight[u] = 0.25 + 0.75 * StrictMath.pow(r.uniform(), 1.5);
            a.userJoinDay[u] = u < early ? start : start + r.between(0, 200);
        }
        int[] adopted = new int[Catalog.USE_CASES.size()];
        double snowflake = a.has(Catalog.T_SNOWFLAKE) ? 0.5 : 0;
        double[] probability = {
            1, 0.85, sigmoid(-0.4 + 0.8 * z), sigmoid(-0.7 + 0.7 * z + snowflake), sigmoid(-0.5 + 0.6 * z), 0.6, 1,
        };
        for (int u = 0; u < adopted.length; u++) {
            boolean core = u == Catalog.UC_REPORTING || u == Catalog.UC_ADMIN;
            if (core) {
                adopted[u] = start;
            } else if (r.chance(probability[u])) {
                double meanDelay = Catalog.USE_CASES.get(u).highValue() ? 120 * StrictMath.exp(-0.3 * z) : 60;
                adopted[u] = start + (int) Math.round(r.exponential(meanDelay));
            } else {
                adopted[u] = Integer.MAX_VALUE;
            }
        }
        a.useCaseAdoptedDay = adopted;
    }

    /** A second of the day (UTC) in local business hours, peaking early afternoon. */
    static int businessSecond(int region, Rng r) {
        double local = 8 * 3600 + (r.uniform() + r.uniform()) * 0.5 * 10 * 3600;
        return (int) local - Catalog.REGION_UTC_OFFSET[region] * 3600;
    }

    // ------------------------------------------------------------------ helpers

    private static long dollars(double cents) {
        return Math.round(cents / 100) * 100;
    }

    /** Probability that one new-business deal of an account with this latent fit is won. */
    static double winProbability(double fit) {
        return sigmoid(-0.50 + 0.50 * fit);
    }

    static double sigmoid(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }

    static double logit(double p) {
        return StrictMath.log(p / (1 - p));
    }

    static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
