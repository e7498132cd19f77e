package org.icpengine.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.icpengine.core.pipeline.discover.DiscoveryReport;
import org.icpengine.core.pipeline.discover.IcpRule;
import org.icpengine.core.pipeline.discover.Indicator;
import org.icpengine.core.pipeline.discover.Persona;
import org.icpengine.core.pipeline.model.ModelFile;
import org.icpengine.core.pipeline.model.ScoringTable;
import org.icpengine.core.pipeline.validate.ValidationReport;
import org.icpengine.core.pipeline.validate.ValidationReport.ModelValidation;
import org.icpengine.core.report.ReportModel.Block;
import org.icpengine.core.report.ReportModel.Chart;
import org.icpengine.core.report.ReportModel.Section;
import org.icpengine.core.report.ReportModel.Table;
import org.icpengine.core.report.ReportModel.Text;
import org.icpengine.core.segments.Estimate;
import org.icpengine.core.segments.Segment;
import org.icpengine.core.segments.SegmentMetric;
import org.icpengine.core.segments.SegmentTable;

/**
 * Turns {@link ReportInputs} into the sections of the report, in a fixed order; a section whose data is missing
 * keeps its heading and shows its notes.
 */
final class Sections {

    /** Segments listed in the segment table. */
    static final int SEGMENT_ROWS = 15;

    private Sections() {
    }

    /** The report model of these inputs. */
    static ReportModel build(ReportInputs in) {
        List<Section> sections = List.of(icp(in), indicators(in), segments(in), rules(in), personas(in), scoring(in),
                validation(in), retention(in), exports(in));
        return new ReportModel("Ideal Customer Profile", "Workspace " + in.workspace() + ", data as of " + in.asOf(),
                in.asOf(), sections);
    }

    private static Section icp(ReportInputs in) {
        List<Block> b = new ArrayList<>();
        List<String> notes = new ArrayList<>(in.notes("icp"));
        DiscoveryReport d = in.discovery();
        if (d == null) {
            notes.add("no ICP definition without discovery; run 'icp metrics' then 'icp discover'");
        } else {
            b.add(new Text("Ideal outcome: ", "a customer is ideal when " + d.ideal()
                    + " (judged on customers acquired at least 12 months before " + d.asOf() + ")."));
            if (d.rules().isEmpty()) {
                notes.add("no ICP rule: " + d.skipped().getOrDefault("rules", "no rule passed the thresholds"));
            } else {
                b.add(new Text("Your ICP: ", d.rules().get(0).sentence()));
            }
            DiscoveryReport.Population p = d.population();
            b.add(new Table("Population", List.of("accounts", "customers", "mature customers", "labelled", "ideal",
                    "ideal rate"), List.of(List.of(count(p.accounts()), count(p.customers()), count(p.mature()),
                    count(p.labelled()), count(p.ideal()), pct(p.idealRate())))));
            if (!d.indicators().isEmpty()) {
                Indicator top = d.indicators().get(0);
                b.add(new Text("Strongest indicator: ", top.name() + " (IV " + fixed(top.iv(), 3) + ", "
                        + top.strength().toString().toLowerCase(Locale.ROOT) + ")."));
            }
            notes.addAll(d.notes());
        }
        return new Section("icp", "The Ideal Customer Profile", b, notes);
    }

    private static Section indicators(ReportInputs in) {
        List<Block> b = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        DiscoveryReport d = in.discovery();
        if (d == null || d.indicators().isEmpty()) {
            notes.add(d == null ? "no discovery report; run 'icp discover'"
                    : "no indicator: " + d.skipped().getOrDefault("indicators", "none was found"));
        } else {
            b.add(new Chart("chart-iv", "Information value of each indicator", Charts.informationValue(d.indicators()),
                    Math.max(200, 26 * d.indicators().size() + 60)));
            List<List<String>> rows = new ArrayList<>();
            for (Indicator i : d.indicators()) {
                Indicator.Bin best = i.bins().stream().max(java.util.Comparator.comparingDouble(Indicator.Bin::idealRate))
                        .orElse(null);
                rows.add(List.of(i.name(), i.group(), fixed(i.iv(), 3), i.strength().toString().toLowerCase(Locale.ROOT),
                        best == null ? "-" : best.label() + " (" + pct(best.idealRate()) + " ideal, n = " + best.customers() + ")"));
            }
            b.add(new Table("Indicators by information value", List.of("indicator", "group", "IV", "strength",
                    "most ideal bin"), rows));
        }
        return new Section("indicators", "Winning indicators", b, notes);
    }

