package org.icpengine.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void sameSeedIndexAndStreamGiveTheSameSequence() {
        Rng a = Rng.of(42, 7, 3);
        Rng b = Rng.of(42, 7, 3);
        for (int i = 0; i < 1000; i++) {
            assertThat(a.uniform()).isEqualTo(b.uniform());
            assertThat(a.normal()).isEqualTo(b.normal());
        }
    }

    @Test
    void anotherSeedIndexOrStreamGivesAnotherSequence() {
        double first = Rng.of(42, 7, 3).uniform();

        assertThat(Rng.of(43, 7, 3).uniform()).isNotEqualTo(first);
        assertThat(Rng.of(42, 8, 3).uniform()).isNotEqualTo(first);
        assertThat(Rng.of(42, 7, 4).uniform()).isNotEqualTo(first);
    }

    @Test
    void distributionsHaveTheirMeans() {
        Rng r = Rng.of(1, 0, 0);
        int n = 200_000;
        double uniform = 0;
        double normal = 0;
        double poissonSmall = 0;
        double poissonLarge = 0;
        double beta = 0;
        double exponential = 0;
        int below = 0;
        for (int i = 0; i < n; i++) {
            uniform += r.uniform();
            normal += r.normal();
            poissonSmall += r.poisson(3.5);
            poissonLarge += r.poisson(80);
            beta += r.beta(0.6, 5.4);
            exponential += r.exponential(20);
            int k = r.below(10);
            assertThat(k).isBetween(0, 9);
            below += k;
        }
        assertThat(uniform / n).isCloseTo(0.5, offset(0.01));
        assertThat(normal / n).isCloseTo(0.0, offset(0.01));
        assertThat(poissonSmall / n).isCloseTo(3.5, offset(0.03));
        assertThat(poissonLarge / n).isCloseTo(80, offset(0.2));
        assertThat(beta / n).isCloseTo(0.1, offset(0.005));
        assertThat(exponential / n).isCloseTo(20, offset(0.3));
        assertThat(below / (double) n).isCloseTo(4.5, offset(0.05));
    }

    @Test
    void edgeCasesAreDefined() {
        Rng r = Rng.of(1, 0, 0);

        assertThat(r.poisson(0)).isZero();
        assertThat(r.poisson(-1)).isZero();
        assertThat(r.chance(0)).isFalse();
        assertThat(r.chance(1)).isTrue();
        assertThat(r.between(5, 5)).isEqualTo(5);
        assertThat(r.pick(new double[] {0, 0, 1})).isEqualTo(2);
        assertThat(r.pickCumulative(new double[] {0, 0, 1})).isEqualTo(2);
    }
}
