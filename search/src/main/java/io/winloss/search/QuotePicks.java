package io.winloss.search;

/**
 * The sentences of one slice that may illustrate one theme on one side: the three deals whose best sentence ranks
 * first, each with its three best sentences, which is all {@code ThemeAnalysis.representativeQuotes} can ever choose
 * from. A sentence ranks by {@link #rank}: opinionated before neutral, then smaller id. A deal pushed out never comes
 * back with less than its best, as three deals then rank above that.
 */
final class QuotePicks {

    static final int DEALS = 3;
    static final int PER_DEAL = 3;

    final int[] deals = new int[DEALS];
    final long[][] ranks = new long[DEALS][PER_DEAL];
    final int[] counts = new int[DEALS];
    int dealCount;

    /**
     * The rank of a sentence, smaller is better: neutral after opinionated, then by id (ordinal {@code idOrd} in its
     * segment, where ordinals follow the ids' order), carrying its document so the winner can be read.
     */
    static long rank(boolean opinionated, int idOrd, int doc) {
        return (opinionated ? 0L : 1L << 62) | ((long) idOrd << 31) | doc;
    }

    static boolean opinionated(long rank) {
        return rank >>> 62 == 0;
    }

    static int idOrd(long rank) {
        return (int) ((rank >>> 31) & Integer.MAX_VALUE);
    }

    static int doc(long rank) {
        return (int) (rank & Integer.MAX_VALUE);
    }

    void offer(int deal, long rank) {
        for (int i = 0; i < dealCount; i++) {
            if (deals[i] == deal) {
                insert(i, rank);
                return;
            }
        }
        if (dealCount < DEALS) {
            deals[dealCount] = deal;
            ranks[dealCount][0] = rank;
            counts[dealCount] = 1;
            dealCount++;
            return;
        }
        int worst = 0;
        for (int i = 1; i < DEALS; i++) {
            if (ranks[i][0] > ranks[worst][0]) {
                worst = i;
            }
        }
        if (rank < ranks[worst][0]) {
            deals[worst] = deal;
            ranks[worst][0] = rank;
            counts[worst] = 1;
        }
    }

    private void insert(int slot, long rank) {
        long[] best = ranks[slot];
        int count = counts[slot];
        if (count == PER_DEAL && rank >= best[PER_DEAL - 1]) {
            return;
        }
        int i = Math.min(count, PER_DEAL - 1);
        while (i > 0 && best[i - 1] > rank) {
            best[i] = best[i - 1];
            i--;
        }
        best[i] = rank;
        counts[slot] = Math.min(count + 1, PER_DEAL);
    }
}
