package io.winloss.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.winloss.search.themes.DealThemes;
import io.winloss.search.themes.Quote;
import io.winloss.search.themes.Theme;

class QuoteSearchDealThemesTests {

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

    private Map<String, DealThemes> byDeal(Map<String, List<String>> filters, LocalDate from, LocalDate to) {
        return search.dealThemes("ws-1", filters, from, to).stream()
                .collect(Collectors.toMap(DealThemes::dealId, Function.identity()));
    }

    @Test
    void oneEntryPerDealWithItsFactsThemesAndQuotes() {
        Quotes talkative = Quotes.in("ws-1").deal("d1", "lost").interview("iv-d1").segment("enterprise").closed(LocalDate.of(2026, 2, 10));
        add(talkative.criteria("price").competitors("Acme").sentiment("negative").keyPhrases("Per Seat Pricing")
                        .sentence("Acme was cheaper per seat."),
                talkative.criteria("price").competitors().keyPhrases().sentiment("neutral").sentence("Price came up."),
                talkative.criteria("price").sentence("Price again."),
                talkative.criteria().sentence("Nothing tagged here."),
                Quotes.in("ws-1").deal("d2", "won").interview("iv-d2").criteria("support").sentiment("positive").sentence("Support was great."));

        Map<String, DealThemes> deals = byDeal(Map.of(), null, null);

        assertThat(deals).containsOnlyKeys("d1", "d2");
        DealThemes d1 = deals.get("d1");
        assertThat(d1.outcome()).isEqualTo("lost");
        assertThat(d1.segment()).isEqualTo("enterprise");
        assertThat(d1.closeDate()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(d1.themes()).containsExactlyInAnyOrder(Theme.criterion("price"), Theme.competitor("Acme"),
                Theme.keyPhrase("per seat pricing"));
        assertThat(d1.quotesFor(Theme.criterion("price"))).extracting(Quote::text)
                .containsExactlyInAnyOrder("Acme was cheaper per seat.", "Price came up.", "Price again.");
        assertThat(d1.quotesFor(Theme.competitor("Acme"))).containsExactly(
                new Quote("interview:iv-d1#0", "Acme was cheaper per seat.", 1.0));
        assertThat(d1.quotesFor(Theme.criterion("price"))).filteredOn(q -> q.text().equals("Price came up."))
                .extracting(Quote::score).containsExactly(0.5);
        assertThat(deals.get("d2").themes()).containsExactly(Theme.criterion("support"));
    }

    @Test
    void aDealWithoutTaggedSentencesStillCountsAsADeal() {
        add(Quotes.in("ws-1").deal("d1", "lost").interview("iv-d1").sentence("We went another way."));

        assertThat(byDeal(Map.of(), null, null).get("d1").themes()).isEmpty();
    }

    @Test
    void filtersAreOrWithinADimensionAndAcross() {
        add(Quotes.in("ws-1").deal("d1", "lost").interview("iv-d1").segment("smb").competitors("Acme").sentence("Acme."),
                Quotes.in("ws-1").deal("d2", "lost").interview("iv-d2").segment("enterprise").competitors("Globex").sentence("Globex."),
                Quotes.in("ws-1").deal("d3", "won").interview("iv-d3").segment("smb").competitors("Acme").sentence("Acme again."),
                Quotes.in("ws-1").deal("d4", "no-decision").interview("iv-d4").segment("smb").sentence("Nothing."));

        assertThat(byDeal(Map.of(Fields.OUTCOME, List.of("lost")), null, null)).containsOnlyKeys("d1", "d2");
        assertThat(byDeal(Map.of(Fields.OUTCOME, List.of("lost", "won")), null, null)).containsOnlyKeys("d1", "d2", "d3");
        assertThat(byDeal(Map.of(Fields.OUTCOME, List.of("lost", "won"), Fields.SEGMENT, List.of("smb")), null, null))
                .containsOnlyKeys("d1", "d3");
        assertThat(byDeal(Map.of(Fields.COMPETITOR, List.of("Acme"), Fields.OUTCOME, List.of("lost")), null, null))
                .containsOnlyKeys("d1");
    }

    @Test
    void aCompetitorFilterKeepsOnlyTheSentencesNamingIt() {
        Quotes deal = Quotes.in("ws-1").deal("d1", "lost").interview("iv-d1");
        add(deal.competitors("Acme").criteria("price").sentence("Acme was cheaper."),
                deal.competitors().criteria("support").sentence("Support was slow."));

        assertThat(byDeal(Map.of(Fields.COMPETITOR, List.of("Acme")), null, null).get("d1").themes())
                .containsExactlyInAnyOrder(Theme.competitor("Acme"), Theme.criterion("price"));
    }

    @Test
    void dateRangeIsWhenTheBuyerSaidIt() {
        add(Quotes.in("ws-1").deal("d1", "lost").interview("iv-d1").on(LocalDate.of(2026, 1, 5)).sentence("Early."),
                Quotes.in("ws-1").deal("d2", "lost").interview("iv-d2").on(LocalDate.of(2026, 4, 5)).sentence("Late."));

        assertThat(byDeal(Map.of(), LocalDate.of(2026, 4, 1), null)).containsOnlyKeys("d2");
        assertThat(byDeal(Map.of(), null, LocalDate.of(2026, 1, 5))).containsOnlyKeys("d1");
    }

    @Test
    void anotherWorkspacesDealsAreNeverRead() {
        add(Quotes.in("ws-1").deal("d1", "lost").interview("iv-d1").criteria("price").sentence("Too expensive."),
                Quotes.in("ws-2").deal("d1", "won").interview("iv-d1").criteria("support").sentence("Too expensive."),
                Quotes.in("ws-2").deal("d9", "lost").interview("iv-d9").criteria("price").sentence("Too expensive."));

        List<DealThemes> deals = search.dealThemes("ws-1", Map.of(), null, null);

        assertThat(deals).hasSize(1);
        assertThat(deals.get(0).outcome()).isEqualTo("lost");
        assertThat(deals.get(0).themes()).containsExactly(Theme.criterion("price"));
        assertThat(search.dealThemes("ws-3", Map.of(), null, null)).isEmpty();
    }

    @Test
    void noWorkspaceOrAnUnknownFilterIsRefused() {
        assertThatThrownBy(() -> search.dealThemes(" ", Map.of(), null, null)).isInstanceOf(InvalidQuery.class);
        assertThatThrownBy(() -> search.dealThemes("ws-1", Map.of("speaker", List.of("Tom")), null, null))
                .isInstanceOf(InvalidQuery.class);
    }

    @Test
    void anEmptyIndexHasNoDeals() {
        assertThat(search.dealThemes("ws-1", Map.of(Fields.OUTCOME, List.of("lost")), null, null)).isEmpty();
    }
}
