package io.winloss.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.winloss.search.themes.DealQuote;
import io.winloss.search.themes.DealThemes;
import io.winloss.search.themes.Quote;
import io.winloss.search.themes.Theme;
import io.winloss.search.themes.ThemeAnalysis;
import io.winloss.search.themes.ThemeReport;
import io.winloss.search.themes.ThemeStats;

class QuoteSearchThemesTests {

    private static final ThemeRequest LOST_VS_WON = new ThemeRequest(List.of("lost"), List.of("won"), Map.of(), null, null);
    private static final ThemeAnalysis.Options EVERY_THEME = ThemeAnalysis.Options.defaults().withMinDeals(1).withMaxThemes(1000);

    private ByteBuffersDirectory directory;
    private QuoteIndex index;
    private QuoteSearch search;

    @BeforeEach
    void openIndex() {
        directory = new ByteBuffersDirectory();
        index = QuoteIndex.open(directory);
        search = new QuoteSearch(index);
    }

    @AfterEach
    void closeIndex() throws Exception {
        index.close();
        directory.close();
    }

    private void add(QuoteRecord... quotes) {
        for (QuoteRecord quote : quotes) {
            index.upsert(quote);
        }
        index.commit(1);
    }

    /** What the index holds, as the list-of-deals path reads it: one DealThemes per deal with a matching sentence. */
    private static List<DealThemes> dealsOf(Map<String, QuoteRecord> corpus, String workspace, List<String> outcomes,
            ThemeRequest request) {
        Map<String, DealThemes.Builder> deals = new LinkedHashMap<>();
        for (QuoteRecord sentence : corpus.values()) {
            if (!sentence.workspaceId().equals(workspace) || !outcomes.contains(sentence.outcome())
                    || !matches(sentence, request)) {
                continue;
            }
            DealThemes.Builder deal = deals.computeIfAbsent(sentence.dealId(),
                    id -> DealThemes.builder(id, sentence.outcome()).segment(sentence.segment()).closeDate(sentence.closeDate()));
            double score = sentence.sentiment().equals("neutral") ? 0.5 : 1.0;
            Quote quote = new Quote(sentence.id(), sentence.text(), score);
            sentence.criteria().forEach(c -> deal.quote(Theme.criterion(c), quote));
            sentence.competitors().forEach(c -> deal.quote(Theme.competitor(c), quote));
            sentence.keyPhrases().forEach(p -> deal.quote(Theme.keyPhrase(p), quote));
        }
        return deals.values().stream().map(DealThemes.Builder::build).toList();
    }

    private static boolean matches(QuoteRecord sentence, ThemeRequest request) {
        if (request.from() != null && sentence.date().isBefore(request.from())
                || request.to() != null && sentence.date().isAfter(request.to())) {
            return false;
        }
        for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
            List<String> values = switch (filter.getKey()) {
                case Fields.SEGMENT -> List.of(sentence.segment());
                case Fields.COMPETITOR -> sentence.competitors();
                case Fields.SENTIMENT -> List.of(sentence.sentiment());
                default -> throw new IllegalArgumentException(filter.getKey());
            };
            if (Collections.disjoint(values, filter.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static ThemeReport ranked(Map<String, QuoteRecord> corpus, ThemeRequest request, ThemeAnalysis.Options options) {
        return ThemeAnalysis.rank(dealsOf(corpus, "ws-1", request.focusOutcomes(), request),
                dealsOf(corpus, "ws-1", request.baselineOutcomes(), request), options);
    }

    /**
     * 120 deals of two workspaces, sentences indexed in random order over several commits (so a deal's sentences lie
     * apart, in several segments), a quarter of them then replaced with other tags.
     */
    private Map<String, QuoteRecord> randomCorpus(long seed) {
        Random random = new Random(seed);
        String[] outcomes = {"won", "lost", "no_decision"};
        String[] segments = {"smb", "enterprise"};
        String[] sentiments = {"positive", "neutral", "negative"};
        String[] criteria = {"price", "support", "integration", "security"};
        String[] competitors = {"Acme", "Globex", "Initech"};
        String[] phrases = {"per seat pricing", "sso", "api limits", "onboarding", "", "  "};
        List<QuoteRecord> sentences = new ArrayList<>();
        for (int d = 0; d < 120; d++) {
            String workspace = d % 10 == 9 ? "ws-2" : "ws-1";
            Quotes deal = Quotes.in(workspace).deal("d" + d, outcomes[random.nextInt(3)]).interview("iv-" + d)
                    .segment(segments[random.nextInt(2)])
                    .closed(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(500)));
            int count = 1 + random.nextInt(8);
            for (int s = 0; s < count; s++) {
                deal.criteria(pick(random, criteria, 2)).competitors(pick(random, competitors, 2))
                        .keyPhrases(pick(random, phrases, 2)).sentiment(sentiments[random.nextInt(3)])
                        .on(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(90)));
                sentences.add(deal.sentence("Deal " + d + " sentence " + s + "."));
            }
        }
        Collections.shuffle(sentences, random);
        Map<String, QuoteRecord> corpus = new LinkedHashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            index.upsert(sentences.get(i));
            corpus.put(Fields.keyOf(sentences.get(i).workspaceId(), sentences.get(i).id()), sentences.get(i));
            if (i % 97 == 0) {
                index.commit(i);
            }
        }
        for (QuoteRecord old : sentences.subList(0, sentences.size() / 4)) {
            QuoteRecord changed = new QuoteRecord(old.id(), old.workspaceId(), old.dealId(), old.source(), old.sourceId(),
                    old.sentenceIndex(), old.speaker(), old.role(), old.text() + " Corrected.", old.outcome(),
                    old.segment(), old.amount(), old.closeDate(), old.date(), List.of(pick(random, competitors, 1)),
                    List.of(pick(random, criteria, 3)), sentiments[random.nextInt(3)], old.aspects(),
                    List.of(pick(random, phrases, 1)));
            index.upsert(changed);
            corpus.put(Fields.keyOf(changed.workspaceId(), changed.id()), changed);
        }
        index.commit(sentences.size());
        corpus.replaceAll((key, sentence) -> new QuoteRecord(sentence.id(), sentence.workspaceId(), sentence.dealId(),
                sentence.source(), sentence.sourceId(), sentence.sentenceIndex(), sentence.speaker(), sentence.role(),
                sentence.text(), sentence.outcome(), sentence.segment(), sentence.amount(), sentence.closeDate(),
                sentence.date(), sentence.competitors(), sentence.criteria(), sentence.sentiment(), sentence.aspects(),
                sentence.keyPhrases().stream().map(String::toLowerCase).filter(p -> !p.isBlank()).distinct().toList()));
        return corpus;
    }

