package org.icpengine.core.pipeline.exports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.icpengine.core.config.WorkspaceConfig;
import org.icpengine.core.engine.Engine;
import org.icpengine.core.pipeline.discover.DiscoveryReport;
import org.icpengine.core.pipeline.discover.Indicator;
import org.icpengine.core.segments.Segment;
import org.icpengine.core.segments.SegmentMetric;
import org.icpengine.core.segments.SegmentQuery;
import org.icpengine.core.segments.SegmentTable;
import org.icpengine.core.segments.Segments;
import org.icpengine.errors.InputException;

/** Marketing: segments ranked by ICP index with the prospects left in each, and the prospects of the top ones. */
final class Audiences {

    static final String FILE = "marketing_audiences.csv";
    static final String MEMBERS = "marketing_audience_members.csv";

    private Audiences() {
    }

    /**
     * The grouping: {@code industry} × {@code employees_band}, plus the {@code has_<tech>} flag with the highest
     * information value in the discovery report when {@code tech_stack_flags} are configured and discovery ranked
     * one of them; the flag is left out without a report.
     */
    static List<String> dimensions(WorkspaceConfig config, DiscoveryReport discovery) {
        List<String> dims = new ArrayList<>(List.of("industry", "employees_band"));
        if (discovery != null && !config.techStackFlags().isEmpty()) {
            discovery.indicators().stream()
                    .filter(ind -> ind.name().startsWith("has_")
                            && config.techStackFlags().contains(ind.name().substring(4)))
                    .max(Comparator.comparingDouble(Indicator::iv))
                    .ifPresent(ind -> dims.add(ind.name()));
        }
        return dims;
    }

    static void write(Engine engine, WorkspaceConfig config, LocalDate asOf, ScoredAccounts accounts,
                      DiscoveryReport discovery, ExportSettings settings, CsvOut audiences, CsvOut members,
                      List<String> notes) {
        List<String> dims = dimensions(config, discovery);
        SegmentTable table;
        try {
            table = Segments.compute(engine, config, SegmentQuery.by(dims).asOf(asOf));
        } catch (InputException e) {
            notes.add(FILE + ": segments could not be computed: " + e.getMessage());
            return;
        }
        // prospects per segment key, in the accounts' expected-value order
        Map<List<Object>, List<Integer>> prospects = new HashMap<>();
        for (int i : SalesPriority.ranked(accounts)) {
            List<Object> key = new ArrayList<>(dims.size());
            for (String d : dims) {
                key.add(accounts.value(i, d));
            }
            prospects.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<String> top = topTiers(accounts);
        int listed = 0;
        for (Segment s : table.segments()) {
            List<Object> key = new ArrayList<>(s.key().values());
            List<Integer> left = prospects.getOrDefault(key, List.of());
            long topTier = left.stream().filter(i -> accounts.tier(i) != null && top.contains(accounts.tier(i))).count();
            double ev = 0;
            boolean anyEv = false;
            for (int i : left) {
                double v = accounts.expectedValue(i);
                if (!Double.isNaN(v)) {
                    ev += v;
                    anyEv = true;
                }
            }
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(s.icpRank()));
            row.add(CsvOut.text(s.label()));
            for (String d : dims) {
                Object v = s.value(d);
                row.add(v instanceof Boolean b ? b.toString() : CsvOut.text(v));
            }
            row.add(CsvOut.number(s.icpIndex(), 1));
            row.add(Boolean.toString(s.small()));
            row.add(Long.toString(s.accounts()));
            row.add(Long.toString(s.customers()));
            row.add(Integer.toString(left.size()));
            row.add(accounts.scoreModel == null ? "" : Long.toString(topTier));
            row.add(anyEv ? CsvOut.number(ev, 2) : "");
            row.add(CsvOut.number(s.metric(SegmentMetric.WIN_RATE).shrunk(), 4));
            row.add(CsvOut.number(s.metric(SegmentMetric.LTV_CAC).shrunk(), 2));
            row.add(CsvOut.number(s.metric(SegmentMetric.RETAINED_12M).shrunk(), 4));
            row.add(CsvOut.number(s.metric(SegmentMetric.NRR_12M).shrunk(), 4));
            audiences.row(row);
            if (listed < settings.topSegments() && !s.small() && !left.isEmpty()) {
                listed++;
                for (int i : left) {
                    members.row(member(s, accounts, i));
                }
            }
        }
        if (table.smallSegments() > 0) {
            notes.add(FILE + ": " + table.smallSegments() + " segments have fewer than " + table.minSize()
                    + " accounts (small = true); their ICP index is shrunk towards 100 but still uncertain, and "
                    + MEMBERS + " skips them");
        }
    }

    static List<String> header(List<String> dims) {
        List<String> h = new ArrayList<>(List.of("icp_rank", "segment"));
        h.addAll(dims);
        h.addAll(List.of("icp_index", "small", "accounts", "customers", "prospects", "prospects_top_tiers",
                "prospects_expected_value", "win_rate", "ltv_cac", "retained_12m", "nrr_12m"));
        return h;
    }

    static List<String> membersHeader() {
        return List.of("icp_rank", "segment", "account_id", "name", "domain", "industry", "employees_band", "country",
                "tier", "score", "expected_value");
    }

    private static List<String> member(Segment s, ScoredAccounts a, int i) {
        var score = a.scored(i);
        return List.of(Integer.toString(s.icpRank()), CsvOut.text(s.label()), CsvOut.text(a.id(i)),
                CsvOut.text(a.value(i, "name")), CsvOut.text(a.value(i, "domain")), CsvOut.text(a.value(i, "industry")),
                CsvOut.text(a.value(i, "employees_band")), CsvOut.text(a.value(i, "country")),
                score == null ? "" : score.tier(), score == null ? "" : Integer.toString(score.score()),
                CsvOut.number(a.expectedValue(i), 2));
    }

    /** The two best tiers of the score model ("tier A/B"). */
    static List<String> topTiers(ScoredAccounts a) {
        List<String> names = a.tierNames();
        return names.subList(0, Math.min(2, names.size()));
    }
}
