package io.winloss.search;

import java.util.Arrays;
import java.util.List;

/**
 * Counts distinct deals per key (a theme on one side, a product's standing on a criterion...) from (deal, key) pairs
 * given in any order: a deal's sentences need not be next to each other in the index, so a deal mentioning a theme in
 * ten sentences spread over three segments still counts once. Pairs are collected per slice, then grouped by deal in
 * linear time (a counting sort), never hashed. Deals and keys are dense ordinals.
 */
final class DistinctDeals {

    private DistinctDeals() {
    }

    /** Receives each distinct (deal, key) pair once, deal by deal in increasing order. */
    interface Pair {
        void of(int deal, int key);
    }

    /**
     * The pairs of one slice. Drops a pair already added since the slice last moved to another deal: sentences of one
     * deal mostly come together, so most repeats never take memory.
     */
    static final class Pairs {
        private final int[] addedInRun;
        private int run;
        private int lastDeal = -1;
        private int[] deals;
        private int[] keys;
        private int size;

        /** Pairs of keys below {@code keyCount}; {@code expected} sizes the arrays so they seldom grow (and copy). */
        Pairs(int keyCount, int expected) {
            addedInRun = new int[keyCount];
            deals = new int[Math.max(1024, expected)];
            keys = new int[deals.length];
        }

        void add(int deal, int key) {
            if (deal != lastDeal) {
                lastDeal = deal;
                run++;
            }
            if (addedInRun[key] == run) {
                return;
            }
            addedInRun[key] = run;
            if (size == deals.length) {
                deals = Arrays.copyOf(deals, size * 2);
                keys = Arrays.copyOf(keys, size * 2);
            }
            deals[size] = deal;
            keys[size] = key;
            size++;
        }
    }

    /** Calls {@code pair} once per distinct (deal, key) among all {@code slices}, deals below {@code dealCount}. */
    static void forEachDistinct(List<Pairs> slices, int dealCount, int keyCount, Pair pair) {
        int[] start = new int[dealCount + 1];
        long total = 0;
        for (Pairs slice : slices) {
            for (int i = 0; i < slice.size; i++) {
                start[slice.deals[i] + 1]++;
            }
            total += slice.size;
        }
        for (int deal = 0; deal < dealCount; deal++) {
            start[deal + 1] += start[deal];
        }
        int[] byDeal = new int[Math.toIntExact(total)];
        int[] next = Arrays.copyOf(start, dealCount);
        for (Pairs slice : slices) {
            for (int i = 0; i < slice.size; i++) {
                byDeal[next[slice.deals[i]]++] = slice.keys[i];
            }
        }
        int[] seenFor = new int[keyCount];
        for (int deal = 0; deal < dealCount; deal++) {
            for (int i = start[deal]; i < start[deal + 1]; i++) {
                int key = byDeal[i];
                if (seenFor[key] != deal + 1) {
                    seenFor[key] = deal + 1;
                    pair.of(deal, key);
                }
            }
        }
    }
}
