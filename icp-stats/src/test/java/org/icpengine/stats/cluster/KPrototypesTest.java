package org.icpengine.stats.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.icpengine.errors.InputException;
import org.icpengine.errors.InsufficientDataException;
import org.junit.jupiter.api.Test;

class KPrototypesTest {

    private final Planted planted = new Planted(3, 150, 42);
    private final ClusterData data = planted.data();

    @Test
    void fitRecoversPlantedClusters() {
        KPrototypesModel model = KPrototypes.builder().k(3).seed(1).build().fit(data);
        int[] labels = model.assign(data);
        assertThat(Planted.adjustedRand(planted.truth, labels)).isGreaterThan(0.95);
        assertThat(model.converged()).isTrue();
        for (int s : model.sizes()) {
            assertThat(s).isBetween(130, 170);
        }
        // each prototype's industry is its planted cluster's industry, and its means sit near the planted centre
        for (int c = 0; c < 3; c++) {
            int truth = majority(planted.truth, labels, c);
            assertThat(model.categoricalMode(c).get(0)).isEqualTo(new String[] {"saas", "fintech", "health"}[truth]);
            double angle = 2 * Math.PI * truth / 3;
            assertThat(model.numericCentroid(c)[0]).isCloseTo(100_000 + 80_000 * Math.cos(angle), within(8_000.0));
            assertThat(model.numericCentroid(c)[1]).isCloseTo(200 + 40 * Math.sin(angle), within(4.0));
        }
    }

    private static int majority(int[] truth, int[] labels, int cluster) {
        int[] votes = new int[3];
        for (int i = 0; i < truth.length; i++) {
            if (labels[i] == cluster) {
                votes[truth[i]]++;
            }
        }
        return votes[0] >= votes[1] && votes[0] >= votes[2] ? 0 : votes[1] >= votes[2] ? 1 : 2;
    }

    @Test
    void fitIsDeterministicGivenTheSeed() {
        KPrototypes trainer = KPrototypes.builder().k(4).seed(7).restarts(3).build();
        assertThat(trainer.fit(data)).isEqualTo(trainer.fit(data));
        assertThat(KPrototypes.builder().k(4).seed(8).restarts(1).build().fit(data).seed()).isEqualTo(8);
    }

    @Test
    void defaultGammaIsHalfTheMeanStandardizedDeviation() {
        assertThat(KPrototypes.builder().build().fit(data).gamma()).isEqualTo(0.5);
        ClusterData oneConstant = ClusterData.builder().numeric("x", planted.income).numeric("c", new double[450])
                .categorical("industry", planted.industry).build();
        assertThat(KPrototypes.builder().build().fit(oneConstant).gamma()).isEqualTo(0.25);
        assertThat(KPrototypes.builder().gamma(2).build().fit(data).gamma()).isEqualTo(2.0);
    }

    @Test
    void costIsTheSumOfMixedDistancesToTheNearestPrototypeRecomputedFromTheProfile() {
        KPrototypesModel model = KPrototypes.builder().k(3).seed(3).build().fit(data);
        double[][] cols = {planted.income, planted.employees};
        double[] mean = new double[2];
        double[] sd = new double[2];
        for (int j = 0; j < 2; j++) {
            for (double v : cols[j]) {
                mean[j] += v / 450;
            }
            for (double v : cols[j]) {
                sd[j] += (v - mean[j]) * (v - mean[j]) / 450;
            }
            sd[j] = Math.sqrt(sd[j]);
        }
        double cost = 0;
        for (int i = 0; i < 450; i++) {
            double best = Double.POSITIVE_INFINITY;
            int bestCluster = -1;
            for (int c = 0; c < 3; c++) {
                double[] centroid = model.numericCentroid(c);
                double d = 0;
                for (int j = 0; j < 2; j++) {
                    double t = (cols[j][i] - centroid[j]) / sd[j];
                    d += t * t;
                }
                d += 0.5 * ((planted.industry[i].equals(model.categoricalMode(c).get(0)) ? 0 : 1)
                        + (planted.region[i].equals(model.categoricalMode(c).get(1)) ? 0 : 1));
                if (d < best) {
                    best = d;
                    bestCluster = c;
                }
            }
            cost += best;
            assertThat(model.assign(new double[] {planted.income[i], planted.employees[i]},
                    new String[] {planted.industry[i], planted.region[i]})).isEqualTo(bestCluster);
        }
        assertThat(model.cost()).isCloseTo(cost, within(1e-9 * cost));
    }

