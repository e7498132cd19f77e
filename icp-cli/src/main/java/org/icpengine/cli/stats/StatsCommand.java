package org.icpengine.cli.stats;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.icpengine.errors.InputException;
import org.icpengine.stats.ltv.BgNbdModel;
import org.icpengine.stats.ltv.BgNbdTrainer;
import org.icpengine.stats.ltv.GammaGammaModel;
import org.icpengine.stats.ltv.GammaGammaTrainer;
import org.icpengine.stats.ltv.ParetoNbdModel;
import org.icpengine.stats.ltv.ParetoNbdTrainer;
import org.icpengine.stats.ltv.SbgModel;
import org.icpengine.stats.ltv.SbgTrainer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code icp stats}: fits one of the statistical models of icp-stats on a CSV and prints its
 * parameters, log-likelihood and main derived quantities, as a table or JSON.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Fit a statistical model on a CSV and print parameters and diagnostics.",
        subcommands = {StatsCommand.Sbg.class, StatsCommand.BgNbd.class, StatsCommand.ParetoNbd.class,
                StatsCommand.GammaGamma.class})
public final class StatsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --format table|json}. */
    static final class Format {
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "table (for people) or json (for programs); default: ${DEFAULT-VALUE}.")
        String format;

        void print(PrintWriter out, Map<String, Object> result) {
            String f = format.toLowerCase(Locale.ROOT);
            if (f.equals("json")) {
                try {
                    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            } else if (f.equals("table")) {
                printTable(out, result, "");
            } else {
                throw new InputException("--format: expected table or json, got '" + format + "'");
            }
            out.flush();
        }

        @SuppressWarnings("unchecked")
        private static void printTable(PrintWriter out, Map<String, Object> m, String indent) {
            int w = m.keySet().stream().mapToInt(String::length).max().orElse(0);
            for (Map.Entry<String, Object> e : m.entrySet()) {
                Object v = e.getValue();
                if (v instanceof Map<?, ?> sub) {
                    out.println(indent + e.getKey() + ":");
                    printTable(out, (Map<String, Object>) sub, indent + "  ");
                } else if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>) {
                    out.println(indent + e.getKey() + ":");
                    printRows(out, (List<Map<String, Object>>) list, indent + "  ");
                } else {
                    out.println(indent + pad(e.getKey(), w) + "  " + text(v));
                }
            }
        }

        private static void printRows(PrintWriter out, List<Map<String, Object>> rows, String indent) {
            List<String> keys = new ArrayList<>(rows.get(0).keySet());
            int[] w = new int[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                w[i] = keys.get(i).length();
                for (Map<String, Object> r : rows) {
                    w[i] = Math.max(w[i], text(r.get(keys.get(i))).length());
                }
            }
            StringBuilder h = new StringBuilder(indent);
            for (int i = 0; i < keys.size(); i++) {
                h.append(lpad(keys.get(i), w[i])).append("  ");
            }
            out.println(h.toString().stripTrailing());
            for (Map<String, Object> r : rows) {
                StringBuilder b = new StringBuilder(indent);
                for (int i = 0; i < keys.size(); i++) {
                    b.append(lpad(text(r.get(keys.get(i))), w[i])).append("  ");
                }
                out.println(b.toString().stripTrailing());
            }
        }

        private static String lpad(String s, int w) {
            return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
        }

        private static String text(Object v) {
            if (v instanceof Double d) {
                return d == Math.rint(d) || Math.abs(d) >= 1e-3 ? stripZeros(fmt(d)) : fmt(d);
            }
            if (v instanceof List<?> l) {
                List<String> parts = new ArrayList<>();
                for (Object o : l) {
                    parts.add(text(o));
                }
                return String.join(", ", parts);
            }
            return String.valueOf(v);
        }

        private static String stripZeros(String s) {
            return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }

        private static String pad(String s, int w) {
            return s.length() >= w ? s : s + " ".repeat(w - s.length());
        }
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e12) {
            return Long.toString((long) d);
        }
        double a = Math.abs(d);
        return a != 0 && (a < 1e-3 || a >= 1e7) ? String.format(Locale.ROOT, "%.6g", d) : String.format(Locale.ROOT, "%.6f", d);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.rint(v * f) / f;
    }

    /** {@code icp stats sbg}: shifted-beta-geometric retention (Fader & Hardie 2007). */
    @Command(name = "sbg", mixinStandardHelpOptions = true,
            description = {"Fit the shifted-beta-geometric retention model (Fader & Hardie 2007).",
                    "FILE layouts: 'year,<cohort>_pct_alive...[,used_for_calibration]' (% alive per period, one",
                    "column per cohort), 'period,alive' (customers alive per period), or 'tenure,churned'",
                    "(one row per customer: periods observed, 1 if churned at the end of them, 0 if still active)."})
    static final class Sbg implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Format format;

        @Option(names = "--survival", required = true, paramLabel = "FILE", description = "The survival CSV.")
        Path file;

        @Option(names = "--cohort-size", defaultValue = "1000", paramLabel = "N",
                description = "Customers per cohort for %% alive data (default: ${DEFAULT-VALUE}).")
        int cohortSize;

        @Option(names = "--discount-rate", defaultValue = "0.10", paramLabel = "D",
                description = "Discount rate per period for DEL and DERL (default: ${DEFAULT-VALUE}).")
        double discountRate;

        @Override
        public Integer call() {
            if (!(discountRate >= 0) || discountRate > 10) {
                throw new InputException("--discount-rate: expected a rate between 0 and 10, got " + discountRate);
            }
            CsvColumns csv = CsvColumns.read(file);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", "sBG");
            result.put("file", file.toString());
            SbgTrainer trainer = new SbgTrainer();
            List<String> pctColumns = csv.names().stream().map(n -> n.toLowerCase(Locale.ROOT))
                    .filter(n -> n.endsWith("pct_alive") || n.endsWith("_pct")).toList();
            if (!pctColumns.isEmpty()) {
                if (cohortSize < 1) {
                    throw new InputException("--cohort-size: expected at least 1, got " + cohortSize);
                }
                double[] period = csv.numbers("the period", "year", "period", "t");
                double[] calib = csv.find("used_for_calibration", "calibration").map(csv::numbers).orElse(null);
                Map<String, Object> cohorts = new LinkedHashMap<>();
                for (String col : pctColumns) {
                    double[] pct = csv.numbers(col);
                    List<Double> fitPct = new ArrayList<>();
                    for (int i = 0; i < pct.length; i++) {
                        if (calib == null || calib[i] == 1) {
                            fitPct.add(pct[i]);
                        }
                    }
                    SbgModel m = trainer.fitSurvivalPercent(fitPct.stream().mapToDouble(Double::doubleValue).toArray(), cohortSize);
                    Map<String, Object> c = describe(m);
                    List<Map<String, Object>> curve = new ArrayList<>();
                    for (int i = 0; i < pct.length; i++) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        int t = (int) period[i];
                        row.put("period", t);
                        row.put("observed_pct", pct[i]);
                        row.put("fitted_pct", round(100 * m.survival(t), 2));
                        row.put("calibration", calib == null || calib[i] == 1);
                        curve.add(row);
                    }
                    c.put("calibration_periods", fitPct.size() - 1);
                    c.put("survival", curve);
                    cohorts.put(col.replace("_pct_alive", "").replace("_pct", ""), c);
                }
                result.put("cohorts", cohorts);
            } else if (csv.find("alive").isPresent()) {
                double[] alive = csv.numbers("alive");
                long[] counts = new long[alive.length];
                for (int i = 0; i < alive.length; i++) {
                    counts[i] = Math.round(alive[i]);
                }
                result.putAll(describe(trainer.fitCounts(counts)));
            } else if (csv.find("tenure").isPresent() && csv.find("churned").isPresent()) {
                double[] tenure = csv.numbers("tenure");
                double[] churned = csv.numbers("churned");
                int[] t = new int[tenure.length];
                boolean[] c = new boolean[tenure.length];
                for (int i = 0; i < t.length; i++) {
                    if (tenure[i] != Math.rint(tenure[i]) || tenure[i] < 0) {
                        throw new InputException(file + ": row " + (i + 1) + ": tenure must be a whole number >= 0, got " + tenure[i]);
                    }
                    if (churned[i] != 0 && churned[i] != 1) {
                        throw new InputException(file + ": row " + (i + 1) + ": churned must be 0 or 1, got " + churned[i]);
                    }
                    t[i] = (int) tenure[i];
                    c[i] = churned[i] == 1;
                }
                result.putAll(describe(trainer.fitIndividual(t, c)));
            } else {
                throw new InputException(file + ": expected columns '<cohort>_pct_alive', 'period,alive' or 'tenure,churned'; "
                        + "the header has: " + String.join(", ", csv.names()));
            }
            format.print(spec.commandLine().getOut(), result);
            return 0;
        }

        private Map<String, Object> describe(SbgModel m) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("alpha", m.alpha());
            c.put("beta", m.beta());
            c.put("log_likelihood", m.logLikelihood());
            c.put("observations", m.observations());
            c.put("mean_churn", m.meanChurn());
            c.put("discount_rate", discountRate);
            c.put("del", m.discountedExpectedLifetime(discountRate));
            List<Double> derl = new ArrayList<>();
            for (int n = 0; n <= 4; n++) {
                derl.add(m.discountedExpectedResidualLifetime(n, discountRate));
            }
            c.put("derl_renewals_0_to_4", derl);
            return c;
        }
    }

    /** Reads (x, t_x, T) from a summary file in the CDNOW layout or the lifetimes one. */
    record Rfm(int[] x, double[] tx, double[] t) {
        static Rfm read(CsvColumns csv) {
            double[] xs = csv.numbers("repeat purchases", "x", "frequency");
            double[] tx = csv.numbers("time of last purchase", "t_x", "recency");
            double[] t = csv.numbers("observation time", "T", "t_obs", "age");
            int[] x = new int[xs.length];
            for (int i = 0; i < x.length; i++) {
                if (xs[i] != Math.rint(xs[i]) || xs[i] < 0) {
                    throw new InputException(csv.file() + ": row " + (i + 1) + ": repeat purchases must be a whole number >= 0, got "
                            + xs[i]);
                }
                x[i] = (int) xs[i];
            }
            return new Rfm(x, tx, t);
        }
    }

    /** What the BG/NBD and Pareto/NBD commands share: a customer summary file and a horizon. */
    abstract static class RfmCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Format format;

        @Option(names = "--summary", required = true, paramLabel = "FILE", description = "The customer summary CSV.")
        Path file;

        @Option(names = "--horizon", defaultValue = "39", paramLabel = "T",
                description = "Periods ahead for conditional expectations (default: ${DEFAULT-VALUE}).")
        double horizon;

        /** The model's name, for the output. */
        abstract String model();

        /** Fits the model and adds its parameters and derived quantities to {@code out}. */
        abstract void fit(Rfm data, Map<String, Object> out);

        @Override
        public Integer call() {
            if (!(horizon > 0)) {
                throw new InputException("--horizon: expected a number of periods > 0, got " + horizon);
            }
            Rfm d = Rfm.read(CsvColumns.read(file));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", model());
            r.put("file", file.toString());
            fit(d, r);
            r.put("horizon", horizon);
            format.print(spec.commandLine().getOut(), r);
            return 0;
        }
    }

    /** {@code icp stats bgnbd}: BG/NBD purchase model (Fader, Hardie & Lee 2005). */
    @Command(name = "bgnbd", mixinStandardHelpOptions = true,
            description = {"Fit the BG/NBD repeat-purchase model (Fader, Hardie & Lee 2005).",
                    "FILE columns: x (or frequency), t_x (or recency), T — one row per customer."})
    static final class BgNbd extends RfmCommand {
        @Override
        String model() {
            return "BG/NBD";
        }

        @Override
        void fit(Rfm d, Map<String, Object> r) {
            BgNbdModel m = new BgNbdTrainer().fit(d.x(), d.tx(), d.t());
            r.put("r", m.r());
            r.put("alpha", m.alpha());
            r.put("a", m.a());
            r.put("b", m.b());
            r.put("log_likelihood", m.logLikelihood());
            r.put("customers", m.observations());
            Map<String, Object> e = new LinkedHashMap<>();
            for (double t : new double[] {1, 4, 13, 26, 39, 52, 78}) {
                e.put(fmt(t), m.expectedPurchases(t));
            }
            r.put("expected_purchases_new_customer", e);
            r.put("mean_p_alive", mean(m.probabilityAlive(d.x(), d.tx(), d.t())));
            r.put("expected_purchases_next_horizon_total", sum(m.conditionalExpectedPurchases(horizon, d.x(), d.tx(), d.t())));
            r.put("p_no_purchase_in_horizon_new_customer", m.probabilityOfPurchases(0, horizon));
        }
    }

    /** {@code icp stats paretonbd}: Pareto/NBD purchase model. */
    @Command(name = "paretonbd", mixinStandardHelpOptions = true,
            description = {"Fit the Pareto/NBD repeat-purchase model (Schmittlein, Morrison & Colombo 1987).",
                    "FILE columns: x (or frequency), t_x (or recency), T — one row per customer."})
    static final class ParetoNbd extends RfmCommand {
        @Override
        String model() {
            return "Pareto/NBD";
        }

        @Override
        void fit(Rfm d, Map<String, Object> r) {
            ParetoNbdModel m = new ParetoNbdTrainer().fit(d.x(), d.tx(), d.t());
            r.put("r", m.r());
            r.put("alpha", m.alpha());
            r.put("s", m.s());
            r.put("beta", m.beta());
            r.put("log_likelihood", m.logLikelihood());
            r.put("customers", m.observations());
            r.put("expected_purchases_new_customer_in_horizon", m.expectedPurchases(horizon));
            r.put("mean_p_alive", mean(m.probabilityAlive(d.x(), d.tx(), d.t())));
            r.put("expected_purchases_next_horizon_total", sum(m.conditionalExpectedPurchases(horizon, d.x(), d.tx(), d.t())));
        }
    }

    /** {@code icp stats gammagamma}: Gamma-Gamma spend model. */
    @Command(name = "gammagamma", mixinStandardHelpOptions = true,
            description = {"Fit the Gamma-Gamma spend model (Fader, Hardie & Lee 2005b) on customers with repeat purchases.",
                    "FILE columns: x (or frequency) and zbar (or monetary_value): mean spend per repeat purchase."})
    static final class GammaGamma implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Format format;

        @Option(names = "--summary", required = true, paramLabel = "FILE", description = "The customer summary CSV.")
        Path file;

        @Override
        public Integer call() {
            CsvColumns csv = CsvColumns.read(file);
            double[] xs = csv.numbers("repeat purchases", "x", "frequency");
            double[] spend = csv.numbers("mean spend", "zbar", "monetary_value", "m");
            int[] x = new int[xs.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = (int) xs[i];
            }
            GammaGammaModel m = new GammaGammaTrainer().fit(x, spend);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", "Gamma-Gamma");
            r.put("file", file.toString());
            r.put("p", m.p());
            r.put("q", m.q());
            r.put("gamma", m.gamma());
            r.put("log_likelihood", m.logLikelihood());
            r.put("customers_with_repeat_purchases", m.observations());
            r.put("population_mean_spend", m.populationMeanSpend());
            List<Map<String, Object>> first = new ArrayList<>();
            for (int i = 0; i < Math.min(10, x.length); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("row", i + 1);
                row.put("x", x[i]);
                row.put("mean_spend", spend[i]);
                row.put("expected_spend", x[i] > 0 ? round(m.conditionalExpectedSpend(x[i], spend[i]), 4) : round(m.populationMeanSpend(), 4));
                first.add(row);
            }
            r.put("conditional_expected_spend_first_rows", first);
            format.print(spec.commandLine().getOut(), r);
            return 0;
        }
    }

    private static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : sum(v) / v.length;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }
}
