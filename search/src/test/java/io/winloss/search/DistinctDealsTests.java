package io.winloss.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DistinctDealsTests {

    @Test
    void aDealSpreadOverRunsAndSlicesCountsEachKeyOnce() {
        DistinctDeals.Pairs first = new DistinctDeals.Pairs(4, 0);
        first.add(7, 1);
        first.add(7, 1);
        first.add(3, 1);
        first.add(7, 1); // deal 7 again, in a second run
        first.add(7, 2);
        DistinctDeals.Pairs second = new DistinctDeals.Pairs(4, 0);
        second.add(7, 2); // and in another slice
        second.add(5, 0);

        List<String> seen = new ArrayList<>();
        DistinctDeals.forEachDistinct(List.of(first, second), 8, 4, (deal, key) -> seen.add(deal + ":" + key));

        assertThat(seen).containsExactlyInAnyOrder("7:1", "7:2", "3:1", "5:0");
    }

    @Test
    void givesExactlyTheDistinctPairsOfRandomInput() {
        SplittableRandom random = new SplittableRandom(42);
        Set<String> expected = new HashSet<>();
        List<DistinctDeals.Pairs> slices = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            DistinctDeals.Pairs slice = new DistinctDeals.Pairs(30, 10);
            int deal = random.nextInt(500);
            for (int i = 0; i < 5_000; i++) {
                if (random.nextInt(4) == 0) {
                    deal = random.nextInt(500); // mostly runs, sometimes a deal seen before
                }
                int key = random.nextInt(30);
                slice.add(deal, key);
                expected.add(deal + ":" + key);
            }
            slices.add(slice);
        }

        List<String> seen = new ArrayList<>();
        DistinctDeals.forEachDistinct(slices, 500, 30, (deal, key) -> seen.add(deal + ":" + key));

        assertThat(seen).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    }
}
