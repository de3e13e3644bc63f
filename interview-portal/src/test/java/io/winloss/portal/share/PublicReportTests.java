package io.winloss.portal.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.winloss.portal.deal.Contact;
import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Outcome;
import io.winloss.portal.invitation.ResponseRates.ResponseRate;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.search.themes.CompetitorAspects.Advantage;
import io.winloss.search.themes.CompetitorAspects.CompetitorProfile;
import io.winloss.search.themes.CompetitorAspects.CriterionCount;
import io.winloss.search.themes.CompetitorAspects.Standing;
import io.winloss.search.themes.DealQuote;
import io.winloss.search.themes.Sample;
import io.winloss.search.themes.ThemeReport;
import io.winloss.search.themes.ThemeStats;
import io.winloss.search.themes.Trend;
import io.winloss.search.themes.Trend.QuarterRate;
import io.winloss.search.themes.Verdict;

/** What a shared report shows of statistics whose deal counts are known, at two minimums. */
class PublicReportTests {

    private static final Verdict SOME = new Verdict(Verdict.Conclusion.NO_CLEAR_DIFFERENCE, "No clear difference.", 0.3, 10);
    private static final Instant NOW = Instant.parse("2026-11-23T14:05:00Z");

    /** 8 lost against 9 won deals; support in 2 lost and 2 won deals (4 deals), price in 6 lost and 1 won. */
    private static final ThemeReport THEMES = new ThemeReport(new Sample(17, 8, 9), List.of(
            theme("criterion", "price", 6, 1, List.of(new DealQuote("deal-1", "lost", "interview:i1#3",
                    "Umbrella Corporation's CFO Dana Ortiz said the price was too high.", 1.0))),
            theme("criterion", "support", 2, 2, List.of(new DealQuote("deal-2", "lost", "interview:i2#1",
                    "Initech's support desk never answered.", 1.0))),
            theme("keyPhrase", "umbrella board", 3, 0, List.of()),
            theme("keyPhrase", "umbrella rollout", 5, 0, List.of())), SOME);

    private static final List<Deal> DEALS = List.of(
            deal("deal-1", "Umbrella Corporation", new Contact("Dana Ortiz", "dana@umbrella.test", "CFO")),
            deal("deal-2", "Initech", new Contact("Peter Gibbons", null, null)));

    @Test
    void aThemeCoveringFourDealsIsWithheldAtFiveAndShownAtFour() {
        PublicReport atFive = report(5);
        PublicReport.ThemeLine support5 = line(atFive, "support");
        assertThat(support5.shown()).isFalse();
        assertThat(support5.focusPercent()).isNull();
        assertThat(support5.quotes()).isEmpty();

        PublicReport.ThemeLine support4 = line(report(4), "support");
        assertThat(support4.shown()).isTrue();
        assertThat(support4.focusDeals()).isEqualTo(2);
        assertThat(support4.baselineDeals()).isEqualTo(2);
        assertThat(support4.quotes()).as("only 2 focus deals mention it: no quote").isEmpty();
    }

    @Test
    void quotesLoseTheirBuyersNamesAndKeyPhrasesTheirCompanies() {
        PublicReport report = report(5);
        PublicReport.ThemeLine price = line(report, "price");

        assertThat(price.shown()).isTrue();
        assertThat(price.quotes()).extracting(PublicReport.QuoteLine::text)
                .containsExactly("[the buyer's company]'s CFO [a buyer] said the price was too high.");
        assertThat(price.quotes()).extracting(PublicReport.QuoteLine::outcome).containsExactly("lost");
        assertThat(report.hiddenKeyPhrases()).as("'umbrella board': 3 deals").isEqualTo(1);
        assertThat(line(report, "[the buyer's company] rollout").shown()).isTrue();
        assertThat(report.themes()).extracting(PublicReport.ThemeLine::theme).noneMatch(t -> t.contains("umbrella"));
    }

