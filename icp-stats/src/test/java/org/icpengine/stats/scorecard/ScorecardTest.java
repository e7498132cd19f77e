package org.icpengine.stats.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.icpengine.errors.InputException;
import org.icpengine.stats.binning.Binning;
import org.icpengine.stats.binning.NumericBinner;
import org.icpengine.stats.regression.LogisticModel;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    private static Binning binning() {
        return NumericBinner.defaults().withSplits(2.5).fit("x", new double[] {1, 2, 3, 4}, new int[] {1, 0, 1, 0});
    }

    private static LogisticModel model(double beta) {
        return new LogisticModel(0, new double[] {beta}, Double.NaN, new double[] {Double.NaN}, -1, 4, 1, 1, true);
    }

    private static List<Tier> tiers() {
        return List.of(new Tier("A", 0.5, 10, 0.5), new Tier("B", 0.5, Integer.MIN_VALUE, 0.5));
    }

    @Test
    void minAndMaxScoresSumTheCriteriaExtremes() {
        Criterion c = new Criterion("x", binning(), -1, List.of(5, 20, 0), 10);
        Scorecard sc = new Scorecard(List.of(c), model(-1), Scaling.standard(), 1, tiers());

        assertThat(sc.minScore()).isZero();
        assertThat(sc.maxScore()).isEqualTo(20);
        assertThat(sc.tier(10)).isEqualTo("A");
        assertThat(sc.tier(9)).isEqualTo("B");
        assertThat(sc.scorer().score(new double[] {3}, null)).isEqualTo(20);
        assertThat(sc.scorer().score(new double[] {Double.NaN}, null)).isZero();
    }

    @Test
    void constructorRejectsInconsistentParts() {
        Criterion c = new Criterion("x", binning(), -1, List.of(5, 20, 0), 10);

        assertThatThrownBy(() -> new Scorecard(List.of(c), model(-2), Scaling.standard(), 1, tiers()))
                .isInstanceOf(InputException.class).hasMessageContaining("coefficient");
        assertThatThrownBy(() -> new Scorecard(List.of(c), model(-1), Scaling.standard(), 1,
                List.of(new Tier("A", 0.5, 10, 0.5), new Tier("B", 0.5, 3, 0.5))))
                .isInstanceOf(InputException.class).hasMessageContaining("Integer.MIN_VALUE");
        assertThatThrownBy(() -> new Scorecard(List.of(c), model(-1), Scaling.standard(), 1,
                List.of(new Tier("A", 0.3, 10, 0.5), new Tier("B", 0.3, 12, 0.5), new Tier("C", 0.4, Integer.MIN_VALUE, 0))))
                .isInstanceOf(InputException.class).hasMessageContaining("must not increase");
        assertThatThrownBy(() -> new Criterion("x", binning(), -1, List.of(5, 20), 10))
                .isInstanceOf(InputException.class).hasMessageContaining("one points value per bin");
        assertThatThrownBy(() -> new Scaling(0, 600, 50)).isInstanceOf(InputException.class).hasMessageContaining("pdo");
        assertThatThrownBy(() -> new Scorecard(List.of(c), model(-1), Scaling.standard(), 1, tiers()).criterion("y"))
                .isInstanceOf(InputException.class).hasMessageContaining("no criterion 'y'");
    }
}
