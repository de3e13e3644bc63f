package io.winloss.search.themes;

import static io.winloss.search.themes.AspectSentiment.Sentiment.NEGATIVE;
import static io.winloss.search.themes.AspectSentiment.Sentiment.NEUTRAL;
import static io.winloss.search.themes.AspectSentiment.Sentiment.POSITIVE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.winloss.search.themes.CompetitorAspects.Advantage;
import io.winloss.search.themes.CompetitorAspects.CompetitorProfile;
import io.winloss.search.themes.CompetitorAspects.CriterionCount;
import org.junit.jupiter.api.Test;

class CompetitorAspectsTests {

    @Test
    void countsDistinctDealsNotMentions() {
        List<AspectSentiment> aspects = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            aspects.add(new AspectSentiment("Acme", "price", POSITIVE, "d1"));
        }
        aspects.add(new AspectSentiment("Acme", "price", POSITIVE, "d2"));
        aspects.add(new AspectSentiment("Acme", "support", NEGATIVE, "d2"));
        aspects.add(new AspectSentiment("Acme", "support", NEGATIVE, "d2"));

        CompetitorProfile acme = CompetitorAspects.summarize(aspects).get(0);

        assertThat(acme.competitor()).isEqualTo("Acme");
        assertThat(acme.deals()).isEqualTo(2);
        assertThat(acme.praised()).containsExactly(new CriterionCount("price", 2));
        assertThat(acme.criticised()).containsExactly(new CriterionCount("support", 1));
    }

    @Test
    void findsWhereACompetitorBeatUs() {
        List<AspectSentiment> aspects = List.of(
                new AspectSentiment("Acme", "integration", POSITIVE, "d1"),
                new AspectSentiment("Acme", "integration", POSITIVE, "d2"),
                new AspectSentiment("Acme", "integration", NEGATIVE, "d3"),
                AspectSentiment.aboutUs("integration", NEGATIVE, "d1"),
                new AspectSentiment(null, "integration", NEGATIVE, "d2"),
                AspectSentiment.aboutUs("integration", POSITIVE, "d4"),
                // We do better on price: not an advantage of Acme.
                new AspectSentiment("Acme", "price", NEGATIVE, "d1"),
                AspectSentiment.aboutUs("price", POSITIVE, "d1"),
                // Only Acme is mentioned on support: nothing to compare.
                new AspectSentiment("Acme", "support", POSITIVE, "d5"));

        CompetitorProfile acme = CompetitorAspects.summarize(aspects).get(0);

        assertThat(acme.beatUs()).extracting(Advantage::criterion).containsExactly("integration");
        Advantage integration = acme.beatUs().get(0);
        assertThat(integration.competitor()).isEqualTo(new CompetitorAspects.Standing("integration", 3, 2, 1));
        assertThat(integration.us()).isEqualTo(new CompetitorAspects.Standing("integration", 3, 1, 2));
        assertThat(integration.competitor().net()).isEqualTo(1.0 / 3);
        assertThat(integration.us().net()).isEqualTo(-1.0 / 3);
    }

    @Test
    void aDealCanPraiseAndCriticiseAndNeutralOnlyCountsAsAMention() {
        List<AspectSentiment> aspects = List.of(
                new AspectSentiment("Beta", "price", POSITIVE, "d1"),
                new AspectSentiment("Beta", "price", NEGATIVE, "d1"),
                new AspectSentiment("Beta", "price", NEUTRAL, "d2"));

        CompetitorProfile beta = CompetitorAspects.summarize(aspects).get(0);

        assertThat(beta.standings()).containsExactly(new CompetitorAspects.Standing("price", 2, 1, 1));
        assertThat(beta.praised()).containsExactly(new CriterionCount("price", 1));
        assertThat(beta.criticised()).containsExactly(new CriterionCount("price", 1));
    }

    @Test
    void competitorsWithMostDealsComeFirstAndUsIsNoCompetitor() {
        List<AspectSentiment> aspects = List.of(
                new AspectSentiment("Acme", "price", POSITIVE, "d1"),
                new AspectSentiment("Beta", "price", POSITIVE, "d1"),
                new AspectSentiment("Beta", "price", POSITIVE, "d2"),
                AspectSentiment.aboutUs("price", POSITIVE, "d3"));

        assertThat(CompetitorAspects.summarize(aspects)).extracting(CompetitorProfile::competitor).containsExactly("Beta", "Acme");
    }
}
