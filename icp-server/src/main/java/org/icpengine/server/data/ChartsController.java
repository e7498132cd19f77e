package org.icpengine.server.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.icpengine.core.pipeline.validate.Validation;
import org.icpengine.core.pipeline.validate.ValidationReport;
import org.icpengine.core.pipeline.validate.ValidationReport.ModelValidation;
import org.icpengine.core.report.Charts;
import org.icpengine.core.segments.Segment;
import org.icpengine.core.segments.SegmentTable;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.server.internal.ApiException;

import io.javalin.http.Context;

/**
 * {@code GET /api/v1/charts/...}: ECharts options built by {@link Charts}, the builders of the HTML report, so the
 * dashboard draws what the report draws without building options of its own.
 *
 * <ul>
 *   <li>{@code charts/segments}: {@link Charts#bars} of the ICP index of the first {@value #SEGMENT_BARS} segments
 *       of the table {@code GET /api/v1/segments} answers for the same parameters (same 400s);</li>
 *   <li>{@code charts/validation/gains} and {@code charts/validation/calibration}: {@link Charts#gains} and
 *       {@link Charts#calibration} of every model of {@code out/validation.json}, or of the one named by
 *       {@code ?model=}; 404 when {@code icp validate} has not been run or there is no such model.</li>
 * </ul>
 */
public final class ChartsController {

    /** Bars drawn at most on the segments chart (the table lists them all). */
    static final int SEGMENT_BARS = 30;

    private static final ObjectMapper READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Workspace workspace;
    private final SegmentsController segments;

    /** A controller over a workspace's {@code out/} and the segment tables of {@code segments}. */
    public ChartsController(Workspace workspace, SegmentsController segments) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.segments = Objects.requireNonNull(segments, "segments");
    }

    /** Handles {@code GET /api/v1/charts/segments}. */
    public void segments(Context ctx) {
        SegmentTable t = segments.compute(ctx);
        Map<String, Double> bars = new LinkedHashMap<>();
        for (Segment s : t.segments().subList(0, Math.min(SEGMENT_BARS, t.segments().size()))) {
            bars.put(s.key().isEmpty() ? "all accounts" : s.label(), s.icpIndex());
        }
        ctx.json(Charts.bars("ICP index", bars));
    }

    /** Handles {@code GET /api/v1/charts/validation/gains}. */
    public void gains(Context ctx) {
        ctx.json(validationChart(ctx, Charts::gains));
    }

    /** Handles {@code GET /api/v1/charts/validation/calibration}. */
    public void calibration(Context ctx) {
        ctx.json(validationChart(ctx, Charts::calibration));
    }

    private ObjectNode validationChart(Context ctx, Function<List<ModelValidation>, ObjectNode> chart) {
        Path file = workspace.outDir().resolve(Validation.FILE);
        if (!Files.isRegularFile(file)) {
            throw ApiException.notFound("no " + file.getFileName() + " yet; run 'icp validate' first");
        }
        ValidationReport report;
        try {
            report = READER.readValue(file.toFile(), ValidationReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String model = ctx.queryParam("model");
        if (model == null || model.isBlank()) {
            return chart.apply(report.models());
        }
        ModelValidation m = report.model(model).orElseThrow(() -> ApiException.notFound("no model '" + model
                + "' in " + file.getFileName() + "; models: "
                + String.join(", ", report.models().stream().map(ModelValidation::name).toList())));
        return chart.apply(List.of(m));
    }
}
