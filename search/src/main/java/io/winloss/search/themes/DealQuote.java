package io.winloss.search.themes;

/** A quote chosen to illustrate a theme, with the deal it came from so a reader can open it. */
public record DealQuote(String dealId, String outcome, String id, String text, double score) {

    static DealQuote of(DealThemes deal, Quote quote) {
        return new DealQuote(deal.dealId(), deal.outcome(), quote.id(), quote.text(), quote.score());
    }
}
