package org.icpengine.core.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The content of {@code demo-truth.json}: the planted profile, the rates it was given by design,
 * the rates realized in the generated rows (profile vs. the rest), the seed and the counts. For
 * tests and the demo summary only; the engine never reads it.
 *
 * <p>Realized rates are computed here from the generator's own rows with simple definitions that
 * follow DESIGN.md: 12-month logo retention among customers acquired at least 12 months before
 * {@code as_of}; NRR as the sum of MRR at {@code as_of} over the sum 12 months earlier, among
 * customers paying then; win rate over closed new-business deals. Numbers are written with at most
 * four decimals so the file is byte-stable across JDKs.
 */
final class Truth {

    private final ObjectNode root;
    private final long customers;
    private final long icpAccounts;
    private final long icpCustomers;

    private Truth(ObjectNode root, long customers, long icpAccounts, long icpCustomers) {
        this.root = root;
        this.customers = customers;
        this.icpAccounts = icpAccounts;
        this.icpCustomers = icpCustomers;
    }

    long customers() {
        return customers;
    }

    long icpAccounts() {
        return icpAccounts;
    }

    long icpCustomers() {
        return icpCustomers;
    }

    static Truth of(DemoSettings settings, Account[] accounts, long[] events, List<DemoTable> tables, int usageFrom) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("about", "What the ICP Engine demo generator planted. For tests only; the engine never reads this file.");
        root.put("seed", settings.seed());
        root.put("accounts", settings.accounts());
        root.put("as_of", settings.asOf().toString());
        root.put("history_from", settings.asOf().minusMonths(DemoGenerator.HISTORY_MONTHS).toString());
        root.put("usage_from", LocalDate.ofEpochDay(usageFrom).toString());

        PlantedIcp p = PlantedIcp.DEFAULT;
        ObjectNode planted = root.putObject("planted_icp");
        ArrayNode industries = planted.putArray("industries");
        p.industries().forEach(industries::add);
        planted.put("employees_min", p.employeesMin());
        planted.put("employees_max", p.employeesMax());
        planted.put("employees_band", p.employeesBand());
        ArrayNode tech = planted.putArray("tech");
        p.tech().forEach(tech::add);
        planted.put("expression", p.expression());
        planted.put("description", p.describe());
        ArrayNode pains = planted.putArray("pain_points_over_represented");
        for (int i = 0; i < Catalog.ICP_PAIN_POINTS; i++) {
            pains.add(Catalog.PAIN_POINTS[i]);
        }
        planted.put("lookalike_share_of_accounts", decimal(AccountSimulator.LOOKALIKE_SHARE));

        ObjectNode design = root.putObject("design");
        design.put("note", "Outcomes follow a latent fit: +" + AccountSimulator.ICP_BONUS + " for the full profile"
                + " (nothing for a partial match), smaller effects of industry, company size, technology and region,"
                + " and normal noise (sd " + AccountSimulator.FIT_NOISE + "). Churn per contract term is"
                + " beta-distributed around a mean that falls with the fit (shifted-beta-geometric). Group values"
                + " below are means of the per-account design parameters.");
        Group icp = new Group();
        Group rest = new Group();
        int asOfDay = (int) settings.asOf().toEpochDay();
        int yearAgo = (int) settings.asOf().minusMonths(12).toEpochDay();
        for (Account a : accounts) {
            (a.icp ? icp : rest).add(a, events[a.index], asOfDay, yearAgo);
        }
        ObjectNode designIcp = design.putObject("icp");
        ObjectNode designRest = design.putObject("rest");
        icp.design(designIcp);
        rest.design(designRest);

        ObjectNode realized = root.putObject("realized");
        icp.realized(realized.putObject("icp"));
        rest.realized(realized.putObject("rest"));

