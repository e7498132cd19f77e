package org.icpengine.core.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;

/** What a query checks on its own. */
class SegmentQueryTest {

    @Test
    void buildsWithDefaultsAndWithers() {
        SegmentQuery q = SegmentQuery.by("industry", "region").where("employees > 10").minSize(5).sort("win_rate")
                .asOf(LocalDate.of(2026, 1, 31));

        assertThat(q.dimensions()).containsExactly("industry", "region");
        assertThat(q.where()).isEqualTo("employees > 10");
        assertThat(q.minSize()).isEqualTo(5);
        assertThat(q.sort()).isEqualTo("win_rate");
        assertThat(q.asOf()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(SegmentQuery.by("industry")).isEqualTo(new SegmentQuery(List.of("industry"), null, null, null, null));
    }

    @Test
    void blankFilterAndSortMeanNone() {
        SegmentQuery q = SegmentQuery.by("industry").where("  ").sort("");

        assertThat(q.where()).isNull();
        assertThat(q.sort()).isNull();
    }

    @Test
    void copiesTheDimensions() {
        List<String> dims = new ArrayList<>(List.of("industry"));
        SegmentQuery q = SegmentQuery.by(dims);
        dims.add("region");

        assertThat(q.dimensions()).containsExactly("industry");
    }

    @Test
    void rejectsNoDimensionABlankOneAndAMinimumBelowOne() {
        assertThatThrownBy(() -> SegmentQuery.by(List.of())).isInstanceOf(InputException.class)
                .hasMessage("segments need at least one dimension to group by");
        assertThatThrownBy(() -> SegmentQuery.by("industry", " ")).isInstanceOf(InputException.class)
                .hasMessageContaining("a segment dimension is empty");
        assertThatThrownBy(() -> SegmentQuery.by(Arrays.asList("industry", null))).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> SegmentQuery.by("industry").minSize(0)).isInstanceOf(InputException.class)
                .hasMessage("the minimum segment size must be at least 1, got 0");
    }
}
