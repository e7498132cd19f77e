package org.icpengine.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.icpengine.core.expr.SqlFragment;
import org.junit.jupiter.api.Test;

/** The small text translations of the metrics: use-case globs, band labels, named parameters. */
class MetricTextTest {

    @Test
    void globsBecomeLikePatternsWithPercentUnderscoreAndBangEscaped() {
        assertThat(UseCasePatterns.like("report_*")).isEqualTo("report!_%");
        assertThat(UseCasePatterns.like("api_call")).isEqualTo("api!_call");
        assertThat(UseCasePatterns.like("50%_done?")).isEqualTo("50!%!_done_");
        assertThat(UseCasePatterns.like("wow!*")).isEqualTo("wow!!%");
        assertThat(UseCasePatterns.like("it's; DROP TABLE x --")).isEqualTo("it's; DROP TABLE x --");
    }

    @Test
    void bandLabelsFollowTheBoundsWithAnOpenLastBand() {
        assertThat(BandLabels.labels(List.of(10.0, 50.0, 200.0, 1000.0, 5000.0)))
                .containsExactly("1-10", "11-50", "51-200", "201-1000", "1001-5000", "5001+");
        assertThat(BandLabels.labels(List.of(1_000_000.0, 10_000_000.0)))
                .containsExactly("1-1000000", "1000001-10000000", "10000001+");
        assertThat(BandLabels.labels(List.of(2.5))).containsExactly("1-2.5", "3.5+");
        assertThat(BandLabels.labels(List.of())).isEmpty();
    }

    @Test
    void namedParametersBecomeBindParametersInOrderOfUse() {
        SqlFragment f = NamedSql.render("SELECT :a, x FROM t WHERE d <= :t AND e > :a AND list_transform(l, lambda x: "
                + "lower(x)) AND s = 'a:b'", Map.of("a", 1L, "t", LocalDate.of(2026, 6, 30)));

        assertThat(f.sql()).isEqualTo("SELECT ?, x FROM t WHERE d <= ? AND e > ? AND list_transform(l, lambda x: "
                + "lower(x)) AND s = 'a:b'");
        assertThat(f.params()).containsExactly(1L, LocalDate.of(2026, 6, 30), 1L);
        assertThatThrownBy(() -> NamedSql.render("SELECT :nope", Map.of())).isInstanceOf(IllegalStateException.class);
    }
}
