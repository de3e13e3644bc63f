package io.winloss.search.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrendTests {

    private static final Theme PRICE = Theme.criterion("price");

    private static DealThemes deal(String id, String closeDate, Theme... themes) {
        return new DealThemes(id, "lost", null, closeDate == null ? null : LocalDate.parse(closeDate), Set.of(themes));
    }

    @Test
    void countsDistinctDealsPerQuarter() {
        List<DealThemes> lost = List.of(
                deal("a", "2026-01-15", PRICE),
                deal("a", "2026-01-15", PRICE),
                deal("b", "2026-03-31"),
                deal("c", "2026-02-01", PRICE),
                deal("d", "2026-04-01", PRICE),
                deal("e", "2026-06-30"));

        Trend trend = Trend.of(PRICE, lost);

        assertThat(trend.kind()).isEqualTo("criterion");
        assertThat(trend.theme()).isEqualTo("price");
        assertThat(trend.quarters()).extracting(Trend.QuarterRate::quarter).containsExactly("2026-Q1", "2026-Q2");
        Trend.QuarterRate q1 = trend.quarters().get(0);
        assertThat(q1.deals()).isEqualTo(3);
        assertThat(q1.themeDeals()).isEqualTo(2);
        assertThat(q1.rate()).isEqualTo(2.0 / 3);
        assertThat(q1.ci().get(0)).isLessThan(q1.rate());
        assertThat(q1.ci().get(1)).isGreaterThan(q1.rate());
        assertThat(trend.quarters().get(1).deals()).isEqualTo(2);
        assertThat(trend.quarters().get(1).rate()).isEqualTo(0.5);
    }

    @Test
    void aDealListedTwiceCountsOnceWithTheThemesOfBothListings() {
        List<DealThemes> lost = List.of(deal("a", "2025-11-02"), deal("a", "2025-11-02", PRICE));

        Trend.QuarterRate q4 = Trend.of(PRICE, lost).quarters().get(0);

        assertThat(q4.quarter()).isEqualTo("2025-Q4");
        assertThat(q4.deals()).isEqualTo(1);
        assertThat(q4.themeDeals()).isEqualTo(1);
    }

    @Test
    void keepsEmptyQuartersBetweenAndCountsUndatedDealsApart() {
        List<DealThemes> lost = List.of(deal("a", "2025-12-31", PRICE), deal("b", "2026-07-01"), deal("c", null, PRICE));

        Trend trend = Trend.of(PRICE, lost);

        assertThat(trend.quarters()).extracting(Trend.QuarterRate::quarter)
                .containsExactly("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");
        assertThat(trend.quarters()).extracting(Trend.QuarterRate::deals).containsExactly(1, 0, 0, 1);
        assertThat(trend.undatedDeals()).isEqualTo(1);
    }

    @Test
    void noDatedDealsGiveAnEmptyTrend() {
        assertThat(Trend.of(PRICE, List.of(deal("a", null, PRICE))).quarters()).isEmpty();
        assertThat(Trend.quarterOf(LocalDate.parse("2026-03-31"))).isEqualTo("2026-Q1");
        assertThat(Trend.quarterOf(LocalDate.parse("2026-10-01"))).isEqualTo("2026-Q4");
    }
}
