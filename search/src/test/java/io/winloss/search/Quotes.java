package io.winloss.search;

import java.time.LocalDate;
import java.util.List;

/** Builds test sentences with sensible defaults; each call to {@link #sentence} gives the next index of the source. */
final class Quotes {

    private String workspace = "ws-1";
    private String deal = "deal-1";
    private String source = QuoteRecord.INTERVIEW;
    private String sourceId = "iv-1";
    private int nextIndex = 0;
    private String outcome = "lost";
    private String segment = "mid-market";
    private Double amount = 12_000.0;
    private LocalDate closeDate = LocalDate.of(2026, 2, 10);
    private LocalDate date = LocalDate.of(2026, 3, 1);
    private List<String> competitors = List.of();
    private List<String> criteria = List.of();
    private String sentiment = "neutral";
    private List<String> keyPhrases = List.of();
    private List<Aspect> aspects;

    static Quotes in(String workspace) {
        Quotes quotes = new Quotes();
        quotes.workspace = workspace;
        return quotes;
    }

    Quotes deal(String deal, String outcome) {
        this.deal = deal;
        this.outcome = outcome;
        return this;
    }

    Quotes interview(String id) {
        this.source = QuoteRecord.INTERVIEW;
        this.sourceId = id;
        this.nextIndex = 0;
        return this;
    }

    Quotes survey(String id) {
        this.source = QuoteRecord.SURVEY;
        this.sourceId = id;
        this.nextIndex = 0;
        return this;
    }

    Quotes segment(String segment) {
        this.segment = segment;
        return this;
    }

    Quotes closed(LocalDate closeDate) {
        this.closeDate = closeDate;
        return this;
    }

    Quotes on(LocalDate date) {
        this.date = date;
        return this;
    }

    Quotes competitors(String... competitors) {
        this.competitors = List.of(competitors);
        return this;
    }

    Quotes criteria(String... criteria) {
        this.criteria = List.of(criteria);
        return this;
    }

    Quotes keyPhrases(String... keyPhrases) {
        this.keyPhrases = List.of(keyPhrases);
        return this;
    }

    /** These aspects instead of one competitor aspect per competitor named, with the sentence's sentiment. */
    Quotes aspects(Aspect... aspects) {
        this.aspects = List.of(aspects);
        return this;
    }

    Quotes sentiment(String sentiment) {
        this.sentiment = sentiment;
        return this;
    }

    QuoteRecord sentence(String text) {
        int index = nextIndex++;
        String id = source.equals(QuoteRecord.INTERVIEW)
                ? QuoteRecord.interviewSentenceId(sourceId, index)
                : QuoteRecord.responseAnswerId(sourceId, "q" + index);
        return new QuoteRecord(id, workspace, deal, source, sourceId, index, "Dana Buyer", "buyer", text, outcome,
                segment, amount, closeDate, date, competitors, criteria, sentiment,
                aspects != null ? aspects : competitors.stream().map(c -> new Aspect("competitor", c, sentiment)).toList(),
                keyPhrases);
    }
}
