package io.winloss.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.winloss.search.themes.Theme;
import io.winloss.search.themes.Trend;

class QuoteSearchTrendsTests {

    private static final ThemeRequest LOST_VS_WON = new ThemeRequest(List.of("lost"), List.of("won"), Map.of(), null, null);
    private static final Theme PRICE = Theme.criterion("price");
    private static final Theme ACME = Theme.competitor("Acme");
    private static final Theme PER_SEAT = Theme.keyPhrase("per seat");

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private QuoteIndex index;
    private QuoteSearch search;

    @BeforeEach
    void openIndex() {
        index = QuoteIndex.open(directory);
        search = new QuoteSearch(index);
    }

    @AfterEach
    void closeIndex() throws Exception {
        index.close();
        directory.close();
    }

    private static Quotes lost(String deal, String closed) {
        return Quotes.in("ws-1").deal(deal, "lost").interview("iv-" + deal).closed(closed == null ? null : LocalDate.parse(closed));
    }

    @Test
    void ratesPerQuarterOfCloseDateOverFocusDealsOnly() {
        Quotes a = lost("a", "2026-01-15");
        index.upsert(a.criteria("price").sentence("Price."));
        index.upsert(lost("b", "2026-03-31").criteria("support").sentence("Support."));
        index.upsert(lost("c", "2026-02-01").criteria("price").competitors("Acme").sentence("Acme was cheaper."));
        index.commit(1);
        index.upsert(a.criteria("price").keyPhrases("Per Seat").sentence("Price again, per seat."));
        index.upsert(lost("d", "2026-07-01").criteria("price").sentence("Price."));
        index.upsert(lost("e", null).criteria("price").sentence("Undated price."));
        index.upsert(Quotes.in("ws-1").deal("w", "won").interview("iv-w").closed(LocalDate.parse("2026-01-02"))
                .criteria("price").sentence("A won deal."));
        index.upsert(Quotes.in("ws-2").deal("x", "lost").interview("iv-x").closed(LocalDate.parse("2026-01-02"))
                .criteria("price").sentence("Another workspace."));
        index.commit(2);

        List<Trend> trends = search.trends("ws-1", LOST_VS_WON, List.of(PRICE, ACME, PER_SEAT, Theme.keyPhrase("absent")));

        Trend price = trends.get(0);
        assertThat(price.quarters()).extracting(Trend.QuarterRate::quarter)
                .containsExactly("2026-Q1", "2026-Q2", "2026-Q3");
        assertThat(price.quarters()).extracting(Trend.QuarterRate::deals).containsExactly(3, 0, 1);
        assertThat(price.quarters()).extracting(Trend.QuarterRate::themeDeals).containsExactly(2, 0, 1);
        assertThat(price.undatedDeals()).isEqualTo(1);
        assertThat(trends.get(1).quarters()).extracting(Trend.QuarterRate::themeDeals).containsExactly(1, 0, 0);
        assertThat(trends.get(2).quarters()).extracting(Trend.QuarterRate::themeDeals).containsExactly(1, 0, 0);
        assertThat(trends.get(3).quarters()).extracting(Trend.QuarterRate::themeDeals).containsExactly(0, 0, 0);
        assertThat(trends).extracting(Trend::theme).containsExactly("price", "Acme", "per seat", "absent");
    }

    @Test
    void equalsTrendOfTheSameDealsListedOneByOne() {
        Quotes a = lost("a", "2025-11-02");
        index.upsert(a.criteria("price").sentence("Price."));
        index.upsert(lost("b", "2026-05-02").criteria().sentence("Nothing."));
        index.upsert(a.criteria("support").sentence("Support."));
        index.commit(1);

        List<Trend> scanned = search.trends("ws-1", LOST_VS_WON, List.of(PRICE, PRICE));

        List<io.winloss.search.themes.DealThemes> listed = List.of(
                new io.winloss.search.themes.DealThemes("a", "lost", null, LocalDate.parse("2025-11-02"),
                        java.util.Set.of(PRICE, Theme.criterion("support"))),
                new io.winloss.search.themes.DealThemes("b", "lost", null, LocalDate.parse("2026-05-02"), java.util.Set.of()));
        assertThat(scanned).isEqualTo(Trend.of(List.of(PRICE, PRICE), listed));
    }

    @Test
    void filtersAndDatesChooseTheSentencesThatCount() {
        index.upsert(lost("a", "2026-01-15").on(LocalDate.parse("2026-02-01")).segment("smb").criteria("price").sentence("Price."));
        index.upsert(lost("b", "2026-01-20").on(LocalDate.parse("2026-03-01")).segment("enterprise").criteria("price").sentence("Price."));
        index.commit(1);

        ThemeRequest smb = new ThemeRequest(List.of("lost"), List.of("won"), Map.of(Fields.SEGMENT, List.of("smb")), null, null);
        ThemeRequest february = new ThemeRequest(List.of("lost"), List.of("won"), Map.of(),
                LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"));

        assertThat(search.trends("ws-1", smb, List.of(PRICE)).get(0).quarters().get(0).deals()).isEqualTo(1);
        assertThat(search.trends("ws-1", february, List.of(PRICE)).get(0).quarters().get(0).deals()).isEqualTo(1);
    }
}
