package org.icpengine.stats.binning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.icpengine.errors.InputException;
import org.junit.jupiter.api.Test;

class IvStrengthTest {

    @Test
    void labelsFollowSiddiqisThresholdsWithEachBoundInTheHigherLabel() {
        assertThat(IvStrength.of(0)).isEqualTo(IvStrength.USELESS);
        assertThat(IvStrength.of(0.0199)).isEqualTo(IvStrength.USELESS);
        assertThat(IvStrength.of(0.02)).isEqualTo(IvStrength.WEAK);
        assertThat(IvStrength.of(0.1)).isEqualTo(IvStrength.MEDIUM);
        assertThat(IvStrength.of(0.3)).isEqualTo(IvStrength.STRONG);
        assertThat(IvStrength.of(0.4999)).isEqualTo(IvStrength.STRONG);
        assertThat(IvStrength.of(0.5)).isEqualTo(IvStrength.SUSPICIOUS);
        assertThat(IvStrength.of(12)).isEqualTo(IvStrength.SUSPICIOUS);
    }

    @Test
    void rejectsNegativeAndNaN() {
        assertThatThrownBy(() -> IvStrength.of(-0.1)).isInstanceOf(InputException.class).hasMessageContaining("iv");
        assertThatThrownBy(() -> IvStrength.of(Double.NaN)).isInstanceOf(InputException.class);
    }
}