    private static String[] pick(Random random, String[] from, int atMost) {
        List<String> picked = new ArrayList<>();
        for (int i = random.nextInt(atMost + 1); i > 0; i--) {
            String value = from[random.nextInt(from.length)];
            if (!picked.contains(value)) {
                picked.add(value);
            }
        }
        return picked.toArray(String[]::new);
    }

    @Test
    void theScanRanksExactlyAsTheListOfDealsOnARandomCorpus() {
        for (long seed = 1; seed <= 5; seed++) {
            closeAndReopen();
            Map<String, QuoteRecord> corpus = randomCorpus(seed);

            for (ThemeAnalysis.Options options : List.of(ThemeAnalysis.Options.defaults(), EVERY_THEME,
                    ThemeAnalysis.Options.defaults().withMaxThemes(5))) {
                ThemeReport scanned = search.themes("ws-1", LOST_VS_WON, options);

                assertThat(scanned).as("seed %d, %s", seed, options).isEqualTo(ranked(corpus, LOST_VS_WON, options));
            }
            ThemeRequest noDecisionVsAll = new ThemeRequest(List.of("no_decision"), List.of("won", "lost"), Map.of(), null, null);
            assertThat(search.themes("ws-1", noDecisionVsAll, EVERY_THEME))
                    .isEqualTo(ranked(corpus, noDecisionVsAll, EVERY_THEME));
        }
    }

    @Test
    void theScanRanksExactlyAsTheListOfDealsWithFiltersAndDates() {
        Map<String, QuoteRecord> corpus = randomCorpus(42);
        List<ThemeRequest> requests = List.of(
                new ThemeRequest(List.of("lost"), List.of("won"), Map.of(Fields.SEGMENT, List.of("smb")), null, null),
                new ThemeRequest(List.of("lost"), List.of("won"), Map.of(Fields.COMPETITOR, List.of("Acme", "Globex"),
                        Fields.SENTIMENT, List.of("negative")), null, null),
                new ThemeRequest(List.of("lost", "no_decision"), List.of("won"), Map.of(),
                        LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 20)));

