package io.winloss.search.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.apache.commons.statistics.inference.FisherExactTest;
import org.junit.jupiter.api.Test;

class FisherTestTests {

    private static final FisherExactTest COMMONS = FisherExactTest.withDefaults();

    private static void agreesWithCommons(int focusWith, int focus, int baselineWith, int baseline) {
        double expected = COMMONS.test(new int[][] {{focusWith, focus - focusWith}, {baselineWith, baseline - baselineWith}})
                .getPValue();
        double actual = FisherTest.twoSided(focusWith, focus, baselineWith, baseline);
        assertThat(actual).as("%d/%d against %d/%d", focusWith, focus, baselineWith, baseline)
                .isCloseTo(expected, within(Math.max(expected * 1e-9, 1e-300)));
    }

    @Test
    void agreesWithCommonsOnSmallTablesEverywhere() {
        for (int focus = 0; focus <= 12; focus++) {
            for (int baseline = focus == 0 ? 1 : 0; baseline <= 12; baseline++) {
                for (int a = 0; a <= focus; a++) {
                    for (int b = 0; b <= baseline; b++) {
                        agreesWithCommons(a, focus, b, baseline);
                    }
                }
            }
        }
    }

    @Test
    void agreesWithCommonsOnLargeTablesFromCommonToRareThemes() {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            int focus = 100 + random.nextInt(60_000);
            int baseline = 100 + random.nextInt(60_000);
            double rate = random.nextDouble() * (i % 3 == 0 ? 0.01 : 0.6);
            double lift = 0.7 + random.nextDouble() * 0.6;
            int a = (int) (focus * Math.min(1, rate * lift));
            int b = (int) (baseline * rate);
            agreesWithCommons(a, focus, b, baseline);
        }
        agreesWithCommons(0, 50_000, 0, 50_000);
        agreesWithCommons(50_000, 50_000, 50_000, 50_000);
        agreesWithCommons(21_000, 42_000, 21_000, 42_000);
        agreesWithCommons(20_000, 42_000, 1_000, 42_000);
    }

    @Test
    void theTextbookTeaTastingTable() {
        // Fisher's lady tasting tea: 3 of 4 right, two-sided p = 17/35.
        assertThat(FisherTest.twoSided(3, 4, 1, 4)).isCloseTo(17.0 / 35, within(1e-12));
    }
}
