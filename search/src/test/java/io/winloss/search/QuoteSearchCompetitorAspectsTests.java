package io.winloss.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.winloss.search.themes.AspectSentiment;
import io.winloss.search.themes.AspectSentiment.Sentiment;
import io.winloss.search.themes.CompetitorAspects;
import io.winloss.search.themes.CompetitorAspects.CompetitorProfile;
import io.winloss.search.themes.CompetitorAspects.Standing;

class QuoteSearchCompetitorAspectsTests {

    private static final ThemeRequest LOST_VS_WON = new ThemeRequest(List.of("lost"), List.of("won"), Map.of(), null, null);

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

    private static Aspect criterion(String criterion, String sentiment) {
        return new Aspect("criterion", criterion, sentiment);
    }

    private static Quotes deal(String id, String outcome) {
        return Quotes.in("ws-1").deal(id, outcome).interview("iv-" + id);
    }

    private static CompetitorProfile profile(List<CompetitorProfile> profiles, String competitor) {
        return profiles.stream().filter(p -> p.competitor().equals(competitor)).findFirst().orElseThrow();
    }

    @Test
    void oneCompetitorNamedMeansAboutItNoneMeansAboutUsTwoOrMoreMeansSkipped() {
        Quotes d1 = deal("d1", "lost");
        Quotes d2 = deal("d2", "won");
        index.upsert(d1.competitors("Acme").aspects(criterion("integration", "positive"))
                .sentence("Acme's integration was smoother."));
        index.upsert(d1.competitors().aspects(criterion("integration", "negative"))
                .sentence("Your integration kept breaking."));
        index.upsert(d2.competitors("Acme", "Globex").aspects(criterion("price", "positive"))
                .sentence("Acme and Globex both had better pricing."));
        index.upsert(d2.competitors("Globex").aspects(criterion("price", "negative"),
                new Aspect("competitor", "Globex", "negative")).sentence("Globex was too expensive."));
        index.commit(1);

        List<CompetitorProfile> profiles = search.competitorAspects("ws-1", LOST_VS_WON);

        assertThat(profiles).extracting(CompetitorProfile::competitor).containsExactlyInAnyOrder("Acme", "Globex");
        CompetitorProfile acme = profile(profiles, "Acme");
        assertThat(acme.standings()).containsExactly(new Standing("integration", 1, 1, 0));
        assertThat(acme.beatUs()).singleElement().satisfies(advantage -> {
            assertThat(advantage.criterion()).isEqualTo("integration");
            assertThat(advantage.us()).isEqualTo(new Standing("integration", 1, 0, 1));
        });
        assertThat(profile(profiles, "Globex").standings()).containsExactly(new Standing("price", 1, 0, 1));
    }

    @Test
    void equalsTheSummaryOfTheSameAspectsListedOneByOne() {
        Quotes d1 = deal("d1", "lost");
        index.upsert(d1.competitors("Acme").aspects(criterion("price", "positive")).sentence("One."));
        index.upsert(deal("d2", "won").competitors("Acme").aspects(criterion("price", "negative"),
                criterion("support", "neutral")).sentence("Two."));
        index.commit(1);
        index.upsert(d1.competitors("Acme").aspects(criterion("price", "negative")).sentence("Three."));
        index.upsert(deal("d3", "lost").competitors().aspects(criterion("price", "negative")).sentence("Four."));
        index.upsert(deal("d4", "no_decision").competitors("Acme").aspects(criterion("price", "positive")).sentence("Not compared."));
        index.upsert(Quotes.in("ws-2").deal("d1", "lost").interview("iv-x").competitors("Acme")
                .aspects(criterion("price", "positive")).sentence("Another workspace."));
        index.commit(2);

        List<CompetitorProfile> scanned = search.competitorAspects("ws-1", LOST_VS_WON);

        assertThat(scanned).isEqualTo(CompetitorAspects.summarize(List.of(
                new AspectSentiment("Acme", "price", Sentiment.POSITIVE, "d1"),
                new AspectSentiment("Acme", "price", Sentiment.NEGATIVE, "d2"),
                new AspectSentiment("Acme", "support", Sentiment.NEUTRAL, "d2"),
                new AspectSentiment("Acme", "price", Sentiment.NEGATIVE, "d1"),
                AspectSentiment.aboutUs("price", Sentiment.NEGATIVE, "d3"))));
        assertThat(scanned.get(0).deals()).isEqualTo(2);
        assertThat(scanned.get(0).standings()).contains(new Standing("price", 2, 1, 2));
    }

    @Test
    void filtersAndDatesApply() {
        index.upsert(deal("d1", "lost").segment("smb").on(LocalDate.parse("2026-01-10")).competitors("Acme")
                .aspects(criterion("price", "positive")).sentence("Smb."));
        index.upsert(deal("d2", "lost").segment("enterprise").on(LocalDate.parse("2026-03-10")).competitors("Acme")
                .aspects(criterion("price", "positive")).sentence("Enterprise."));
        index.commit(1);

        ThemeRequest smb = new ThemeRequest(List.of("lost"), List.of("won"), Map.of(Fields.SEGMENT, List.of("smb")), null, null);
        ThemeRequest march = new ThemeRequest(List.of("lost"), List.of("won"), Map.of(), LocalDate.parse("2026-03-01"), null);

        assertThat(search.competitorAspects("ws-1", smb).get(0).deals()).isEqualTo(1);
        assertThat(search.competitorAspects("ws-1", march).get(0).deals()).isEqualTo(1);
        assertThat(search.competitorAspects("ws-1", LOST_VS_WON).get(0).deals()).isEqualTo(2);
    }
}
