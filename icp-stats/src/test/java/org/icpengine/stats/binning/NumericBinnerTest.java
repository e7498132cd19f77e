package org.icpengine.stats.binning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.junit.jupiter.api.Test;

class NumericBinnerTest {

    private static final ReferenceCsv DATA = ReferenceCsv.breastCancer();

    @Test
    void givenSplitsReproduceOptbinningIvAndGiniOnBreastCancer() {
        Binning b = NumericBinner.defaults()
                .withSplits(11.425, 12.33, 13.095, 13.705, 15.045, 16.925)
                .fit("mean radius", DATA.column("mean radius"), DATA.labels("target"));

        // REFERENCE.md, optbinning test suite: IV = 5.04392547, Gini = 0.87541620
        assertThat(b.iv()).isCloseTo(5.04392547, within(1e-8));
        assertThat(b.gini()).isCloseTo(0.87541620, within(1e-8));
        assertThat(b.size()).isEqualTo(8);
        assertThat(b.count()).isEqualTo(569);
        assertThat(b.splits()).containsExactly(11.425, 12.33, 13.095, 13.705, 15.045, 16.925);
        assertThat(b.strength()).isEqualTo(IvStrength.SUSPICIOUS);
    }

    @Test
    void splitsAt13And15And17ReproduceOptbinningIv() {
        Binning b = NumericBinner.defaults().withSplits(13, 15, 17)
                .fit("mean radius", DATA.column("mean radius"), DATA.labels("target"));

        assertThat(b.iv()).isCloseTo(4.819661314733627, within(1e-12));
    }

    @Test
    void woeIsLogOfNonEventShareOverEventShareAndNegativeWhereEventsAreOverRepresented() {
        Binning b = NumericBinner.defaults().withSplits(13, 15, 17)
                .fit("mean radius", DATA.column("mean radius"), DATA.labels("target"));
        long te = b.events();
        long tn = b.nonEvents();
        for (Bin bin : b.bins().subList(0, 4)) {
            double expected = Math.log(((double) bin.nonEvents() / tn) / ((double) bin.events() / te));
            assertThat(bin.woe()).isCloseTo(expected, within(1e-12));
            assertThat(bin.woe() < 0).isEqualTo(bin.eventRate() > (double) te / (te + tn));
        }
        // small radius is mostly benign (label 1): negative WoE; large radius positive
        assertThat(b.bins().get(0).woe()).isNegative();
        assertThat(b.bins().get(3).woe()).isPositive();
    }

