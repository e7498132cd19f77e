package org.icpengine.core.pipeline.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** CSV cells: RFC 4180 quoting, formula defusing, numbers. */
class CsvOutTest {

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        CsvOut csv = new CsvOut(List.of("a", "b", "c"));
        csv.row(List.of(CsvOut.text("Harbor Pay, Inc."), CsvOut.text("=HYPERLINK(\"x\")"), CsvOut.number(-0.00001, 2)));
        assertThat(csv.text()).isEqualTo("a,b,c\n\"Harbor Pay, Inc.\",\"'=HYPERLINK(\"\"x\"\")\",0\n");
        assertThat(CsvOut.number(Double.NaN, 2)).isEmpty();
        assertThat(CsvOut.number(1.5, 4)).isEqualTo("1.5");
        assertThat(CsvOut.text(null)).isEmpty();
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        CsvOut csv = new CsvOut(List.of("a", "b"));
        assertThatThrownBy(() -> csv.row(List.of("1"))).hasMessageContaining("1 cells, header has 2");
    }

    @Test
    void globsMatchLikeTheMetrics() {
        assertThat(UseCaseView.Matcher.glob("report_*").matcher("report_viewed").matches()).isTrue();
        assertThat(UseCaseView.Matcher.glob("report_*").matcher("Report_viewed").matches()).isFalse();
        assertThat(UseCaseView.Matcher.glob("api.call?").matcher("api.calls").matches()).isTrue();
        assertThat(UseCaseView.Matcher.glob("api.call?").matcher("apixcalls").matches()).as("'.' is literal").isFalse();
    }

    @Test
    void informationValueOfATwoBinSplit() {
        // 40 ideal / 60 not; adopters hold 30 ideal and 10 not
        double iv = UseCaseView.ivTerm(30, 10, 40, 60) + UseCaseView.ivTerm(10, 50, 40, 60);
        double expected = (10 / 60.0 - 30 / 40.0) * Math.log((10 / 60.0) / (30 / 40.0))
                + (50 / 60.0 - 10 / 40.0) * Math.log((50 / 60.0) / (10 / 40.0));
        assertThat(iv).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(UseCaseView.ivTerm(0, 0, 40, 60)).isZero();
    }
}
