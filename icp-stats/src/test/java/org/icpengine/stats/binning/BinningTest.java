package org.icpengine.stats.binning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;

class BinningTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void numericBinningSurvivesAJsonRoundTripIncludingInfiniteBoundsAndNaN() throws Exception {
        ReferenceCsv data = ReferenceCsv.breastCancer();
        Binning b = NumericBinner.defaults().fit("mean radius", data.column("mean radius"), data.labels("target"));

        String text = json.writeValueAsString(b);
        Binning back = json.readValue(text, Binning.class);

        assertThat(back).isEqualTo(b);
        assertThat(back.iv()).isEqualTo(b.iv());
        assertThat(back.binIndex(14.2)).isEqualTo(b.binIndex(14.2));
    }

    @Test
    void categoricalBinningSurvivesAJsonRoundTrip() throws Exception {
        Binning b = CategoricalBinner.defaults().withMinShare(0.3)
                .fit("c", new String[] {"a", "a", "b", "c", null, "a"}, new int[] {1, 0, 1, 0, 1, 0});

        Binning back = json.readValue(json.writeValueAsString(b), Binning.class);

        assertThat(back).isEqualTo(b);
        assertThat(back.binIndex("c")).isEqualTo(b.binIndex("c"));
    }

    @Test
    void constructorRejectsBinsThatDoNotCoverTheLine() {
        Bin first = new Bin(BinKind.RANGE, Double.NEGATIVE_INFINITY, 1, List.of(), 1, 1, 0, 0);
        Bin gap = new Bin(BinKind.RANGE, 2, Double.POSITIVE_INFINITY, List.of(), 1, 1, 0, 0);
        Bin missing = new Bin(BinKind.MISSING, Double.NaN, Double.NaN, List.of(), 0, 0, 0, 0);

        assertThatThrownBy(() -> new Binning("x", VariableType.NUMERIC, List.of(first, gap, missing)))
                .isInstanceOf(InputException.class).hasMessageContaining("bin 1 must start where bin 0 ends");
        assertThatThrownBy(() -> new Binning("x", VariableType.NUMERIC, List.of(first, missing)))
                .isInstanceOf(InputException.class).hasMessageContaining("+Infinity");
        assertThatThrownBy(() -> new Binning("x", VariableType.NUMERIC, List.of(first, gap)))
                .isInstanceOf(InputException.class).hasMessageContaining("missing bin");
    }

    @Test
    void constructorRejectsACategoryInTwoBins() {
        Bin a = new Bin(BinKind.CATEGORY, Double.NaN, Double.NaN, List.of("a"), 1, 1, 0, 0);
        Bin other = new Bin(BinKind.OTHER, Double.NaN, Double.NaN, List.of("a"), 1, 1, 0, 0);
        Bin missing = new Bin(BinKind.MISSING, Double.NaN, Double.NaN, List.of(), 0, 0, 0, 0);

        assertThatThrownBy(() -> new Binning("c", VariableType.CATEGORICAL, List.of(a, other, missing)))
                .isInstanceOf(InputException.class).hasMessageContaining("'a' is in more than one bin");
    }

    @Test
    void binRejectsInfiniteWoeAndNegativeCounts() {
        assertThatThrownBy(() -> new Bin(BinKind.MISSING, Double.NaN, Double.NaN, List.of(), 0, 0,
                Double.POSITIVE_INFINITY, 0)).isInstanceOf(InputException.class).hasMessageContaining("woe");
        assertThatThrownBy(() -> new Bin(BinKind.MISSING, Double.NaN, Double.NaN, List.of(), -1, 0, 0, 0))
                .isInstanceOf(InputException.class).hasMessageContaining("counts");
    }
}