    @Test
    void modelRoundTripsThroughJsonAndAssignsIdentically() throws Exception {
        KPrototypesModel model = KPrototypes.builder().k(3).seed(5).build().fit(data);
        ObjectMapper json = new ObjectMapper();
        KPrototypesModel loaded = json.readValue(json.writeValueAsString(model), KPrototypesModel.class);
        assertThat(loaded).isEqualTo(model);
        assertThat(loaded.hashCode()).isEqualTo(model.hashCode());
        assertThat(loaded.assign(data)).containsExactly(model.assign(data));
    }

    @Test
    void assignSkipsMissingValuesAndRejectsBadRows() {
        KPrototypesModel model = KPrototypes.builder().k(3).seed(1).build().fit(data);
        int c = model.assign(new double[] {planted.income[0], planted.employees[0]}, new String[] {planted.industry[0], planted.region[0]});
        // the numeric columns alone place a row at the planted centre; missing categories change nothing
        double[] centre = model.numericCentroid(c);
        assertThat(model.assign(centre, new String[] {null, null})).isEqualTo(c);
        assertThat(model.assign(new double[] {Double.NaN, Double.NaN}, model.categoricalMode(c).toArray(new String[0]))).isEqualTo(c);
        assertThatThrownBy(() -> model.assign(new double[] {1}, new String[2]))
                .isInstanceOf(InputException.class).hasMessage("numeric row must have 2 values [income, employees]");
        ClusterData other = ClusterData.builder().numeric("income", planted.income).build();
        assertThatThrownBy(() -> model.assign(other)).isInstanceOf(InputException.class)
                .hasMessageContaining("do not match the model's numeric [income, employees]");
    }

    @Test
    void categoricalOnlyAndNumericOnlyDataAreClustered() {
        ClusterData categorical = ClusterData.builder().categorical("industry", planted.industry).build();
        KPrototypesModel modes = KPrototypes.builder().k(3).seed(2).build().fit(categorical);
        assertThat(modes.gamma()).isEqualTo(1.0);
        assertThat(Planted.adjustedRand(planted.truth, modes.assign(categorical))).isGreaterThan(0.6);
        ClusterData numeric = ClusterData.builder().numeric("income", planted.income).numeric("employees", planted.employees).build();
        KPrototypesModel means = KPrototypes.builder().k(3).seed(2).build().fit(numeric);
        assertThat(Planted.adjustedRand(planted.truth, means.assign(numeric))).isGreaterThan(0.9);
    }

    @Test
    void tooFewDistinctRowsForKAreInsufficientData() {
        ClusterData twoDistinct = ClusterData.builder().numeric("x", new double[] {1, 1, 2, 2, 2})
                .categorical("c", new String[] {"a", "a", "b", "b", "b"}).build();
        assertThatThrownBy(() -> KPrototypes.builder().k(3).build().fit(twoDistinct))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessage("k-prototypes with k = 3 needs 3 distinct rows; the data have only 2");
        assertThatThrownBy(() -> KPrototypes.builder().k(6).build().fit(twoDistinct))
                .isInstanceOf(InsufficientDataException.class).hasMessage("k-prototypes with k = 6 needs at least 6 rows; got 5");
    }

    @Test
    void badDataAndSettingsAreRejectedWithAMessage() {
        assertThatThrownBy(() -> ClusterData.builder().numeric("x", new double[] {1, Double.NaN}))
                .isInstanceOf(InputException.class).hasMessage("numeric column 'x' row 1 must be finite, got NaN");
        assertThatThrownBy(() -> ClusterData.builder().categorical("c", new String[] {"a", null}))
                .isInstanceOf(InputException.class).hasMessage("categorical column 'c' row 1 is null");
        assertThatThrownBy(() -> ClusterData.builder().numeric("x", new double[2]).categorical("c", new String[] {"a"}))
                .isInstanceOf(InputException.class).hasMessage("column 'c' has 1 rows; earlier columns have 2");
        assertThatThrownBy(() -> KPrototypes.builder().k(0)).isInstanceOf(InputException.class).hasMessage("k must be >= 1, got 0");
        assertThatThrownBy(() -> KPrototypes.builder().gamma(Double.NaN))
                .isInstanceOf(InputException.class).hasMessage("gamma must be a finite number > 0, got NaN");
        assertThatThrownBy(() -> KPrototypes.builder().build().chooseK(data, 1, 3))
                .isInstanceOf(InputException.class).hasMessage("kMin must be >= 2, got 1");
    }
}
