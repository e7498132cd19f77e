package org.icpengine.stats.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.icpengine.errors.InsufficientDataException;
import org.junit.jupiter.api.Test;

class SilhouetteTest {

    @Test
    void silhouetteMatchesTheDefinitionWorkedByHand() {
        // one numeric column, values 0 1 | 10 12 with scale sd; two clusters. Distances are squared
        // standardized differences. Hand values use the raw squared differences / var.
        double[] x = {0, 1, 10, 12};
        ClusterData d = ClusterData.builder().numeric("x", x).build();
        KPrototypesModel model = KPrototypes.builder().k(2).seed(1).build().fit(d);
        double mean = 23 / 4.0;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean) / 4;
        }
        int[] label = model.assign(d);
        assertThat(label[0]).isEqualTo(label[1]).isNotEqualTo(label[2]);
        double[] s = new double[4];
        for (int i = 0; i < 4; i++) {
            double own = 0;
            double other = 0;
            int nOwn = 0;
            int nOther = 0;
            for (int j = 0; j < 4; j++) {
                if (j == i) {
                    continue;
                }
                double dist = (x[i] - x[j]) * (x[i] - x[j]) / var;
                if (label[j] == label[i]) {
                    own += dist;
                    nOwn++;
                } else {
                    other += dist;
                    nOther++;
                }
            }
            double a = own / nOwn;
            double b = other / nOther;
            s[i] = (b - a) / Math.max(a, b);
        }
        assertThat(Silhouette.score(model, d, 0)).isCloseTo((s[0] + s[1] + s[2] + s[3]) / 4, within(1e-12));
    }

    @Test
    void sampledSilhouetteIsSeededAndCloseToTheExactOne() {
        Planted p = new Planted(3, 400, 11);
        ClusterData d = p.data();
        KPrototypesModel model = KPrototypes.builder().k(3).seed(1).build().fit(d);
        double exact = Silhouette.score(model, d, 1200, 0);
        double sampled = Silhouette.score(model, d, 300, 5);
        assertThat(Silhouette.score(model, d, 300, 5)).isEqualTo(sampled);
        assertThat(sampled).isCloseTo(exact, within(0.05));
        assertThat(exact).isGreaterThan(0.5);
    }

    @Test
    void chooseKPicksThePlantedNumberOfClusters() {
        for (int planted : new int[] {3, 4}) {
            Planted p = new Planted(planted, 100, 20 + planted);
            KChoice choice = KPrototypes.builder().seed(4).build().chooseK(p.data(), 2, 6);
            assertThat(choice.k()).isEqualTo(planted);
            assertThat(choice.scores()).extracting(KScore::k).containsExactly(2, 3, 4, 5, 6);
            assertThat(choice.model().k()).isEqualTo(planted);
            assertThat(Planted.adjustedRand(p.truth, choice.model().assign(p.data()))).isGreaterThan(0.9);
        }
    }

    @Test
    void silhouetteNeedsTwoOccupiedClusters() {
        ClusterData d = ClusterData.builder().numeric("x", new double[] {0, 0.1, 10}).build();
        KPrototypesModel model = KPrototypes.builder().k(2).seed(1).build().fit(d);
        ClusterData near = ClusterData.builder().numeric("x", new double[] {0, 0.05, 0.1}).build();
        assertThatThrownBy(() -> Silhouette.score(model, near, 0))
                .isInstanceOf(InsufficientDataException.class)
                .hasMessage("the silhouette needs rows in at least two clusters; all 3 rows used fall in one");
    }
}