        for (ThemeRequest request : requests) {
            assertThat(search.themes("ws-1", request, EVERY_THEME)).as("%s", request)
                    .isEqualTo(ranked(corpus, request, EVERY_THEME));
        }
    }

    @Test
    void aDealWhoseSentencesLieApartCountsOnce() {
        Quotes talkative = Quotes.in("ws-1").deal("d1", "lost").interview("iv-d1").criteria("price");
        Quotes other = Quotes.in("ws-1").deal("d2", "lost").interview("iv-d2").criteria("price");
        index.upsert(talkative.sentiment("neutral").sentence("Price came up."));
        index.upsert(other.sentence("Price for us too."));
        index.commit(1);
        index.upsert(talkative.sentiment("negative").sentence("Price again."));
        index.upsert(Quotes.in("ws-1").deal("d3", "won").interview("iv-d3").criteria("support").sentence("Support."));
        index.commit(2);
        index.upsert(talkative.sentiment("neutral").keyPhrases("Per Seat").sentence("And price once more."));
        index.commit(3);

        ThemeReport report = search.themes("ws-1", LOST_VS_WON, EVERY_THEME);

        ThemeStats price = report.themes().stream().filter(t -> t.theme().equals("price")).findFirst().orElseThrow();
        assertThat(report.sample().focus()).isEqualTo(2);
        assertThat(price.focusDeals()).isEqualTo(2);
        assertThat(price.quotes()).containsExactly(
                new DealQuote("d1", "lost", "interview:iv-d1#1", "Price again.", 1.0),
                new DealQuote("d2", "lost", "interview:iv-d2#0", "Price for us too.", 0.5),
                new DealQuote("d1", "lost", "interview:iv-d1#0", "Price came up.", 0.5));
        assertThat(report.themes()).extracting(ThemeStats::theme).contains("per seat");
    }

    @Test
    void filtersAndDatesApplyToBothSets() {
        add(Quotes.in("ws-1").deal("d1", "lost").interview("iv-1").segment("smb").criteria("price").sentence("Lost smb."),
                Quotes.in("ws-1").deal("d2", "lost").interview("iv-2").segment("enterprise").criteria("price").sentence("Lost ent."),
                Quotes.in("ws-1").deal("d3", "won").interview("iv-3").segment("smb").criteria("price").sentence("Won smb."),
                Quotes.in("ws-1").deal("d4", "won").interview("iv-4").segment("enterprise").criteria("price").sentence("Won ent."),
                Quotes.in("ws-1").deal("d5", "won").interview("iv-5").segment("smb").on(LocalDate.of(2025, 1, 1))
                        .criteria("price").sentence("Won smb, long ago."));

        ThemeReport smb = search.themes("ws-1",
                new ThemeRequest(List.of("lost"), List.of("won"), Map.of(Fields.SEGMENT, List.of("smb")), null, null), EVERY_THEME);
        ThemeReport recentSmb = search.themes("ws-1", new ThemeRequest(List.of("lost"), List.of("won"),
                Map.of(Fields.SEGMENT, List.of("smb")), LocalDate.of(2026, 1, 1), null), EVERY_THEME);

        assertThat(smb.sample()).isEqualTo(new io.winloss.search.themes.Sample(3, 1, 2));
        assertThat(recentSmb.sample()).isEqualTo(new io.winloss.search.themes.Sample(2, 1, 1));
    }

    @Test
    void anotherWorkspacesDealsAreNeverCounted() {
        add(Quotes.in("ws-1").deal("d1", "lost").interview("iv-d1").criteria("price").sentence("Too expensive."),
                Quotes.in("ws-2").deal("d1", "won").interview("iv-d1").criteria("support").sentence("Great support."),
                Quotes.in("ws-2").deal("d9", "lost").interview("iv-d9").criteria("price").sentence("Too expensive."));

        ThemeReport report = search.themes("ws-1", LOST_VS_WON, EVERY_THEME);

        assertThat(report.sample()).isEqualTo(new io.winloss.search.themes.Sample(1, 1, 0));
        assertThat(report.themes()).extracting(ThemeStats::theme).containsExactly("price");
        assertThat(report.themes().get(0).quotes()).extracting(DealQuote::dealId).containsExactly("d1");
        assertThat(search.themes("ws-3", LOST_VS_WON, EVERY_THEME).sample().deals()).isZero();
    }

    @Test
    void aDealWithAFocusAndABaselineOutcomeIsRefused() {
        add(Quotes.in("ws-1").deal("d1", "lost").interview("iv-1").sentence("Lost."),
                Quotes.in("ws-1").deal("d1", "won").interview("iv-2").sentence("Won?"));

        assertThatThrownBy(() -> search.themes("ws-1", LOST_VS_WON, EVERY_THEME))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d1");
    }

    @Test
    void anEmptyIndexHasNoThemesAndNoWorkspaceIsRefused() {
        assertThat(search.themes("ws-1", LOST_VS_WON, EVERY_THEME).themes()).isEmpty();
        assertThat(search.trends("ws-1", LOST_VS_WON, List.of(Theme.criterion("price")))).singleElement()
                .satisfies(trend -> assertThat(trend.quarters()).isEmpty());
        assertThat(search.competitorAspects("ws-1", LOST_VS_WON)).isEmpty();
        assertThatThrownBy(() -> search.themes(" ", LOST_VS_WON, EVERY_THEME)).isInstanceOf(InvalidQuery.class);
    }

    private void closeAndReopen() {
        index.close();
        directory = new ByteBuffersDirectory();
        index = QuoteIndex.open(directory);
        search = new QuoteSearch(index);
    }
}
