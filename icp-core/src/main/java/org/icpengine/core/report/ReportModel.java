package org.icpengine.core.report;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a report shows, independent of how it is drawn: a title and its sections, each a list of blocks (text,
 * tables, charts) and notes on what could not be computed. Plain data; {@link HtmlReport#render} draws it. Text is
 * held raw and escaped only when rendered.
 *
 * @param title    the report's title
 * @param subtitle one line under the title (workspace, date)
 * @param asOf     the date of the data, yyyy-mm-dd
 * @param sections the sections, in order
 */
public record ReportModel(String title, String subtitle, String asOf, List<Section> sections) {

    /** Validates and copies. */
    public ReportModel {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        Objects.requireNonNull(asOf, "asOf");
        sections = List.copyOf(sections);
    }

    /**
     * One section.
     *
     * @param id     its anchor, letters, digits and '-' only
     * @param title  its heading
     * @param blocks its content, in order
     * @param notes  what could not be computed and which command or data would fill it; empty when complete
     */
    public record Section(String id, String title, List<Block> blocks, List<String> notes) {
        /** Validates and copies. */
        public Section {
            Objects.requireNonNull(id, "id");
            if (!id.matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("section id must be letters, digits and '-', got " + id);
            }
            Objects.requireNonNull(title, "title");
            blocks = List.copyOf(blocks);
            notes = List.copyOf(notes);
        }
    }

    /** A piece of a section. */
    public sealed interface Block permits Text, Table, Chart {
    }

    /**
     * A paragraph, optionally with a bold lead-in.
     *
     * @param lead bold text before it, or {@code ""}
     * @param text the paragraph
     */
    public record Text(String lead, String text) implements Block {
        /** Validates. */
        public Text {
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A table of text cells. A {@code null} cell is shown as a dash.
     *
     * @param caption its caption, or {@code ""}
     * @param columns the header
     * @param rows    the rows, each as long as {@code columns}
     */
    public record Table(String caption, List<String> columns, List<List<String>> rows) implements Block {
        /** Validates and copies. */
        public Table {
            Objects.requireNonNull(caption, "caption");
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
            for (List<String> r : rows) {
                if (r.size() != columns.size()) {
                    throw new IllegalArgumentException("table row has " + r.size() + " cells for " + columns.size()
                            + " columns");
                }
            }
        }
    }

    /**
     * A chart: ECharts options built by {@link Charts}.
     *
     * @param id      unique in the report, letters, digits and '-' only
     * @param title   shown above it
     * @param options the ECharts option object (data only, no functions)
     * @param height  its height in pixels
     */
    public record Chart(String id, String title, ObjectNode options, int height) implements Block {
        /** Validates. */
        public Chart {
            Objects.requireNonNull(id, "id");
            if (!id.matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("chart id must be letters, digits and '-', got " + id);
            }
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(options, "options");
            if (height < 50) {
                throw new IllegalArgumentException("chart height must be >= 50 px, got " + height);
            }
        }
    }
}