    @Test
    void valuesOnASplitBelongToTheUpperBinAndNaNToTheMissingBin() {
        Binning b = NumericBinner.defaults().withSplits(13, 15, 17)
                .fit("mean radius", DATA.column("mean radius"), DATA.labels("target"));

        assertThat(b.binIndex(12.999)).isZero();
        assertThat(b.binIndex(13.0)).isEqualTo(1);
        assertThat(b.binIndex(17.0)).isEqualTo(3);
        assertThat(b.binIndex(Double.POSITIVE_INFINITY)).isEqualTo(3);
        assertThat(b.binIndex(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(b.binIndex(Double.NaN)).isEqualTo(4).isEqualTo(b.missingIndex());
        assertThat(b.bins().get(1).label()).isEqualTo("[13, 15)");
        assertThat(b.bins().get(0).label()).isEqualTo("(-inf, 13)");
        assertThat(b.bins().get(3).label()).isEqualTo("[17, inf)");
        assertThat(b.bins().get(4).label()).isEqualTo("missing");
    }

    @Test
    void transformGivesEachValueTheWoeOfItsBin() {
        Binning b = NumericBinner.defaults().withSplits(13, 15, 17)
                .fit("mean radius", DATA.column("mean radius"), DATA.labels("target"));

        double[] woe = b.transform(new double[] {10, 14, 16.99, 30, Double.NaN});
        assertThat(woe).containsExactly(b.bins().get(0).woe(), b.bins().get(1).woe(), b.bins().get(2).woe(),
                b.bins().get(3).woe(), 0.0);
        assertThat(b.woe(14)).isEqualTo(b.bins().get(1).woe());
    }

    @Test
    void automaticBinningIsMonotonicRespectsMinShareAndKeepsMostOfTheInformation() {
        double[] x = DATA.column("mean radius");
        Binning b = NumericBinner.defaults().fit("mean radius", x, DATA.labels("target"));

        List<Bin> ranges = b.bins().subList(0, b.size() - 1);
        assertThat(ranges.size()).isBetween(3, 20);
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).woe()).isGreaterThan(ranges.get(i - 1).woe());
        }
        for (Bin bin : ranges) {
            assertThat(bin.count()).isGreaterThanOrEqualTo((long) Math.ceil(0.05 * x.length));
        }
        // close to the IV of optbinning's optimal (tree pre-binned, MIP) split of the same variable
        assertThat(b.iv()).isGreaterThan(4.5);
        assertThat(b.count()).isEqualTo(569);
    }

    @Test
    void autoTrendKeepsTheTrendWithTheLargerIv() {
        double[] x = DATA.column("mean radius");
        int[] y = DATA.labels("target");

        Binning auto = NumericBinner.defaults().fit("r", x, y);
        Binning asc = NumericBinner.defaults().withTrend(WoeTrend.ASCENDING).fit("r", x, y);
        Binning desc = NumericBinner.defaults().withTrend(WoeTrend.DESCENDING).fit("r", x, y);

        assertThat(asc.iv()).isGreaterThan(desc.iv());
        assertThat(auto).isEqualTo(asc);
        List<Bin> d = desc.bins().subList(0, desc.size() - 1);
        for (int i = 1; i < d.size(); i++) {
            assertThat(d.get(i).woe()).isLessThan(d.get(i - 1).woe());
        }
    }

    @Test
    void automaticBinningFindsADescendingTrendWhenEventsRiseWithTheValue() {
        Random rnd = new Random(7);
        int n = 5000;
        double[] x = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-1.5 * x[i])) ? 1 : 0;
        }
        Binning b = NumericBinner.defaults().withMinBinShare(0.1).fit("x", x, y);

        List<Bin> ranges = b.bins().subList(0, b.size() - 1);
        assertThat(ranges.size()).isBetween(3, 10);
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).woe()).isLessThan(ranges.get(i - 1).woe());
            assertThat(ranges.get(i).count()).isGreaterThanOrEqualTo(n / 10);
        }
    }

    @Test
    void maxBinsCapsTheNumberOfRangeBins() {
        Binning b = NumericBinner.defaults().withMaxBins(3)
                .fit("mean radius", DATA.column("mean radius"), DATA.labels("target"));

        assertThat(b.size()).isEqualTo(4);
        assertThat(b.iv()).isGreaterThan(3.5);
    }

    @Test
    void missingValuesGetTheirOwnBinWithTheirOwnWoe() {
        double[] x = {1, 2, 3, 4, Double.NaN, Double.NaN, Double.NaN, 5, 6, 7};
        int[] y = {1, 1, 1, 0, 1, 1, 0, 0, 0, 0};
        Binning b = NumericBinner.defaults().withSplits(4).fit("x", x, y);

        Bin missing = b.bins().get(b.missingIndex());
        assertThat(missing.kind()).isEqualTo(BinKind.MISSING);
        assertThat(missing.events()).isEqualTo(2);
        assertThat(missing.nonEvents()).isEqualTo(1);
        assertThat(missing.woe()).isCloseTo(Math.log((1.0 / 5) / (2.0 / 5)), within(1e-15));
        assertThat(b.bins().get(0).events()).isEqualTo(3);
        assertThat(b.bins().get(1).nonEvents()).isEqualTo(4);
    }

    @Test
    void oneClassBinsAreSmoothedByHalfACountSoWoeAndIvStayFinite() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        int[] y = {1, 1, 1, 0, 1, 0, 0, 0};
        Binning b = NumericBinner.defaults().withSplits(3.5, 5.5).fit("x", x, y);

        Bin pureEvents = b.bins().get(0);
        assertThat(pureEvents.nonEvents()).isZero();
        assertThat(pureEvents.woe()).isCloseTo(Math.log((0.5 / 4) / (3.5 / 4)), within(1e-15));
        double pn = 0.5 / 4;
        double pe = 3.5 / 4;
        assertThat(pureEvents.iv()).isCloseTo((pn - pe) * Math.log(pn / pe), within(1e-15));
        assertThat(b.bins().get(2).woe()).isFinite().isPositive();
        // the empty missing bin is neutral
        assertThat(b.bins().get(3).woe()).isZero();
        assertThat(b.bins().get(3).iv()).isZero();
        assertThat(b.iv()).isFinite();
    }

    @Test
    void aConstantColumnGivesOneRangeBin() {
        double[] x = {2, 2, 2, 2, 2, 2};
        int[] y = {1, 0, 1, 0, 1, 0};
        Binning b = NumericBinner.defaults().fit("c", x, y);

        assertThat(b.size()).isEqualTo(2);
        assertThat(b.iv()).isZero();
        assertThat(b.splits()).isEmpty();
    }

    @Test
    void allMissingGivesAnEmptyRangeBinAndTheMissingBin() {
        double[] x = {Double.NaN, Double.NaN, Double.NaN};
        int[] y = {1, 0, 1};
        Binning b = NumericBinner.defaults().fit("m", x, y);

        assertThat(b.size()).isEqualTo(2);
        assertThat(b.bins().get(0).count()).isZero();
        assertThat(b.bins().get(1).count()).isEqualTo(3);
    }

    @Test
    void tiedValuesNeverStraddleASplit() {
        double[] x = new double[100];
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i / 25;           // four values, 25 rows each
            y[i] = (i % 25) < (5 + 5 * (i / 25)) ? 1 : 0;
        }
        Binning b = NumericBinner.defaults().withMinBinShare(0).withTrend(WoeTrend.DESCENDING).fit("t", x, y);

        assertThat(b.splits()).containsExactly(0.5, 1.5, 2.5);
        for (Bin bin : b.bins().subList(0, 4)) {
            assertThat(bin.count()).isEqualTo(25);
        }
    }

    @Test
    void rejectsBadInputWithAMessageAndLeavesTheInputUnchanged() {
        double[] x = {3, 1, 2};
        int[] y = {1, 0, 1};
        NumericBinner binner = NumericBinner.defaults();

        assertThatThrownBy(() -> binner.fit("x", x, new int[] {1, 0}))
                .isInstanceOf(InputException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> binner.fit("x", x, new int[] {1, 0, 2}))
                .isInstanceOf(InputException.class).hasMessageContaining("labels[2]").hasMessageContaining("0 or 1");
        assertThatThrownBy(() -> binner.fit("x", new double[] {1, Double.POSITIVE_INFINITY, 2}, y))
                .isInstanceOf(InputException.class).hasMessageContaining("values[1]").hasMessageContaining("NaN");
        assertThatThrownBy(() -> binner.fit("x", x, new int[] {1, 1, 1}))
                .isInstanceOf(InsufficientDataException.class).hasMessageContaining("'x'").hasMessageContaining("both");
        assertThatThrownBy(() -> binner.fit("x", new double[0], new int[0]))
                .isInstanceOf(InsufficientDataException.class).hasMessageContaining("no rows");
        assertThatThrownBy(() -> binner.withSplits(1, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> binner.withMinBinShare(0.7))
                .isInstanceOf(InputException.class).hasMessageContaining("minBinShare");
        assertThatThrownBy(() -> binner.withPreBins(1))
                .isInstanceOf(InputException.class).hasMessageContaining("preBins");
        assertThat(x).containsExactly(3, 1, 2);
        assertThat(y).containsExactly(1, 0, 1);
    }

    @Test
    void numericLookupsOnACategoricalBinningFail() {
        Binning b = CategoricalBinner.defaults().fit("c", new String[] {"a", "b"}, new int[] {1, 0});

        assertThatThrownBy(() -> b.binIndex(1.0)).isInstanceOf(InputException.class)
                .hasMessageContaining("CATEGORICAL");
    }
}
