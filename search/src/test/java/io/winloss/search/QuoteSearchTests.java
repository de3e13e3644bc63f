package io.winloss.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuoteSearchTests {

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

    private List<String> texts(SearchPage page) {
        return page.hits().stream().map(Hit::text).toList();
    }

    private SearchPage find(String query) {
        return search.search("ws-1", SearchRequest.of(query));
    }

    @Test
    void stemmingFindsOtherFormsOfAWord() {
        Quotes quotes = Quotes.in("ws-1");
        add(quotes.sentence("Their integration with Salesforce was seamless."),
                quotes.sentence("Pricing was the only thing we discussed."));

        assertThat(texts(find("integrations"))).containsExactly("Their integration with Salesforce was seamless.");
    }

    @Test
    void quotedPhraseMatchesTheWordsAsWrittenAndInOrder() {
        Quotes quotes = Quotes.in("ws-1");
        add(quotes.sentence("We hated the per seat pricing."),
                quotes.sentence("Pricing per seat was fine."),
                quotes.sentence("The integrations were weak."));

        assertThat(texts(find("\"per seat pricing\""))).containsExactly("We hated the per seat pricing.");
        assertThat(texts(find("\"integration\""))).isEmpty();
        assertThat(texts(find("\"integrations\""))).containsExactly("The integrations were weak.");
    }

    @Test
    void prefixMatchesEveryWordStartingSo() {
        Quotes quotes = Quotes.in("ws-1");
        add(quotes.sentence("Integrations mattered."), quotes.sentence("The integrator was slow."),
                quotes.sentence("Support was slow."));

        assertThat(texts(find("integrat*")))
                .containsExactlyInAnyOrder("Integrations mattered.", "The integrator was slow.");
    }

    @Test
    void booleanOperatorsCombineWords() {
        Quotes quotes = Quotes.in("ws-1");
        add(quotes.sentence("Support was slow and pricing was high."),
                quotes.sentence("Support was excellent."),
                quotes.sentence("Pricing was high."));

        assertThat(texts(find("support NOT slow"))).containsExactly("Support was excellent.");
        assertThat(texts(find("support -slow"))).containsExactly("Support was excellent.");
        assertThat(texts(find("support pricing"))).containsExactly("Support was slow and pricing was high.");
        assertThat(texts(find("excellent OR high"))).hasSize(3);
    }

    @Test
    void blankQueryListsTheWholeWorkspaceNewestFirst() {
        Quotes quotes = Quotes.in("ws-1");
        add(quotes.on(LocalDate.of(2026, 1, 5)).sentence("Old remark."),
                quotes.on(LocalDate.of(2026, 4, 5)).sentence("New remark."));

        assertThat(texts(find(""))).containsExactly("New remark.", "Old remark.");
        assertThat(texts(find("  *  "))).containsExactly("New remark.", "Old remark.");
    }

    @Test
    void hitCarriesTheSentenceAndItsDealFacts() {
        QuoteRecord quote = Quotes.in("ws-1").deal("deal-9", "lost").interview("iv-9")
                .competitors("Acme", "Globex").criteria("price").sentiment("negative")
                .on(LocalDate.of(2026, 3, 14)).sentence("Acme and Globex were both cheaper.");
        add(quote);

        Hit hit = find("cheaper").hits().get(0);

        assertThat(hit).isEqualTo(new Hit("interview:iv-9#0", "Acme and Globex were both cheaper.",
                "Acme and Globex were both <mark>cheaper</mark>.", "deal-9", "interview", "iv-9", 0, "Dana Buyer",
                "buyer", "lost", List.of("Acme", "Globex"), List.of("price"), "negative", LocalDate.of(2026, 3, 14)));
    }

    @Test
    void facetsCountMatchingSentencesPerValue() {
        Quotes quotes = Quotes.in("ws-1");
        add(quotes.deal("d1", "lost").competitors("Acme").criteria("price", "support").sentiment("negative")
                        .closed(LocalDate.of(2026, 2, 1)).sentence("Acme was cheaper and their support faster."),
                quotes.deal("d2", "lost").competitors("Acme", "Globex").criteria("price").sentiment("negative")
                        .closed(LocalDate.of(2026, 5, 1)).sentence("Acme and Globex were cheaper."),
                quotes.deal("d3", "won").competitors().criteria("support").sentiment("positive").segment("enterprise")
                        .survey("r-1").sentence("Your support won us over."));

        SearchPage page = find("");

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.facet(Fields.OUTCOME)).containsExactlyInAnyOrderEntriesOf(Map.of("lost", 2, "won", 1));
        assertThat(page.facet(Fields.COMPETITOR)).containsExactlyInAnyOrderEntriesOf(Map.of("Acme", 2, "Globex", 1));
        assertThat(page.facet(Fields.CRITERION)).containsExactlyInAnyOrderEntriesOf(Map.of("price", 2, "support", 2));
        assertThat(page.facet(Fields.SENTIMENT))
                .containsExactlyInAnyOrderEntriesOf(Map.of("negative", 2, "positive", 1));
        assertThat(page.facet(Fields.SEGMENT))
                .containsExactlyInAnyOrderEntriesOf(Map.of("mid-market", 2, "enterprise", 1));
        assertThat(page.facet(Fields.SOURCE)).containsExactlyInAnyOrderEntriesOf(Map.of("interview", 2, "survey", 1));
        assertThat(page.facet(Fields.QUARTER)).containsExactlyInAnyOrderEntriesOf(Map.of("2026-Q1", 1, "2026-Q2", 2));
        assertThat(page.facet(Fields.OUTCOME).keySet()).as("most first").startsWith("lost");
    }

    @Test
    void filtersAreOrWithinADimensionAndAcrossDimensions() {
        Quotes quotes = Quotes.in("ws-1");
        add(quotes.deal("d1", "lost").competitors("Acme").sentence("Pricing was high, Acme was lower."),
                quotes.deal("d2", "lost").competitors("Globex").sentence("Pricing was high, Globex was lower."),
                quotes.deal("d3", "lost").competitors("Initech").sentence("Pricing was high, Initech was lower."),
                quotes.deal("d4", "won").competitors("Acme").sentence("Pricing was high but Acme was worse."));

        SearchPage page = search.search("ws-1", SearchRequest.of("pricing")
                .withFilter(Fields.COMPETITOR, "Acme", "Globex")
                .withFilter(Fields.OUTCOME, "lost"));

        assertThat(page.hits()).extracting(Hit::dealId).containsExactlyInAnyOrder("d1", "d2");
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.facet(Fields.COMPETITOR)).as("a filtered dimension still counts its other values")
                .containsExactlyInAnyOrderEntriesOf(Map.of("Acme", 1, "Globex", 1, "Initech", 1));
        assertThat(page.facet(Fields.OUTCOME)).as("counted over Acme or Globex")
                .containsExactlyInAnyOrderEntriesOf(Map.of("lost", 2, "won", 1));
        assertThat(page.facet(Fields.SENTIMENT)).as("an unfiltered dimension counts the hits")
                .containsExactlyInAnyOrderEntriesOf(Map.of("neutral", 2));
    }

    @Test
    void dateRangeIncludesBothEnds() {
        Quotes quotes = Quotes.in("ws-1");
        add(quotes.on(LocalDate.of(2026, 1, 31)).sentence("January remark."),
                quotes.on(LocalDate.of(2026, 2, 1)).sentence("February first remark."),
                quotes.on(LocalDate.of(2026, 2, 28)).sentence("February last remark."),
                quotes.on(LocalDate.of(2026, 3, 1)).sentence("March remark."));

        SearchRequest february = SearchRequest.of("remark").withDates(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
        SearchRequest fromMarch = SearchRequest.of("remark").withDates(LocalDate.of(2026, 3, 1), null);

        assertThat(texts(search.search("ws-1", february)))
                .containsExactlyInAnyOrder("February first remark.", "February last remark.");
        assertThat(texts(search.search("ws-1", fromMarch))).containsExactly("March remark.");
    }

    @Test
    void sortingByDateShowsNewestFirstWhateverTheScore() {
        Quotes quotes = Quotes.in("ws-1");
        add(quotes.on(LocalDate.of(2026, 1, 1)).sentence("Price, price, price: price was everything."),
                quotes.on(LocalDate.of(2026, 3, 1)).sentence("The price was one of many things we weighed in the end."),
                quotes.on(LocalDate.of(2026, 2, 1)).sentence("Their price was lower."));

        SearchPage byDate = search.search("ws-1", SearchRequest.of("price").sortedBy(SearchRequest.Order.DATE));
        SearchPage byRelevance = search.search("ws-1", SearchRequest.of("price"));

        assertThat(byDate.hits()).extracting(Hit::date).containsExactly(
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1));
        assertThat(byRelevance.hits().get(0).text()).isEqualTo("Price, price, price: price was everything.");
    }

    @Test
    void pagesSplitTheHitsWithoutOverlapOrGap() {
        Quotes quotes = Quotes.in("ws-1");
        for (int day = 1; day <= 25; day++) {
            index.upsert(quotes.on(LocalDate.of(2026, 1, day)).sentence("Remark number " + day + "."));
        }
        index.commit(1);

        SearchRequest request = SearchRequest.of("remark").sortedBy(SearchRequest.Order.DATE);
        SearchPage first = search.search("ws-1", request.withPage(0, 10));
        SearchPage second = search.search("ws-1", request.withPage(1, 10));
        SearchPage third = search.search("ws-1", request.withPage(2, 10));
        SearchPage beyond = search.search("ws-1", request.withPage(3, 10));

        assertThat(first.total()).isEqualTo(25);
        assertThat(third.total()).isEqualTo(25);
        assertThat(List.of(first.hits().size(), second.hits().size(), third.hits().size(), beyond.hits().size()))
                .containsExactly(10, 10, 5, 0);
        List<String> all = new java.util.ArrayList<>();
        List.of(first, second, third).forEach(page -> all.addAll(page.hits().stream().map(Hit::id).toList()));
        assertThat(all).doesNotHaveDuplicates().hasSize(25);
        assertThat(first.hits().get(0).date()).isEqualTo(LocalDate.of(2026, 1, 25));
        assertThat(third.hits().get(4).date()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void highlightMarksTheMatchAndEscapesBuyerMarkup() {
        Quotes quotes = Quotes.in("ws-1");
        add(quotes.sentence("<script>alert('x')</script> the integrations & APIs were poor"));

        Hit stemmed = find("integration").hits().get(0);
        Hit phrase = find("\"apis were poor\"").hits().get(0);
        Hit prefix = find("integr*").hits().get(0);

        assertThat(stemmed.highlight()).isEqualTo(
                "&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt; the <mark>integrations</mark> &amp; APIs were poor");
        assertThat(phrase.highlight()).endsWith("&amp; <mark>APIs were poor</mark>")
                .doesNotContain("<script>");
        assertThat(prefix.highlight()).contains("<mark>integrations</mark>").doesNotContain("<script>");
        assertThat(stemmed.text()).startsWith("<script>");
    }

    @Test
    void hitsWithoutAMatchToMarkAreStillEscaped() {
        add(Quotes.in("ws-1").sentence("<b>bold</b> claim"));

        assertThat(find("").hits().get(0).highlight()).isEqualTo("&lt;b&gt;bold&lt;&#x2F;b&gt; claim");
    }

    @Test
    void anotherWorkspacesSentencesAreNeverReturnedNorCounted() {
        Quotes other = Quotes.in("ws-2").deal("other-deal", "won");
        add(Quotes.in("ws-1").competitors("Acme").sentence("Acme pricing was better."),
                other.competitors("Acme", "Globex").sentence("Acme pricing was better."),
                other.competitors("Globex").sentence("Globex pricing too."));

        SearchPage mine = search.search("ws-1", SearchRequest.of("pricing"));
        SearchPage mineFiltered = search.search("ws-1", SearchRequest.of("")
                .withFilter(Fields.COMPETITOR, "Globex"));

        assertThat(mine.total()).isEqualTo(1);
        assertThat(mine.hits()).extracting(Hit::dealId).containsExactly("deal-1");
        assertThat(mine.facet(Fields.COMPETITOR)).containsExactlyEntriesOf(Map.of("Acme", 1));
        assertThat(mine.facet(Fields.OUTCOME)).containsExactlyEntriesOf(Map.of("lost", 1));
        assertThat(mineFiltered.total()).isZero();
        assertThat(mineFiltered.facet(Fields.COMPETITOR)).containsExactlyEntriesOf(Map.of("Acme", 1));
        assertThat(search.search("ws-3", SearchRequest.of("pricing")).total()).isZero();
        assertThat(index.count("ws-1")).isEqualTo(1);
        assertThat(index.count("ws-2")).isEqualTo(2);
    }

    @Test
    void searchingAnEmptyIndexFindsNothing() {
        SearchPage page = find("pricing");

        assertThat(page.total()).isZero();
        assertThat(page.hits()).isEmpty();
    }

    @Test
    void queryWithASyntaxErrorSaysWhatIsWrongAndWhere() {
        add(Quotes.in("ws-1").sentence("Pricing was high."));

        assertThat(invalid("pricing \"per seat")).isEqualTo("unbalanced quote at position 9: a phrase needs a closing \"");
        assertThat(invalid("(pricing OR support")).isEqualTo("unbalanced parenthesis at position 1: it is never closed");
        assertThat(invalid("pricing)")).isEqualTo("unbalanced parenthesis at position 8: nothing to close");
        assertThat(invalid("pricing AND")).isEqualTo("the query ends with 'AND', which needs a word after it");
        assertThat(invalid("pricing AND OR support")).isEqualTo("unexpected 'OR' at position 13");
        assertThat(invalid("*ricing")).isEqualTo("a word cannot start with * or ?");
    }

    @Test
    void plainPunctuationIsNotSyntax() {
        add(Quotes.in("ws-1").sentence("Note: CRM/ERP sync [beta] failed!"));

        assertThat(find("note: CRM/ERP [beta] failed!").total()).isEqualTo(1);
    }

    @Test
    void requestsThatCannotBeServedAreRejectedWithAReason() {
        assertThatThrownBy(() -> SearchRequest.of("x").withFilter("colour", "red"))
                .isInstanceOfSatisfying(InvalidQuery.class, e -> assertThat(e.reason()).startsWith("unknown filter 'colour'"));
        assertThatThrownBy(() -> SearchRequest.of("x").withPage(0, 101)).isInstanceOf(InvalidQuery.class);
        assertThatThrownBy(() -> SearchRequest.of("x").withPage(-1, 10)).isInstanceOf(InvalidQuery.class);
        assertThatThrownBy(() -> SearchRequest.of("x").withDates(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(InvalidQuery.class);
    }

    private String invalid(String query) {
        try {
            find(query);
        } catch (InvalidQuery e) {
            assertThat(e.query()).isEqualTo(query);
            return e.reason();
        }
        throw new AssertionError("no InvalidQuery for " + query);
    }
}
