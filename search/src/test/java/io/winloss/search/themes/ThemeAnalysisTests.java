package io.winloss.search.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ThemeAnalysisTests {

    private static final Theme PRICE = Theme.criterion("price");
    private static final Theme SUPPORT = Theme.criterion("support");
    private static final Theme ACME = Theme.competitor("Acme");
    private static final Theme ONBOARDING = Theme.keyPhrase("onboarding");

    /** {@code count} deals of {@code outcome}; the first {@code withTheme} mention each theme given. */
    private static List<DealThemes> deals(String prefix, String outcome, int count, Object... themeAndCount) {
        List<DealThemes> deals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DealThemes.Builder deal = DealThemes.builder(prefix + i, outcome);
            for (int t = 0; t < themeAndCount.length; t += 2) {
                Theme theme = (Theme) themeAndCount[t];
                if (i < (Integer) themeAndCount[t + 1]) {
                    deal.quote(theme, new Quote(prefix + i + "-" + theme.name(), "about " + theme.name(), i));
                }
            }
            deals.add(deal.build());
        }
        return deals;
    }

    private static ThemeStats find(ThemeReport report, Theme theme) {
        return report.themes().stream().filter(t -> t.asTheme().equals(theme)).findFirst().orElseThrow();
    }

    @Test
    void onlyTheKeyPhrasesMostDealsMentionAreTestedAndCriteriaAlwaysAre() {
        Theme rollout = Theme.keyPhrase("rollout");
        Theme pilot = Theme.keyPhrase("pilot");
        List<DealThemes> lost = deals("lost-", "lost", 20, PRICE, 2, ONBOARDING, 15, rollout, 10, pilot, 19);
        List<DealThemes> won = deals("won-", "won", 20, PRICE, 1, ONBOARDING, 5, rollout, 2, pilot, 1);

        ThemeReport report = ThemeAnalysis.rank(lost, won, ThemeAnalysis.Options.defaults().withMaxKeyPhrases(2));

        // pilot (20 deals) and onboarding (20) are tested; rollout (12) is not, though it differs more than onboarding
        assertThat(report.themes()).extracting(ThemeStats::asTheme).containsExactlyInAnyOrder(PRICE, ONBOARDING, pilot);
        ThemeReport all = ThemeAnalysis.rank(lost, won);
        assertThat(all.themes()).extracting(ThemeStats::asTheme).contains(rollout);
        assertThat(find(report, pilot).qValue()).isLessThan(find(all, pilot).qValue());
    }

    @Test
    void aThemeInMostLossesAndFewWinsRanksFirstAndIsSignificant() {
        List<DealThemes> lost = deals("lost-", "lost", 30, PRICE, 24, SUPPORT, 12, ACME, 9);
        List<DealThemes> won = deals("won-", "won", 30, PRICE, 3, SUPPORT, 12, ACME, 6);

        ThemeReport report = ThemeAnalysis.rank(lost, won);

        ThemeStats first = report.themes().get(0);
        assertThat(first.asTheme()).isEqualTo(PRICE);
        assertThat(first.focusDeals()).isEqualTo(24);
        assertThat(first.baselineDeals()).isEqualTo(3);
        assertThat(first.focusRate()).isEqualTo(0.8);
        assertThat(first.baselineRate()).isEqualTo(0.1);
        assertThat(first.pValue()).isLessThan(0.01);
        assertThat(first.qValue()).isLessThan(0.01);
        assertThat(first.lift()).isCloseTo(8.0, within(1e-9));
        assertThat(first.verdict().conclusion()).isEqualTo(Verdict.Conclusion.SIGNIFICANT);
        assertThat(report.sample()).isEqualTo(new Sample(60, 30, 30));
        assertThat(report.verdict().conclusion()).isEqualTo(Verdict.Conclusion.ENOUGH_DEALS);
    }

    @Test
    void aThemeEquallyFrequentInBothIsNotSignificant() {
        List<DealThemes> lost = deals("lost-", "lost", 30, PRICE, 24, SUPPORT, 12);
        List<DealThemes> won = deals("won-", "won", 30, PRICE, 3, SUPPORT, 12);

        ThemeStats support = find(ThemeAnalysis.rank(lost, won), SUPPORT);

        assertThat(support.focusRate()).isEqualTo(support.baselineRate());
        assertThat(support.pValue()).isGreaterThan(0.5);
        assertThat(support.qValue()).isGreaterThan(0.5);
        assertThat(support.verdict().conclusion()).isEqualTo(Verdict.Conclusion.NO_CLEAR_DIFFERENCE);
        assertThat(support.verdict().moreDealsNeeded()).isNull();
    }

    @Test
    void oneDealRepeatingAThemeTenTimesCountsOnce() {
        DealThemes.Builder talkative = DealThemes.builder("talkative", "lost");
        for (int i = 0; i < 10; i++) {
            talkative.quote(PRICE, new Quote("s" + i, "Price again, number " + i, i));
        }
        List<DealThemes> lost = new ArrayList<>(deals("lost-", "lost", 9));
        lost.add(talkative.build());
        lost.add(DealThemes.builder("talkative", "lost").mention(PRICE).build());
        List<DealThemes> won = deals("won-", "won", 10, PRICE, 1);

        ThemeReport report = ThemeAnalysis.rank(lost, won);

        ThemeStats price = find(report, PRICE);
        assertThat(price.focusDeals()).isEqualTo(1);
        assertThat(price.focusRate()).isEqualTo(0.1);
        assertThat(report.sample().focus()).isEqualTo(10);
        assertThat(price.quotes()).extracting(DealQuote::id).containsExactly("s9", "s8", "s7");
    }

    @Test
    void qValuesAreMonotoneInPAndNeverBelowP() {
        List<DealThemes> lost = deals("lost-", "lost", 40, PRICE, 30, SUPPORT, 20, ACME, 14, ONBOARDING, 8);
        List<DealThemes> won = deals("won-", "won", 40, PRICE, 5, SUPPORT, 12, ACME, 11, ONBOARDING, 8);

        List<ThemeStats> themes = ThemeAnalysis.rank(lost, won).themes();

        assertThat(themes).hasSize(4);
        for (int i = 0; i < themes.size(); i++) {
            assertThat(themes.get(i).qValue()).isGreaterThanOrEqualTo(themes.get(i).pValue());
            if (i > 0) {
                assertThat(themes.get(i).pValue()).isGreaterThanOrEqualTo(themes.get(i - 1).pValue());
                assertThat(themes.get(i).qValue()).isGreaterThanOrEqualTo(themes.get(i - 1).qValue());
            }
        }
    }

    @Test
    void wilsonIntervalOfEightOutOfTenMatchesTheKnownValue() {
        List<Double> ci = ThemeAnalysis.wilson(8, 10);

        // Wilson score interval for 8/10 at 95%: [0.490, 0.943].
        assertThat(ci.get(0)).isCloseTo(0.4902, within(0.001));
        assertThat(ci.get(1)).isCloseTo(0.9433, within(0.001));
    }

    @Test
    void focusRateIntervalContainsTheRate() {
        ThemeReport report = ThemeAnalysis.rank(deals("lost-", "lost", 10, PRICE, 8), deals("won-", "won", 10, PRICE, 2));

        ThemeStats price = find(report, PRICE);
        assertThat(price.ci().get(0)).isLessThan(price.focusRate());
        assertThat(price.ci().get(1)).isGreaterThan(price.focusRate());
        assertThat(price.ci().get(0)).isCloseTo(0.49, within(0.01));
        assertThat(price.ci().get(1)).isCloseTo(0.94, within(0.01));
    }

    @Test
    void aTinySampleIsTooSmallToConcludeAnything() {
        ThemeReport report = ThemeAnalysis.rank(deals("lost-", "lost", 4, PRICE, 4), deals("won-", "won", 3));

        assertThat(report.verdict().tooSmall()).isTrue();
        assertThat(report.verdict().message()).startsWith("Too few deals to conclude anything: 4 focus and 3 baseline deals");
        assertThat(report.verdict().moreDealsNeeded()).isEqualTo(6 + 7);
        ThemeStats price = find(report, PRICE);
        assertThat(price.verdict().tooSmall()).isTrue();
        assertThat(price.verdict().moreDealsNeeded()).isGreaterThanOrEqualTo(13);
    }

    @Test
    void aRareThemeIsTooSmallEvenInALargeSample() {
        List<DealThemes> lost = deals("lost-", "lost", 50, ONBOARDING, 2);
        List<DealThemes> won = deals("won-", "won", 50, ONBOARDING, 1);

        ThemeStats onboarding = find(ThemeAnalysis.rank(lost, won), ONBOARDING);

        assertThat(onboarding.verdict().conclusion()).isEqualTo(Verdict.Conclusion.TOO_SMALL);
        assertThat(onboarding.verdict().message()).startsWith("Too few deals mention this theme to tell (3 of 100)");
        // Lehr's rule for 4% against 2%: 7.84 * (0.04*0.96 + 0.02*0.98) / 0.02^2 = 1137 deals per side.
        assertThat(onboarding.verdict().moreDealsNeeded()).isEqualTo(2 * (1137 - 50));
    }

    @Test
    void optionsFilterByMinimumDealsKindsAndCount() {
        List<DealThemes> lost = deals("lost-", "lost", 20, PRICE, 15, ACME, 10, ONBOARDING, 1);
        List<DealThemes> won = deals("won-", "won", 20, PRICE, 2, ACME, 3);

        assertThat(ThemeAnalysis.rank(lost, won).themes()).extracting(ThemeStats::theme).containsExactly("price", "Acme");
        assertThat(ThemeAnalysis.rank(lost, won, ThemeAnalysis.Options.defaults().withMinDeals(1)).themes())
                .extracting(ThemeStats::theme).contains("onboarding");
        assertThat(ThemeAnalysis.rank(lost, won, ThemeAnalysis.Options.defaults().withKinds(Set.of(Theme.Kind.COMPETITOR))).themes())
                .extracting(ThemeStats::kind).containsExactly("competitor");
        assertThat(ThemeAnalysis.rank(lost, won, ThemeAnalysis.Options.defaults().withMaxThemes(1)).themes())
                .extracting(ThemeStats::theme).containsExactly("price");
    }

    @Test
    void representativeQuotesComeFromDistinctDealsFirst() {
        DealThemes loud = DealThemes.builder("loud", "lost")
                .quote(PRICE, new Quote("loud-1", "Way too expensive", 2.0))
                .quote(PRICE, new Quote("loud-2", "Expensive!", 1.9))
                .quote(PRICE, new Quote("loud-3", "The price, again", 1.8))
                .build();
        DealThemes quiet = DealThemes.builder("quiet", "lost").quote(PRICE, new Quote("quiet-1", "A bit pricey", 0.5)).build();
        DealThemes mild = DealThemes.builder("mild", "lost").quote(PRICE, new Quote("mild-1", "Cost mattered", 0.7)).build();

        ThemeStats price = find(ThemeAnalysis.rank(List.of(loud, quiet, mild), List.of()), PRICE);

        assertThat(price.quotes()).extracting(DealQuote::id).containsExactly("loud-1", "mild-1", "quiet-1");
        assertThat(price.quotes()).extracting(DealQuote::dealId).containsExactly("loud", "mild", "quiet");
    }

    @Test
    void liftIsAbsentWhenTheBaselineNeverMentionsTheTheme() {
        ThemeStats price = find(ThemeAnalysis.rank(deals("lost-", "lost", 10, PRICE, 5), deals("won-", "won", 10)), PRICE);

        assertThat(price.lift()).isNull();
        assertThat(price.baselineRate()).isZero();
    }

    @Test
    void aDealInBothSetsIsRefused() {
        List<DealThemes> lost = deals("d", "lost", 2);
        List<DealThemes> won = deals("d", "won", 1);

        assertThatThrownBy(() -> ThemeAnalysis.rank(lost, won)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d0");
    }
}
