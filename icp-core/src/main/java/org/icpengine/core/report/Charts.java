package org.icpengine.core.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.icpengine.core.pipeline.discover.Indicator;
import org.icpengine.core.pipeline.validate.ValidationReport.ModelValidation;
import org.icpengine.core.pipeline.validate.ValidationReport.TierOutcome;
import org.icpengine.stats.eval.CalibrationBin;
import org.icpengine.stats.eval.GainsRow;

/**
 * ECharts option objects for the pipeline's results, built as Jackson trees (data only, never script), shared by
 * the report and the dashboard. Each builder accepts empty input and returns a chart with no series then. Values
 * that are NaN or null become JSON {@code null}, which ECharts draws as a gap.
 */
public final class Charts {

    /** The mapper the options are built with and written by. */
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private Charts() {
    }

    /** Horizontal bars of the information value of each indicator, highest on top. */
    public static ObjectNode informationValue(List<Indicator> indicators) {
        ObjectNode o = base();
        o.putObject("grid").put("left", 180).put("right", 30).put("top", 20).put("bottom", 40);
        o.putObject("xAxis").put("type", "value").put("name", "information value").put("nameLocation", "middle")
                .put("nameGap", 25);
        ArrayNode names = o.putObject("yAxis").put("type", "category").put("inverse", true).putArray("data");
        ArrayNode data = JSON.createArrayNode();
        for (Indicator i : indicators) {
            names.add(i.name());
            data.add(number(i.iv()));
        }
        ObjectNode s = o.putArray("series").addObject().put("type", "bar").put("name", "IV");
        s.set("data", data);
        o.putObject("tooltip").put("trigger", "axis");
        return o;
    }

    /**
     * ROC points from a lift table: after each group, (false positive rate, true positive rate) of calling every
     * row of groups 1..k positive, starting at (0, 0). With one class absent a rate is 0/0 and the points are empty.
     */
    public static double[][] rocFromGains(List<GainsRow> gains) {
        if (gains.isEmpty()) {
            return new double[0][];
        }
        GainsRow last = gains.get(gains.size() - 1);
        double positives = last.cumulativePositives();
        double negatives = last.cumulativeCount() - positives;
        if (!(positives > 0) || !(negatives > 0)) {
            return new double[0][];
        }
        double[][] points = new double[gains.size() + 1][];
        points[0] = new double[] {0, 0};
        for (int k = 0; k < gains.size(); k++) {
            GainsRow g = gains.get(k);
            points[k + 1] = new double[] {(g.cumulativeCount() - g.cumulativePositives()) / negatives,
                    g.cumulativePositives() / positives};
        }
        return points;
    }

    /** ROC curves of the models on their test split (from their lift tables, see {@link #rocFromGains}) and chance. */
    public static ObjectNode roc(List<ModelValidation> models) {
        ObjectNode o = unitSquare("false positive rate", "true positive rate");
        ArrayNode series = o.putArray("series");
        for (ModelValidation m : models) {
            ArrayNode data = JSON.createArrayNode();
            for (double[] p : rocFromGains(m.gains())) {
                data.addArray().add(number(p[0])).add(number(p[1]));
            }
            String name = m.auc() == null ? m.name()
                    : String.format(java.util.Locale.ROOT, "%s (AUC %.3f)", m.name(), m.auc().estimate());
            series.addObject().put("type", "line").put("name", name).set("data", data);
        }
        diagonal(series, "chance");
        return o;
    }

    /** Cumulative gains: share of label-1 accounts captured against share of accounts contacted, best first. */
    public static ObjectNode gains(List<ModelValidation> models) {
        ObjectNode o = unitSquare("share of accounts, best scores first", "share of label-1 accounts captured");
        ArrayNode series = o.putArray("series");
        for (ModelValidation m : models) {
            ArrayNode data = JSON.createArrayNode();
            data.addArray().add(0).add(0);
            double total = m.gains().isEmpty() ? 0 : m.gains().get(m.gains().size() - 1).cumulativeCount();
            for (GainsRow g : m.gains()) {
                data.addArray().add(number(g.cumulativeCount() / total)).add(number(g.cumulativeGain()));
            }
            series.addObject().put("type", "line").put("name", m.name()).set("data", data);
        }
        diagonal(series, "random");
        return o;
    }

    /** Lift per decile (group rate over the overall rate), one bar series per model. */
    public static ObjectNode lift(List<ModelValidation> models) {
        ObjectNode o = base();
        ArrayNode groups = o.putObject("xAxis").put("type", "category").put("name", "decile").putArray("data");
        int n = models.stream().mapToInt(m -> m.gains().size()).max().orElse(0);
        for (int i = 1; i <= n; i++) {
            groups.add(String.valueOf(i));
        }
        o.putObject("yAxis").put("type", "value").put("name", "lift");
        ArrayNode series = o.putArray("series");
        for (ModelValidation m : models) {
            ArrayNode data = JSON.createArrayNode();
            for (GainsRow g : m.gains()) {
                data.add(number(g.lift()));
            }
            series.addObject().put("type", "bar").put("name", m.name()).set("data", data);
        }
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("top", 0);
        return o;
    }

