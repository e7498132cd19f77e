package org.icpengine.core.pipeline.exports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.icpengine.core.pipeline.model.ModelScore;
import org.icpengine.core.pipeline.model.Reason;

/** Sales: every prospect ranked by expected value, with tier and reasons, in columns a CRM imports. */
final class SalesPriority {

    static final String FILE = "sales_priority.csv";

    static final List<String> HEADER = List.of("rank", "account_id", "name", "domain", "industry", "employees_band",
            "country", "score", "tier", "p_win", "expected_value", "reason_1", "reason_2", "reason_3",
            "reason_against", "missing_inputs");

    private SalesPriority() {
    }

    /**
     * The prospects (accounts that are not customers), best first: expected value descending, then P(win), then
     * score (missing values last in each), then {@code account_id}.
     */
    static List<Integer> ranked(ScoredAccounts a) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.customer(i)) {
                out.add(i);
            }
        }
        Comparator<Integer> order = Comparator.<Integer>comparingDouble(i -> descending(a.expectedValue(i)))
                .thenComparingDouble(i -> descending(a.pWin(i)))
                .thenComparingDouble(i -> {
                    ModelScore s = a.scored(i);
                    return s == null ? Double.POSITIVE_INFINITY : -s.score();
                })
                .thenComparing(a::id);
        out.sort(order);
        return out;
    }

    private static double descending(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : -v;
    }

    static void write(ScoredAccounts a, CsvOut out) {
        int rank = 0;
        for (int i : ranked(a)) {
            ModelScore s = a.scored(i);
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(++rank));
            row.add(CsvOut.text(a.id(i)));
            row.add(CsvOut.text(a.value(i, "name")));
            row.add(CsvOut.text(a.value(i, "domain")));
            row.add(CsvOut.text(a.value(i, "industry")));
            row.add(CsvOut.text(a.value(i, "employees_band")));
            row.add(CsvOut.text(a.value(i, "country")));
            row.add(s == null ? "" : Integer.toString(s.score()));
            row.add(s == null ? "" : s.tier());
            row.add(CsvOut.number(a.pWin(i), 4));
            row.add(CsvOut.number(a.expectedValue(i), 2));
            for (int r = 0; r < 3; r++) {
                row.add(s == null || r >= s.gained().size() ? "" : CsvOut.text(words(s.gained().get(r))));
            }
            row.add(s == null || s.lost().isEmpty() ? "" : CsvOut.text(words(s.lost().get(0))));
            row.add(s == null ? "" : CsvOut.text(String.join("; ", s.missing())));
            out.row(row);
        }
    }

    /** A reason as {@code industry = SaaS (+18 pts)}: the criterion, the account's bin, points against the average. */
    static String words(Reason r) {
        return String.format(Locale.ROOT, "%s = %s (%+.0f pts)", r.criterion(), r.bin(), r.delta());
    }
}