        ObjectNode counts = root.putObject("counts");
        counts.put("accounts", accounts.length);
        counts.put("customers", icp.customers + rest.customers);
        counts.put("icp_accounts", icp.accounts);
        counts.put("icp_customers", icp.customers);
        ObjectNode rows = counts.putObject("rows");
        for (DemoTable t : tables) {
            rows.put(t.table(), t.rows());
        }
        ArrayNode ids = root.putArray("icp_account_ids");
        for (Account a : accounts) {
            if (a.icp) {
                ids.add(a.id);
            }
        }
        return new Truth(root, icp.customers + rest.customers, icp.accounts, icp.customers);
    }

    String toJson() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
        try {
            return JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build()
                    .writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render demo-truth.json", e);
        }
    }

    static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(Math.round(value * 10_000)).movePointLeft(4).stripTrailingZeros();
    }

    /** Running sums over one group of accounts (the profile, or the rest). */
    private static final class Group {
        long accounts;
        long customers;
        double winProbability;
        double churnProbability;
        double cheapChannel;
        long channelled;
        double cacTarget;
        long mature;
        long retained;
        long mrrNow;
        long mrrYearAgo;
        long won;
        long lost;
        long npsCount;
        long npsSum;
        long promoters;
        long detractors;
        long tickets;
        double customerMonths;
        long notes;
        long fitSum;
        long icpPains;
        long pains;
        long events;
        double usageMonths;

        void add(Account a, long accountEvents, int asOfDay, int yearAgo) {
            accounts++;
            winProbability += AccountSimulator.winProbability(a.fit);
            for (Account.Opportunity o : a.opportunities) {
                if (o.type() == Account.NEW_BUSINESS && o.stage() == Account.WON) {
                    won++;
                } else if (o.type() == Account.NEW_BUSINESS && o.stage() == Account.LOST) {
                    lost++;
                }
            }
            for (Account.Note n : a.notes) {
                notes++;
                fitSum += n.cultureFit();
                pains += Integer.bitCount(n.painMask());
                icpPains += Integer.bitCount(n.painMask() & ((1 << Catalog.ICP_PAIN_POINTS) - 1));
            }
            if (!a.customer) {
                return;
            }
            customers++;
            churnProbability += a.churnProbability;
            if (a.channel >= 0) {
                channelled++;
                cheapChannel += Catalog.CHANNEL_CHEAP[a.channel] ? 1 : 0;
                cacTarget += Catalog.CHANNEL_CAC[a.channel] + Catalog.SALES_CAC;
            }
            int anniversary = (int) LocalDate.ofEpochDay(a.sinceDay).plusMonths(12).toEpochDay();
            if (anniversary <= asOfDay) {
                mature++;
                if (a.mrrOn(anniversary) > 0) {
                    retained++;
                }
            }
            long then = a.mrrOn(yearAgo);
            if (then > 0) {
                mrrYearAgo += then;
                mrrNow += a.mrrOn(asOfDay);
            }
            for (Account.NpsResponse n : a.nps) {
                npsCount++;
                npsSum += n.score();
                promoters += n.score() >= 9 ? 1 : 0;
                detractors += n.score() <= 6 ? 1 : 0;
            }
            int last = a.churnDay >= 0 ? a.churnDay - 1 : asOfDay;
            tickets += a.tickets.size();
            customerMonths += (last - a.sinceDay + 1) / 30.4;
            events += accountEvents;
            for (Account.UsageSpell s : a.spells) {
                if (!s.trial()) {
                    usageMonths += (s.toDay() - s.fromDay() + 1) / 30.4;
                }
            }
        }

        void design(ObjectNode out) {
            out.put("win_probability", decimal(winProbability / Math.max(1, accounts)));
            out.put("churn_probability_per_term", decimal(churnProbability / Math.max(1, customers)));
            out.put("retention_12m_expected", decimal(1 - churnProbability / Math.max(1, customers)));
            out.put("cheap_channel_share", decimal(cheapChannel / Math.max(1, channelled)));
            out.put("cac_target_mean", decimal(cacTarget / Math.max(1, channelled)));
        }

        void realized(ObjectNode out) {
            out.put("accounts", accounts);
            out.put("customers", customers);
            out.put("conversion", decimal(customers / (double) Math.max(1, accounts)));
            out.put("win_rate", decimal(won / (double) Math.max(1, won + lost)));
            out.put("customers_mature_12m", mature);
            out.put("retention_12m", decimal(retained / (double) Math.max(1, mature)));
            out.put("nrr_12m", decimal(mrrNow / (double) Math.max(1, mrrYearAgo)));
            out.put("nps_mean_score", decimal(npsSum / (double) Math.max(1, npsCount)));
            out.put("nps", decimal(100.0 * (promoters - detractors) / Math.max(1, npsCount)));
            out.put("tickets_per_customer_month", decimal(tickets / Math.max(1, customerMonths)));
            out.put("culture_fit_mean", decimal(fitSum / (double) Math.max(1, notes)));
            out.put("profile_pain_point_share", decimal(icpPains / (double) Math.max(1, pains)));
            out.put("usage_events_per_customer_month", decimal(events / Math.max(1, usageMonths)));
        }
    }
}