    private static Section segments(ReportInputs in) {
        List<Block> b = new ArrayList<>();
        List<String> notes = new ArrayList<>(in.notes("segments"));
        SegmentTable t = in.segments();
        if (t == null || t.segments().isEmpty()) {
            notes.add("no segments; run 'icp metrics' after ingesting accounts");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Segment s : t.segments().subList(0, Math.min(SEGMENT_ROWS, t.segments().size()))) {
                rows.add(List.of(String.valueOf(s.icpRank()), s.label() + (s.small() ? " (small)" : ""),
                        fixed(s.icpIndex(), 0), count(s.accounts()), count(s.customers()),
                        rate(s.metric(SegmentMetric.WIN_RATE)), rate(s.metric(SegmentMetric.RETAINED_12M)),
                        ratio(s.metric(SegmentMetric.NRR_12M)), money(s.metric(SegmentMetric.LTV).value(), in.currency()),
                        fixed(s.metric(SegmentMetric.LTV_CAC).value(), 1)));
            }
            b.add(new Table(String.format(Locale.ROOT, "Best %d of %d segments by %s (ICP index; 95%% intervals)",
                    rows.size(), t.segments().size(), String.join(" × ", t.dimensions())),
                    List.of("rank", "segment", "ICP index", "accounts", "customers", "win rate", "retained 12m",
                            "NRR 12m", "LTV", "LTV/CAC"), rows));
            notes.addAll(t.notes());
        }
        return new Section("segments", "Segments", b, notes);
    }

    private static Section rules(ReportInputs in) {
        List<Block> b = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        DiscoveryReport d = in.discovery();
        if (d == null || d.rules().isEmpty()) {
            notes.add(d == null ? "no discovery report; run 'icp discover'"
                    : "no ICP rule: " + d.skipped().getOrDefault("rules", "no rule passed the thresholds"));
        } else {
            List<List<String>> rows = new ArrayList<>();
            int k = 1;
            for (IcpRule r : d.rules()) {
                rows.add(List.of(String.valueOf(k++), r.sentence(), count(r.customers()), pct(r.idealRate()) + " ["
                        + pct(r.idealRateLow()) + ", " + pct(r.idealRateHigh()) + "]", fixed(r.lift(), 2) + "×",
                        r.medianLtvCac() == null ? "-" : fixed(r.medianLtvCac(), 1), r.expression()));
            }
            b.add(new Table("ICP rules, best first", List.of("#", "rule", "customers", "ideal rate [95%]", "lift",
                    "median LTV/CAC", "expression"), rows));
        }
        return new Section("rules", "ICP rules", b, notes);
    }

    private static Section personas(ReportInputs in) {
        List<Block> b = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        DiscoveryReport d = in.discovery();
        if (d == null || d.personas().isEmpty()) {
            notes.add(d == null ? "no discovery report; run 'icp discover'"
                    : "no personas: " + d.skipped().getOrDefault("personas", "none was found"));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Persona p : d.personas()) {
                List<String> pains = p.painPoints().stream().limit(3)
                        .map(x -> x.tag() + " (" + fixed(x.lift(), 1) + "×)").toList();
                rows.add(List.of(String.valueOf(p.id()), p.label(), count(p.customers()), pct(p.share()), p.summary(),
                        pains.isEmpty() ? "-" : String.join(", ", pains),
                        p.cultureFit() == null ? "-" : fixed(p.cultureFit().mean(), 1)));
            }
            b.add(new Table("Personas of the ideal customers", List.of("#", "persona", "customers", "share", "summary",
                    "pain points", "culture fit"), rows));
            d.skipped().forEach((k, v) -> {
                if (k.equals("pain_points") || k.equals("culture_fit")) {
                    notes.add(k + ": " + v);
                }
            });
        }
        return new Section("personas", "Personas", b, notes);
    }

    private static Section scoring(ReportInputs in) {
        List<Block> b = new ArrayList<>();
        List<String> notes = new ArrayList<>(in.notes("scoring"));
        if (in.models().isEmpty()) {
            notes.add("no scorecard; run 'icp fit' (needs enough labelled accounts)");
        }
        for (ModelFile m : in.models()) {
            List<List<String>> rows = new ArrayList<>();
            for (ScoringTable.Row r : ScoringTable.rows(m)) {
                rows.add(List.of(r.criterion(), r.bin(), String.valueOf(r.points()), count(r.accounts()), pct(r.rate())));
            }
            b.add(new Table("Scorecard " + m.name() + " (" + m.kind() + ")", List.of("criterion", "bin", "points",
                    "accounts", "rate"), rows));
        }
        return new Section("scoring", "Scoring tables", b, notes);
    }

    private static Section validation(ReportInputs in) {
        List<Block> b = new ArrayList<>();
        List<String> notes = new ArrayList<>(in.notes("validation"));
        ValidationReport v = in.validation();
        if (v == null || v.models().isEmpty()) {
            notes.add(v == null ? "no validation; run 'icp validate'" : "no model could be validated");
        } else {
            b.add(new Text("Method: ", v.method().description()));
            List<List<String>> rows = new ArrayList<>();
            for (ModelValidation m : v.models()) {
                rows.add(List.of(m.name(), m.kind(), count(m.split().testRows()),
                        m.auc() == null ? "-" : fixed(m.auc().estimate(), 3) + " [" + fixed(m.auc().lower(), 3) + ", "
                                + fixed(m.auc().upper(), 3) + "]", fixed(m.ks(), 3),
                        m.brier() == null ? "-" : fixed(m.brier(), 3),
                        m.gains().isEmpty() ? "-" : fixed(m.gains().get(0).lift(), 2) + "×", m.verdict()));
            }
            b.add(new Table("Models on their test split", List.of("model", "kind", "test rows", "AUC [95% DeLong]", "KS",
                    "Brier", "top-decile lift", "verdict"), rows));
            b.add(new Chart("chart-roc", "ROC curves (test split, points at each decile of the score)",
                    Charts.roc(v.models()), 380));
            b.add(new Chart("chart-gains", "Cumulative gains", Charts.gains(v.models()), 360));
            b.add(new Chart("chart-lift", "Lift per decile", Charts.lift(v.models()), 320));
            if (v.models().stream().anyMatch(m -> !m.calibration().isEmpty())) {
                b.add(new Chart("chart-calibration", "Calibration of the learned models", Charts.calibration(v.models()), 360));
            }
            for (ModelValidation m : v.models()) {
                if (m.tiers().isEmpty()) {
                    continue;
                }
                List<List<String>> t = new ArrayList<>();
                for (ValidationReport.TierOutcome o : m.tiers()) {
                    t.add(List.of(o.tier(), o.minScore() == null ? "-" : String.valueOf(o.minScore()), count(o.accounts()),
                            pct(o.labelRate()), pct(o.idealRate()), pct(o.winRate()), money(o.medianLtv(), in.currency()),
                            fixed(o.medianNrr(), 2), fixed(o.medianLtvCac(), 1)));
                }
                b.add(new Table("Outcomes per tier: " + m.name() + " (label: " + m.label() + ")", List.of("tier",
                        "min score", "accounts", "label rate", "ideal rate", "win rate", "median LTV", "median NRR",
                        "median LTV/CAC"), t));
                b.add(new Chart("chart-tiers-" + m.name().replaceAll("[^A-Za-z0-9-]", "-"), "Rates per tier: " + m.name(),
                        Charts.tiers(m), 280));
            }
            v.skipped().forEach(s -> notes.add("skipped " + s.model() + ": " + s.reason()));
            notes.addAll(v.notes());
        }
        return new Section("validation", "Validation", b, notes);
    }

    private static Section retention(ReportInputs in) {
        List<Block> b = new ArrayList<>();
        List<String> notes = new ArrayList<>(in.notes("retention"));
        if (!in.retention().isEmpty()) {
            b.add(new Chart("chart-retention", "Observed retention (solid) and sBG fit (dashed) by segment",
                    Charts.retention(in.retention()), 420));
            List<List<String>> rows = new ArrayList<>();
            for (RetentionCurve c : in.retention()) {
                double[] o = c.observed();
                rows.add(List.of(c.segment(), count(c.customers()), count(c.churned()), c.source().toLowerCase(Locale.ROOT),
                        String.valueOf(o.length - 1), pct(o[o.length - 1])));
            }
            b.add(new Table("Retention per segment", List.of("segment", "customers", "churned", "sBG fit from",
                    "months observed", "observed survival at the end"), rows));
        }
        SegmentTable ltv = in.ltv();
        if (ltv != null && ltv.segments().stream().noneMatch(s -> s.metric(SegmentMetric.LTV).present())) {
            notes.add("no LTV per segment: LTV needs subscriptions (MRR and churn) and a retention model");
        } else if (ltv != null && !ltv.segments().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            Map<String, Double> bars = new LinkedHashMap<>();
            for (Segment s : ltv.segments()) {
                Estimate e = s.metric(SegmentMetric.LTV);
                rows.add(List.of(s.label(), count(s.customers()), money(e.value(), in.currency()),
                        money(s.metric(SegmentMetric.ARPA).value(), in.currency()),
                        money(s.metric(SegmentMetric.CAC).value(), in.currency()),
                        fixed(s.metric(SegmentMetric.LTV_CAC).value(), 1), s.ltvSource().toString().toLowerCase(Locale.ROOT)));
                if (e.present()) {
                    bars.put(s.label(), e.value());
                }
            }
            b.add(new Table("LTV per segment by " + String.join(", ", ltv.dimensions()), List.of("segment", "customers",
                    "LTV", "ARPA", "CAC", "LTV/CAC", "retention model"), rows));
            if (!bars.isEmpty()) {
                b.add(new Chart("chart-ltv", "LTV per segment (" + in.currency() + ")", Charts.bars("LTV", bars), 340));
            }
        }
        if (b.isEmpty() && notes.isEmpty()) {
            notes.add("no retention data; ingest subscriptions and run 'icp metrics'");
        }
        return new Section("retention", "Retention and LTV", b, notes);
    }

    private static Section exports(ReportInputs in) {
        List<Block> b = new ArrayList<>(in.exports().values());
        List<String> notes = new ArrayList<>(in.notes("exports"));
        if (b.isEmpty() && notes.isEmpty()) {
            notes.add("no exports; run 'icp export'");
        }
        return new Section("exports", "Team outputs", b, notes);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String pct(Double v) {
        return v == null || !Double.isFinite(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String fixed(Double v, int digits) {
        return v == null || !Double.isFinite(v) ? "-" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    static String money(Double v, String currency) {
        return v == null || !Double.isFinite(v) ? "-" : String.format(Locale.ROOT, "%,.0f %s", v, currency);
    }

    /** A rate with its interval, e.g. "42.0% [35.1, 49.2]". */
    static String rate(Estimate e) {
        if (!e.present()) {
            return "-";
        }
        return pct(e.value()) + (e.hasInterval() ? String.format(Locale.ROOT, " [%.1f, %.1f]", 100 * e.lower(),
                100 * e.upper()) : "");
    }

    /** A ratio with its interval, e.g. "1.05 [0.98, 1.12]". */
    static String ratio(Estimate e) {
        if (!e.present()) {
            return "-";
        }
        return fixed(e.value(), 2) + (e.hasInterval() ? String.format(Locale.ROOT, " [%.2f, %.2f]", e.lower(),
                e.upper()) : "");
    }
}
