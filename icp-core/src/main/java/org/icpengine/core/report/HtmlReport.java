package org.icpengine.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.icpengine.core.report.ReportModel.Block;
import org.icpengine.core.report.ReportModel.Chart;
import org.icpengine.core.report.ReportModel.Section;
import org.icpengine.core.report.ReportModel.Table;
import org.icpengine.core.report.ReportModel.Text;
import org.icpengine.errors.IcpException;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page: styles, ECharts and the chart options inlined, so
 * it opens with no network. Every text is HTML-escaped ({@link #escape}); the chart options go into one
 * {@code <script type="application/json">} block with {@code <}, {@code >} and {@code &} written as JSON
 * {@code \\u} escapes, so no data can close the block or start markup. Thread-safe.
 */
public final class HtmlReport {

    /** The classpath resource of the ECharts build inlined into every page. */
    public static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private HtmlReport() {
    }

    /** The page of {@code model}. */
    public static String render(ReportModel model) {
        StringBuilder h = new StringBuilder(1_200_000);
        ObjectNode charts = Charts.JSON.createObjectNode();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(model.title() + " — " + model.asOf())).append("</title>\n<style>\n")
                .append(resource("org/icpengine/core/report/report.css")).append("</style>\n</head>\n<body>\n")
                .append("<header><h1>").append(escape(model.title())).append("</h1><div>")
                .append(escape(model.subtitle())).append("</div></header>\n<nav>");
        for (Section s : model.sections()) {
            h.append("<a href=\"#").append(s.id()).append("\">").append(escape(s.title())).append("</a>");
        }
        h.append("</nav>\n<main>\n");
        for (Section s : model.sections()) {
            h.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(escape(s.title())).append("</h2>\n");
            for (Block b : s.blocks()) {
                block(h, b, charts);
            }
            for (String n : s.notes()) {
                h.append("<p class=\"note\">").append(escape(n)).append("</p>\n");
            }
            h.append("</section>\n");
        }
        h.append("</main>\n<script type=\"application/json\" id=\"icp-charts\">").append(scriptJson(charts))
                .append("</script>\n<script>\n").append(resource(ECHARTS).replace("</script", "<\\/script"))
                .append("\n</script>\n<script>\n").append(resource("org/icpengine/core/report/report.js"))
                .append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * JSON safe inside a {@code <script>} element: {@code <}, {@code >}, {@code &}, U+2028 and U+2029 become
     * {@code \\u} escapes. Those characters can only occur inside JSON strings, where the escape means the same.
     */
    public static String scriptJson(ObjectNode value) {
        try {
            return Charts.JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IcpException("cannot write the chart options: " + e.getMessage(), e);
        }
    }

    /** {@code text} with {@code & < > " '} as character references; {@code null} as {@code ""}. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void block(StringBuilder h, Block b, ObjectNode charts) {
        if (b instanceof Text t) {
            h.append("<p>");
            if (!t.lead().isEmpty()) {
                h.append("<strong>").append(escape(t.lead())).append("</strong>");
            }
            h.append(escape(t.text())).append("</p>\n");
        } else if (b instanceof Table t) {
            h.append("<div class=\"scroll\"><table>");
            if (!t.caption().isEmpty()) {
                h.append("<caption>").append(escape(t.caption())).append("</caption>");
            }
            h.append("<thead><tr>");
            for (String c : t.columns()) {
                h.append("<th>").append(escape(c)).append("</th>");
            }
            h.append("</tr></thead><tbody>\n");
            for (List<String> r : t.rows()) {
                h.append("<tr>");
                for (String c : r) {
                    h.append("<td>").append(c == null ? "-" : escape(c)).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody></table></div>\n");
        } else if (b instanceof Chart c) {
            h.append("<div class=\"chart-title\">").append(escape(c.title())).append("</div>\n<div class=\"chart\" id=\"")
                    .append(c.id()).append("\" style=\"height:").append(c.height()).append("px\"></div>\n");
            charts.set(c.id(), c.options());
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IcpException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
