package io.winloss.search;

import java.util.Arrays;
import java.util.List;

/**
 * Counts distinct deals per key (a theme on one side, a product's standing on a criterion...) from (deal, key) pairs
 * given in any order: a deal's sentences need not be next to each other in the index, so a deal mentioning a theme in
 * ten sentences spread over three segments still counts once. Each slice records its pairs as runs, one per stretch
 * of consecutive sentences of one deal, with no key twice in a run. A deal with one run in the whole scan (its
 * sentences were written together, the usual case) has its pairs distinct already and passes straight through; only
 * the pairs of deals with several runs are grouped by deal (a counting sort, never a hash) to drop repeats.
 */
final class DistinctDeals {

    private DistinctDeals() {
    }

    /** Receives each distinct (deal, key) pair once, in no particular order. */
    interface Pair {
        void of(int deal, int key);
    }

    /** The pairs of one slice, as runs of one deal each; a key already added in the current run is dropped. */
    static final class Pairs {
        private final int[] addedInRun;
        private int[] keys;
        private int size;
        private int[] runDeals = new int[256];
        private int[] runStarts = new int[256];
        private int runs;
        private int lastDeal = -1;

        /** Pairs of keys below {@code keyCount}; {@code expected} sizes the arrays so they seldom grow (and copy). */
        Pairs(int keyCount, int expected) {
            addedInRun = new int[keyCount];
            keys = new int[Math.max(1024, expected)];
        }

        void add(int deal, int key) {
            if (deal != lastDeal) {
                lastDeal = deal;
                if (runs == runDeals.length) {
                    runDeals = Arrays.copyOf(runDeals, runs * 2);
                    runStarts = Arrays.copyOf(runStarts, runs * 2);
                }
                runDeals[runs] = deal;
                runStarts[runs] = size;
                runs++;
            }
            // runs are numbered from 1, so the array's zeros never match
            if (addedInRun[key] == runs) {
                return;
            }
            addedInRun[key] = runs;
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key;
        }

        private int runEnd(int run) {
            return run + 1 < runs ? runStarts[run + 1] : size;
        }
    }

    /** Calls {@code pair} once per distinct (deal, key) among all {@code slices}, deals below {@code dealCount}. */
    static void forEachDistinct(List<Pairs> slices, int dealCount, int keyCount, Pair pair) {
        int[] runsOfDeal = new int[dealCount];
        for (Pairs slice : slices) {
            for (int run = 0; run < slice.runs; run++) {
                runsOfDeal[slice.runDeals[run]]++;
            }
        }
        int[] start = new int[dealCount + 1];
        long repeated = 0;
        for (Pairs slice : slices) {
            for (int run = 0; run < slice.runs; run++) {
                int deal = slice.runDeals[run];
                int from = slice.runStarts[run];
                int to = slice.runEnd(run);
                if (runsOfDeal[deal] == 1) {
                    for (int i = from; i < to; i++) {
                        pair.of(deal, slice.keys[i]);
                    }
                } else {
                    start[deal + 1] += to - from;
                    repeated += to - from;
                }
            }
        }
        if (repeated > 0) {
            forEachDistinctOfSeveralRuns(slices, runsOfDeal, start, Math.toIntExact(repeated), keyCount, pair);
        }
    }

    /** The pairs of deals with several runs, grouped by deal; {@code start[deal + 1]} holds each deal's pair count. */
    private static void forEachDistinctOfSeveralRuns(List<Pairs> slices, int[] runsOfDeal, int[] start, int total,
            int keyCount, Pair pair) {
        int dealCount = runsOfDeal.length;
        for (int deal = 0; deal < dealCount; deal++) {
            start[deal + 1] += start[deal];
        }
        int[] byDeal = new int[total];
        int[] next = Arrays.copyOf(start, dealCount);
        for (Pairs slice : slices) {
            for (int run = 0; run < slice.runs; run++) {
                int deal = slice.runDeals[run];
                if (runsOfDeal[deal] > 1) {
                    for (int i = slice.runStarts[run], to = slice.runEnd(run); i < to; i++) {
                        byDeal[next[deal]++] = slice.keys[i];
                    }
                }
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
