package org.icpengine.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final String EVIL = "<script>alert(1)</script>";

    @Test
    void escapeReplacesEveryMarkupCharacter() {
        assertThat(HtmlReport.escape("a<b>&\"'")).isEqualTo("a&lt;b&gt;&amp;&quot;&#39;");
        assertThat(HtmlReport.escape(null)).isEmpty();
    }

    @Test
    void renderEscapesTextAndChartDataSoNoScriptCanBeInjected() {
        ReportModel m = new ReportModel(EVIL, "sub", "2026-06-30", List.of(new ReportModel.Section("s", "Section " + EVIL,
                List.of(new ReportModel.Text(EVIL, EVIL),
                        new ReportModel.Table(EVIL, List.of("c"), List.of(List.of(EVIL))),
                        new ReportModel.Chart("chart-x", EVIL, Charts.bars("v", java.util.Map.of(EVIL, 1.0)), 200)),
                List.of(EVIL))));

        String html = HtmlReport.render(m);

        assertThat(html).doesNotContain(EVIL).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e");
        assertThat(html.split("</script>", -1)).hasSize(4);
    }

    @Test
    void rocFromGainsStartsAtTheOriginAndEndsAtOneOne() {
        var rows = List.of(new org.icpengine.stats.eval.GainsRow(1, 5, 4, 0.8, 1.6, 5, 4, 0.8, 1.6, 0.5, 0.9),
                new org.icpengine.stats.eval.GainsRow(2, 5, 1, 0.2, 0.4, 10, 5, 1.0, 1.0, 0.1, 0.5));

        double[][] roc = Charts.rocFromGains(rows);

        assertThat(roc).hasDimensions(3, 2);
        assertThat(roc[0]).containsExactly(0, 0);
        assertThat(roc[1]).containsExactly(0.2, 0.8);
        assertThat(roc[2]).containsExactly(1, 1);
        assertThat(Charts.rocFromGains(List.of())).isEmpty();
    }
}
