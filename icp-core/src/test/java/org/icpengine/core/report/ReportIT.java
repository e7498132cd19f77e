package org.icpengine.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.icpengine.core.demo.DemoGenerator;
import org.icpengine.core.demo.DemoSettings;
import org.icpengine.core.ingest.Ingestor;
import org.icpengine.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a small demo workspace, computed from the store alone (nothing under out/ yet). */
class ReportIT {

    static final String EVIL = "<script>alert(1)</script>";

    static final List<String> HEADINGS = List.of("The Ideal Customer Profile", "Winning indicators", "Segments",
            "ICP rules", "Personas", "Scoring tables", "Validation", "Retention and LTV", "Team outputs");

    @TempDir
    Path dir;

    @Test
    void fullDemoReportHasEverySectionWithDataEscapesNamesAndNeedsNoNetwork() throws IOException {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(1500).withSeed(7)).generate(dir);
        plant(dir.resolve("data/accounts.csv"));
        Workspace ws = Workspace.open(dir);
        Ingestor.run(ws);

        Reports.Written w = Reports.run(ws, null);

        assertThat(w.file()).exists().hasFileName("icp-report-" + w.model().asOf() + ".html");
        assertThat(w.latest()).exists().hasSameTextualContentAs(w.file());
        String html = Files.readString(w.file(), StandardCharsets.UTF_8);
        for (ReportModel.Section s : w.model().sections()) {
            assertThat(s.blocks()).as("section " + s.id() + " notes " + s.notes()).isNotEmpty();
            String body = section(html, s.id());
            assertThat(body).as(s.id()).contains("<h2>" + s.title() + "</h2>");
            assertThat(body.contains("<td>") || body.contains("class=\"chart\"")).as(s.id()).isTrue();
        }
        assertThat(w.model().sections()).extracting(ReportModel.Section::title).containsExactlyElementsOf(HEADINGS);
        for (String chart : List.of("chart-iv", "chart-roc", "chart-gains", "chart-lift", "chart-calibration",
                "chart-retention", "chart-ltv")) {
            assertThat(html).contains("id=\"" + chart + "\"");
        }
        assertThat(section(html, "exports").split("<table>", -1)).hasSize(5);
        assertNoNetworkAndEscaped(html);
    }

    @Test
    void accountsAndOpportunitiesOnlyStillGiveAReportWithNotesWhereDataIsMissing() throws IOException {
        DemoGenerator.of(DemoSettings.defaults().withAccounts(1200).withSeed(5)).generate(dir);
        Path yaml = dir.resolve("icp.yaml");
        Files.writeString(yaml, Files.readString(yaml).replaceAll("(?m)^  (subscriptions|usage_events|nps_responses"
                + "|support_tickets|spend|research_notes):\\n    path: [^\\n]*\\n(    list_separator: [^\\n]*\\n)?", ""));
        Workspace ws = Workspace.open(dir);
        assertThat(ws.config().sources()).hasSize(2);
        Ingestor.run(ws);

        Reports.Written w = Reports.run(ws, null);

        String html = Files.readString(w.file(), StandardCharsets.UTF_8);
        assertThat(w.model().sections()).extracting(ReportModel.Section::title).containsExactlyElementsOf(HEADINGS);
        assertThat(section(html, "segments")).contains("<td>");
        assertThat(section(html, "validation")).contains("conversion").contains("id=\"chart-roc\"");
        assertThat(section(html, "retention")).contains("class=\"note\"");
        for (ReportModel.Section s : w.model().sections()) {
            assertThat(!s.blocks().isEmpty() || !s.notes().isEmpty()).as(s.id()).isTrue();
        }
        assertNoNetworkAndEscaped(html);
    }

    /** Renames the industry of the first ten accounts to a script tag. */
    static void plant(Path accounts) throws IOException {
        List<String> lines = Files.readAllLines(accounts, StandardCharsets.UTF_8);
        int col = List.of(lines.get(0).split(",")).indexOf("sector");
        for (int i = 1; i <= 10; i++) {
            String[] f = lines.get(i).split(",", -1);
            f[col] = EVIL;
            f[1] = EVIL;
            lines.set(i, String.join(",", f));
        }
        Files.write(accounts, lines, StandardCharsets.UTF_8);
    }

    /** No external reference, no unescaped planted tag, and balanced structural tags. */
    static void assertNoNetworkAndEscaped(String html) {
        assertThat(Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(html).find()).isFalse();
        assertThat(html).doesNotContain("fetch(").doesNotContain("XMLHttpRequest").doesNotContain(EVIL);
        assertThat(html.split("</script>", -1)).hasSize(4);
        wellFormed(html.substring(0, html.indexOf("<script type=\"application/json\"")));
    }

    /** Checks that the structural tags before the scripts nest properly. */
    static void wellFormed(String html) {
        Matcher m = Pattern.compile("<(/?)(html|head|body|header|nav|main|section|table|thead|tbody|tr|td|th|div|p|h1|h2)\\b[^>]*>")
                .matcher(html);
        Deque<String> open = new ArrayDeque<>();
        while (m.find()) {
            if (m.group(1).isEmpty()) {
                open.push(m.group(2));
            } else {
                assertThat(open.pop()).as("closing " + m.group(2) + " at " + m.start()).isEqualTo(m.group(2));
            }
        }
        assertThat(open).containsExactly("body", "html");
    }

    static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertThat(start).as("section " + id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }
}
