package org.icpengine.stats.binning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.junit.jupiter.api.Test;

class CategoricalBinnerTest {

    // 20 rows: a x8 (6 events), b x6 (1 event), c x4 (2 events), d x1 (1 event), e x1 (0 events)
    private static final String[] VALUES = {
        "a", "a", "a", "a", "a", "a", "a", "a",
        "b", "b", "b", "b", "b", "b",
        "c", "c", "c", "c",
        "d", "e"};
    private static final int[] LABELS = {
        1, 1, 1, 1, 1, 1, 0, 0,
        1, 0, 0, 0, 0, 0,
        1, 1, 0, 0,
        1, 0};

    @Test
    void rareCategoriesAreGroupedIntoTheOtherBin() {
        Binning b = CategoricalBinner.defaults().withMinShare(0.1).fit("industry", VALUES, LABELS);

        assertThat(b.type()).isEqualTo(VariableType.CATEGORICAL);
        assertThat(b.bins()).extracting(Bin::label).containsExactly("a", "b", "c", "other", "missing");
        Bin other = b.bins().get(3);
        assertThat(other.kind()).isEqualTo(BinKind.OTHER);
        assertThat(other.categories()).containsExactly("d", "e");
        assertThat(other.events()).isEqualTo(1);
        assertThat(other.nonEvents()).isEqualTo(1);
        // 10 events and 10 non-events: WoE of 'a' = ln((2/10) / (6/10))
        assertThat(b.bins().get(0).woe()).isCloseTo(Math.log(2.0 / 6.0), within(1e-15));
        assertThat(b.woe("d")).isEqualTo(other.woe());
    }

    @Test
    void unseenCategoriesScoreAsOtherAndNullAsMissing() {
        Binning b = CategoricalBinner.defaults().withMinShare(0.1).fit("industry", VALUES, LABELS);

        assertThat(b.binIndex("never seen")).isEqualTo(3);
        assertThat(b.binIndex((String) null)).isEqualTo(4);
        assertThat(b.binIndices(new String[] {"b", null, "zzz", "A"})).containsExactly(1, 4, 3, 3);
        assertThat(b.transform(new String[] {"c"})).containsExactly(b.bins().get(2).woe());
    }

    @Test
    void zeroMinShareKeepsEveryCategoryAndLeavesTheOtherBinEmptyAndNeutral() {
        Binning b = CategoricalBinner.defaults().withMinShare(0).fit("industry", VALUES, LABELS);

        assertThat(b.size()).isEqualTo(7);
        Bin other = b.bins().get(5);
        assertThat(other.count()).isZero();
        assertThat(other.woe()).isZero();
        assertThat(b.woe("never seen")).isZero();
    }

    @Test
    void ivSumsTheBinTermsAndMissingRowsFormTheirOwnBin() {
        String[] v = {"x", "x", null, null, "y", "y"};
        int[] y = {1, 0, 1, 1, 0, 0};
        Binning b = CategoricalBinner.defaults().fit("v", v, y);

        Bin missing = b.bins().get(b.missingIndex());
        assertThat(missing.events()).isEqualTo(2);
        assertThat(missing.nonEvents()).isZero();
        double sum = 0;
        for (Bin bin : b.bins()) {
            sum += bin.iv();
        }
        assertThat(b.iv()).isEqualTo(sum).isPositive().isFinite();
    }

    @Test
    void categoryBinsAreOrderedByCountThenName() {
        String[] v = {"b", "a", "c", "c", "b", "a"};
        int[] y = {1, 0, 1, 0, 0, 1};
        Binning b = CategoricalBinner.defaults().fit("v", v, y);

        assertThat(b.bins()).extracting(Bin::label).containsExactly("a", "b", "c", "other", "missing");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> CategoricalBinner.defaults().fit("v", new String[] {"a"}, new int[] {0, 1}))
                .isInstanceOf(InputException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> CategoricalBinner.defaults().fit("v", new String[] {"a", "b"}, new int[] {0, 0}))
                .isInstanceOf(InsufficientDataException.class).hasMessageContaining("'v'");
        assertThatThrownBy(() -> CategoricalBinner.defaults().withMinShare(-0.1))
                .isInstanceOf(InputException.class).hasMessageContaining("minShare");
    }
}
