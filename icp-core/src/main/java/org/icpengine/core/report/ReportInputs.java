package org.icpengine.core.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.icpengine.core.pipeline.discover.DiscoveryReport;
import org.icpengine.core.pipeline.model.ModelFile;
import org.icpengine.core.pipeline.validate.ValidationReport;
import org.icpengine.core.segments.SegmentTable;

/**
 * Everything a report is drawn from, gathered by {@link Reports#gather}. A part that could not be computed is
 * {@code null} (or empty) and has a note in {@link #notes} under its section id saying why.
 *
 * @param workspace  the workspace's folder name
 * @param asOf       the date of the data, yyyy-mm-dd
 * @param discovery  the discovery report, or {@code null}
 * @param models     the scorecards, possibly empty
 * @param validation the validation report, or {@code null}
 * @param segments   the segment table of the report's dimensions, or {@code null}
 * @param ltv        the segment table by {@code ltv.segment_by}, or {@code null}
 * @param retention  the retention curves, possibly empty
 * @param exports    per export file name, its first rows as a table; empty when absent
 * @param currency   the workspace currency
 * @param notes      per section id, notes on what is missing or where it came from
 */
public record ReportInputs(String workspace, String asOf, DiscoveryReport discovery, List<ModelFile> models,
                           ValidationReport validation, SegmentTable segments, SegmentTable ltv,
                           List<RetentionCurve> retention, Map<String, ReportModel.Table> exports, String currency,
                           Map<String, List<String>> notes) {

    /** Validates and copies. */
    public ReportInputs {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(asOf, "asOf");
        models = List.copyOf(models);
        retention = List.copyOf(retention);
        exports = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exports));
        Objects.requireNonNull(currency, "currency");
        java.util.Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
        notes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        notes = java.util.Collections.unmodifiableMap(copy);
    }

    /** The notes of section {@code id}, empty if none. */
    public List<String> notes(String id) {
        return notes.getOrDefault(id, List.of());
    }
}
