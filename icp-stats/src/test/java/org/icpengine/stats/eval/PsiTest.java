package org.icpengine.stats.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;

class PsiTest {

    @Test
    void psiIsZeroForIdenticalSamples() {
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Psi.withQuantileBins(a, a.clone(), 5).psi()).isEqualTo(0.0);
    }

    @Test
    void psiWithCutPointsWorkedByHand() {
        // bins (-inf, 2), [2, 4), [4, inf): expected shares .5 .25 .25, actual .25 .25 .5
        double[] expected = {0, 1, 2, 4};
        double[] actual = {1, 3, 5, 6};
        PsiResult r = Psi.withCutPoints(expected, actual, new double[] {2, 4});
        double hand = (0.25 - 0.5) * Math.log(0.25 / 0.5) + 0 + (0.5 - 0.25) * Math.log(0.5 / 0.25);
        assertThat(r.psi()).isCloseTo(hand, within(1e-15));
        assertThat(r.bins()).hasSize(3);
        assertThat(r.bins().get(0).lower()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.bins().get(0).expectedCount()).isEqualTo(2);
        assertThat(r.bins().get(2).actualShare()).isEqualTo(0.5);
    }

    @Test
    void emptyBinUsesTheDocumentedSmallShare() {
        PsiResult r = Psi.withCutPoints(new double[] {0, 0, 5, 5}, new double[] {0, 0, 0, 0}, new double[] {1});
        double e = Psi.EMPTY_BIN_SHARE;
        double hand = (1 - 0.5) * Math.log(1 / 0.5) + (e - 0.5) * Math.log(e / 0.5);
        assertThat(r.psi()).isCloseTo(hand, within(1e-12));
        assertThat(r.bins().get(1).actualShare()).isEqualTo(0.0);
    }

    @Test
    void quantileBinsSplitTheReferenceEvenlyAndDetectAShift() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] train = new double[10_000];
        double[] same = new double[10_000];
        double[] shifted = new double[10_000];
        for (int i = 0; i < train.length; i++) {
            train[i] = rng.nextGaussian();
            same[i] = rng.nextGaussian();
            shifted[i] = rng.nextGaussian() + 0.5;
        }
        PsiResult stable = Psi.withQuantileBins(train, same, 10);
        assertThat(stable.bins()).hasSize(10)
                .allSatisfy(b -> assertThat(b.expectedShare()).isCloseTo(0.1, within(1e-12)));
        assertThat(stable.psi()).isLessThan(0.01);
        // two unit-variance normals half a sd apart: PSI -> KL symmetrised = 0.25 as bins get fine
        assertThat(Psi.withQuantileBins(train, shifted, 10).psi()).isBetween(0.18, 0.27);
    }

    @Test
    void badCutPointsAndNaNAreRejected() {
        double[] a = {1, 2};
        assertThatThrownBy(() -> Psi.withCutPoints(a, a, new double[] {2, 1}))
                .isInstanceOf(InputException.class)
                .hasMessage("cutPoints must be strictly increasing; cutPoints[1] = 1.0 follows 2.0");
        assertThatThrownBy(() -> Psi.withQuantileBins(a, new double[] {Double.NaN}, 4))
                .isInstanceOf(InputException.class).hasMessage("actual[0] is NaN");
        assertThatThrownBy(() -> Psi.withQuantileBins(new double[0], a, 4))
                .isInstanceOf(InputException.class).hasMessage("expected must not be empty");
    }
}