    /** Calibration: observed rate against mean predicted probability per bin, and the diagonal of perfect calibration. */
    public static ObjectNode calibration(List<ModelValidation> models) {
        ObjectNode o = unitSquare("mean predicted probability", "observed rate");
        ArrayNode series = o.putArray("series");
        for (ModelValidation m : models) {
            if (m.calibration().isEmpty()) {
                continue;
            }
            ArrayNode data = JSON.createArrayNode();
            for (CalibrationBin b : m.calibration()) {
                data.addArray().add(number(b.meanPredicted())).add(number(b.observedRate())).add(b.count());
            }
            series.addObject().put("type", "line").put("name", m.name()).set("data", data);
        }
        diagonal(series, "perfect");
        return o;
    }

    /** Outcomes per tier of one model: its label rate and ideal rate per tier, as bars. */
    public static ObjectNode tiers(ModelValidation model) {
        ObjectNode o = base();
        ArrayNode names = o.putObject("xAxis").put("type", "category").putArray("data");
        ArrayNode label = JSON.createArrayNode();
        ArrayNode ideal = JSON.createArrayNode();
        ArrayNode win = JSON.createArrayNode();
        for (TierOutcome t : model.tiers()) {
            names.add(t.tier());
            label.add(number(t.labelRate()));
            ideal.add(number(t.idealRate()));
            win.add(number(t.winRate()));
        }
        o.putObject("yAxis").put("type", "value").put("name", "rate").put("max", 1);
        ArrayNode series = o.putArray("series");
        series.addObject().put("type", "bar").put("name", "label rate").set("data", label);
        series.addObject().put("type", "bar").put("name", "ideal rate").set("data", ideal);
        series.addObject().put("type", "bar").put("name", "win rate").set("data", win);
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("top", 0);
        return o;
    }

    /**
     * Retention curves: per segment, observed survival (Kaplan–Meier, solid) and its sBG fit (dashed), by month.
     */
    public static ObjectNode retention(List<RetentionCurve> curves) {
        ObjectNode o = base();
        o.putObject("xAxis").put("type", "value").put("name", "months as a customer").put("nameLocation", "middle")
                .put("nameGap", 25).put("min", 0);
        o.putObject("yAxis").put("type", "value").put("name", "share still a customer").put("min", 0).put("max", 1);
        ArrayNode series = o.putArray("series");
        for (RetentionCurve c : curves) {
            ArrayNode obs = JSON.createArrayNode();
            double[] observed = c.observed();
            for (int t = 0; t < observed.length; t++) {
                obs.addArray().add(t).add(number(observed[t]));
            }
            series.addObject().put("type", "line").put("name", c.segment() + " observed").put("step", "end")
                    .put("showSymbol", false).set("data", obs);
            if (c.fitted().length > 0) {
                ArrayNode fit = JSON.createArrayNode();
                for (int t = 0; t < c.fitted().length; t++) {
                    fit.addArray().add(t).add(number(c.fitted()[t]));
                }
                ObjectNode s = series.addObject().put("type", "line").put("name", c.segment() + " sBG fit")
                        .put("showSymbol", false);
                s.putObject("lineStyle").put("type", "dashed");
                s.set("data", fit);
            }
        }
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("type", "scroll").put("top", 0);
        o.putObject("grid").put("top", 50).put("left", 60).put("right", 30).put("bottom", 50);
        return o;
    }

    /** Vertical bars of one value per label (e.g. LTV per segment), in the given order. */
    public static ObjectNode bars(String valueName, Map<String, Double> values) {
        ObjectNode o = base();
        ArrayNode names = o.putObject("xAxis").put("type", "category").putArray("data");
        o.withObject("/xAxis").putObject("axisLabel").put("interval", 0).put("rotate", 30);
        ArrayNode data = JSON.createArrayNode();
        values.forEach((k, v) -> {
            names.add(k);
            data.add(number(v));
        });
        o.putObject("yAxis").put("type", "value").put("name", valueName);
        o.putArray("series").addObject().put("type", "bar").put("name", valueName).set("data", data);
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("grid").put("bottom", 90).put("left", 70).put("right", 30);
        return o;
    }

    private static ObjectNode base() {
        ObjectNode o = JSON.createObjectNode();
        o.put("animation", false);
        return o;
    }

    private static ObjectNode unitSquare(String x, String y) {
        ObjectNode o = base();
        o.putObject("xAxis").put("type", "value").put("name", x).put("nameLocation", "middle").put("nameGap", 25)
                .put("min", 0).put("max", 1);
        o.putObject("yAxis").put("type", "value").put("name", y).put("min", 0).put("max", 1);
        o.putObject("tooltip").put("trigger", "item");
        o.putObject("legend").put("top", 0);
        o.putObject("grid").put("top", 50).put("left", 60).put("right", 30).put("bottom", 50);
        return o;
    }

    private static void diagonal(ArrayNode series, String name) {
        ObjectNode s = series.addObject().put("type", "line").put("name", name).put("showSymbol", false);
        s.putObject("lineStyle").put("type", "dotted").put("color", "#999");
        ArrayNode d = s.putArray("data");
        d.addArray().add(0).add(0);
        d.addArray().add(1).add(1);
    }

    private static com.fasterxml.jackson.databind.JsonNode number(Double v) {
        return v == null || !Double.isFinite(v) ? JSON.nullNode() : JSON.getNodeFactory().numberNode(v);
    }
}
