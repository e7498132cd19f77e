package org.icpengine.core.pipeline.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.icpengine.stats.binning.Bin;
import org.icpengine.stats.scorecard.Criterion;
import org.icpengine.stats.scorecard.Tier;

/**
 * The scoring table of a model (criterion, bin, points), the table a team pastes into its playbook, as rows,
 * CSV and Markdown. For learned models each row also carries the bin's training accounts and label-1 rate; for
 * hand-written ones the bin is the band's condition.
 */
public final class ScoringTable {

    private ScoringTable() {
    }

    /**
     * One line of the table.
     *
     * @param criterion the criterion
     * @param bin       the bin label, or the band's condition ({@code else} for the else band)
     * @param points    its points
     * @param accounts  training accounts in the bin; -1 for hand-written bands
     * @param rate      share of them with label 1; {@code NaN} for empty bins and hand-written bands
     */
    public record Row(String criterion, String bin, int points, long accounts, double rate) {
    }

    /** The rows of a model's table, criterion by criterion, bins in their order. */
    public static List<Row> rows(ModelFile model) {
        List<Row> out = new ArrayList<>();
        if (model.learned()) {
            for (Criterion c : model.scorecard().criteria()) {
                List<Bin> bins = c.binning().bins();
                for (int b = 0; b < bins.size(); b++) {
                    Bin bin = bins.get(b);
                    out.add(new Row(c.name(), bin.label(), c.pointsOf(b), bin.count(), bin.eventRate()));
                }
            }
        } else {
            for (HandScorecard.Criterion c : model.handWritten().criteria()) {
                for (HandScorecard.Band b : c.bands()) {
                    out.add(new Row(c.name(), b.label(), b.points(), -1, Double.NaN));
                }
            }
        }
        return out;
    }

    /** The table as CSV: {@code criterion,bin,points,accounts,rate} (empty cells where not applicable). */
    public static String csv(ModelFile model) {
        StringBuilder sb = new StringBuilder("criterion,bin,points,accounts,rate\n");
        for (Row r : rows(model)) {
            sb.append(Csv.cell(r.criterion())).append(',').append(Csv.cell(r.bin())).append(',').append(r.points())
                    .append(',').append(r.accounts() < 0 ? "" : Long.toString(r.accounts())).append(',')
                    .append(Double.isNaN(r.rate()) ? "" : String.format(Locale.ROOT, "%.4f", r.rate())).append('\n');
        }
        return sb.toString();
    }

    /** The table and the tier cut-offs as Markdown, headed by the model's name and label. */
    public static String markdown(ModelFile model) {
        StringBuilder sb = new StringBuilder("## Scorecard `").append(model.name()).append("`\n\n");
        if (!model.settings().label().isEmpty()) {
            sb.append("Label: ").append(model.settings().label()).append(". ");
        }
        sb.append("Trained on ").append(model.summary().rows()).append(' ').append(model.summary().population())
                .append(", as of ").append(model.provenance().asOf()).append(".\n\n");
        sb.append("| Criterion | Bin | Points |\n|---|---|---:|\n");
        for (Row r : rows(model)) {
            sb.append("| ").append(md(r.criterion())).append(" | ").append(md(r.bin())).append(" | ").append(r.points())
                    .append(" |\n");
        }
        sb.append("\n| Tier | Minimum score | Share |\n|---|---:|---:|\n");
        for (Tier t : model.tiers()) {
            sb.append("| ").append(md(t.name())).append(" | ")
                    .append(t.minScore() == Integer.MIN_VALUE ? "below" : Integer.toString(t.minScore())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f%%", 100 * t.trainingShare())).append(" |\n");
        }
        return sb.toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
