package io.winloss.search.themes;

/**
 * What a reader may conclude from a theme or from the whole sample, said plainly, with how
 * many more deals would help. The rules are in {@link SampleRules}.
 *
 * @param detectableDifference the smallest difference between focus and baseline rates
 *                             (0..1) that this many deals would detect
 * @param moreDealsNeeded      how many more deals, focus and baseline together, would be
 *                             needed; 0 when none; null when no number would (the rates
 *                             observed are equal)
 */
public record Verdict(Conclusion conclusion, String message, double detectableDifference, Integer moreDealsNeeded) {

    public enum Conclusion {
        /** Too few deals to conclude anything. */
        TOO_SMALL,
        /** Enough deals to compare, but this theme's difference could be chance. */
        NO_CLEAR_DIFFERENCE,
        /** The difference is unlikely to be chance (q below 0.05). */
        SIGNIFICANT,
        /** The sample as a whole is large enough to compare focus with baseline. */
        ENOUGH_DEALS
    }

    public boolean tooSmall() {
        return conclusion == Conclusion.TOO_SMALL;
    }
}
