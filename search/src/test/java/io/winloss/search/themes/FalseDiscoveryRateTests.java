package io.winloss.search.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FalseDiscoveryRateTests {

    @Test
    void matchesTheStepUpProcedureOnAWorkedExample() {
        double[] p = {0.005, 0.009, 0.019, 0.022, 0.051, 0.101, 0.361, 0.387};

        double[] q = FalseDiscoveryRate.benjaminiHochberg(p);

        // p(i) * 8 / i, then the running minimum from the largest p down (as R's p.adjust "BH").
        assertThat(q).containsExactly(new double[] {0.036, 0.036, 0.044, 0.044, 0.0816, 0.101 * 8 / 6, 0.387, 0.387},
                within(1e-12));
    }

    @Test
    void rejectsTheFourHypothesesOfBenjaminiAndHochbergsOwnExample() {
        // The 15 p-values of Benjamini & Hochberg (1995), section 4: at FDR 0.05 the first four are rejected.
        double[] p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459,
                0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0000};

        double[] q = FalseDiscoveryRate.benjaminiHochberg(p);

        assertThat(java.util.Arrays.stream(q).filter(v -> v <= 0.05).count()).isEqualTo(4);
        assertThat(q[3]).isCloseTo(0.0095 * 15 / 4, within(1e-12));
        assertThat(q[4]).isCloseTo(0.0201 * 15 / 5, within(1e-12));
    }

    @Test
    void qValuesKeepTheOrderOfUnsortedInputAndAreAtLeastP() {
        double[] p = {0.4, 0.01, 0.9, 0.03, 0.03, 0.2};

        double[] q = FalseDiscoveryRate.benjaminiHochberg(p);

        for (int i = 0; i < p.length; i++) {
            assertThat(q[i]).isGreaterThanOrEqualTo(p[i]).isLessThanOrEqualTo(1.0);
            for (int j = 0; j < p.length; j++) {
                if (p[i] <= p[j]) {
                    assertThat(q[i]).isLessThanOrEqualTo(q[j]);
                }
            }
        }
    }

    @Test
    void noPValuesGiveNoQValues() {
        assertThat(FalseDiscoveryRate.benjaminiHochberg(new double[0])).isEmpty();
    }
}