    @Test
    void sidesTrendsRatesAndCompetitorsBelowTheMinimumCarryNoNumbers() {
        PublicReport report = report(9);

        assertThat(report.focus().deals()).as("8 lost deals").isNull();
        assertThat(report.baseline().deals()).isEqualTo(9);
        assertThat(report.breakdowns()).isFalse();
        assertThat(report.themes()).isEmpty();
        assertThat(report.trends()).isEmpty();
        assertThat(report.competitors()).isEmpty();
        assertThat(report.verdict()).doesNotContain("8").contains("Fewer than 9 deals");

        PublicReport atFive = report(5);
        assertThat(atFive.trends().get(0).cells()).extracting(PublicReport.Cell::shown).containsExactly(true, false);
        assertThat(atFive.trends().get(0).cells().get(1).rate()).isNull();
        assertThat(atFive.rates()).extracting(PublicReport.RateLine::shown).containsExactly(true, false);
        assertThat(atFive.rates().get(1).percent()).isNull();
        PublicReport.ProfileLine hubspot = atFive.competitors().get(0);
        assertThat(hubspot.shown()).isTrue();
        assertThat(hubspot.praised()).containsExactly("integration (6)");
        assertThat(hubspot.praisedWithheld()).as("price (2)").isTrue();
        assertThat(hubspot.betterThanUs()).containsExactly("integration: 0.67 against our -0.50");
        assertThat(atFive.competitors().get(1).shown()).as("Acme: 3 deals").isFalse();
        assertThat(atFive.competitors().get(1).deals()).isZero();
    }

    private static PublicReport report(int minDeals) {
        List<Trend> trends = List.of(new Trend("criterion", "price", List.of(
                new QuarterRate("2026-Q1", 6, 5, 5 / 6.0, List.of(0.4, 0.97)),
                new QuarterRate("2026-Q2", 2, 1, 0.5, List.of(0.09, 0.9))), 0));
        List<ResponseRate> rates = List.of(new ResponseRate("won", 12, 6, 0.5, List.of(0.25, 0.75)),
                new ResponseRate("lost", 4, 1, 0.25, List.of(0.05, 0.7)));
        Standing hubspotIntegration = new Standing("integration", 6, 5, 1);
        Standing ourIntegration = new Standing("integration", 8, 2, 6);
        List<CompetitorProfile> profiles = List.of(
                new CompetitorProfile("HubSpot", 7, List.of(hubspotIntegration, new Standing("price", 2, 2, 0)),
                        List.of(new CriterionCount("integration", 6), new CriterionCount("price", 2)), List.of(),
                        List.of(new Advantage("integration", hubspotIntegration, ourIntegration))),
                new CompetitorProfile("Acme", 3, List.of(), List.of(new CriterionCount("price", 3)), List.of(), List.of()));
        SharedReport shared = new SharedReport("r1", new WorkspaceId("w1"), "Why we lose",
                new ReportFilters(List.of("lost"), List.of("won"), List.of(), List.of(), null, null), NOW, NOW, "a@b.test");
        return PublicReport.of(shared, "Acme Software", THEMES, rates, trends, profiles, BuyerNames.of(DEALS, List.of()),
                minDeals, NOW);
    }

    private static PublicReport.ThemeLine line(PublicReport report, String theme) {
        return report.themes().stream().filter(t -> t.theme().equals(theme)).findFirst().orElseThrow();
    }

    private static ThemeStats theme(String kind, String name, int focus, int baseline, List<DealQuote> quotes) {
        return new ThemeStats(kind, name, focus, baseline, focus / 8.0, baseline / 9.0, 0.01, 0.02, List.of(0.3, 0.9),
                baseline == 0 ? null : (focus / 8.0) / (baseline / 9.0), quotes, SOME);
    }

    private static Deal deal(String id, String account, Contact contact) {
        return new Deal(id, null, account, null, Outcome.LOST, BigDecimal.TEN, "USD", LocalDate.of(2026, 3, 31), null, null,
                null, List.of(), null, null, List.of(contact), NOW, NOW);
    }
}
