package io.winloss.portal.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Outcome;

/** The before-and-since verdict on deals built in memory: when it calls a change clear, and when it will not. */
class MetricReadingTests {

    static final LocalDate FROM = LocalDate.parse("2026-01-01");
    static final LocalDate TO = LocalDate.parse("2026-06-30");

    private static List<Deal> deals(int won, int lost) {
        List<Deal> deals = new ArrayList<>();
        for (int i = 0; i < won + lost; i++) {
            deals.add(new Deal("d" + i, null, "Account", null, i < won ? Outcome.WON : Outcome.LOST, BigDecimal.TEN, null,
                    FROM.plusDays(i), FROM.minusDays(20 + i), 0.1, null, List.of(), null, null, List.of(), null, null));
        }
        return deals;
    }

    @Test
    void separateIntervalsMakeAClearChangeTheWayTheActionWants() {
        MetricReading before = MetricReading.of(Metric.WIN_RATE, deals(5, 35), FROM, TO, 10);
        MetricReading since = MetricReading.of(Metric.WIN_RATE, deals(25, 15), FROM, TO, 10);
        MetricEffect effect = MetricEffect.of(Metric.WIN_RATE, before, since);
        assertThat(effect.conclusive()).isTrue();
        assertThat(effect.message()).isEqualTo("Win rate rose from 13% to 63%, and the 95% intervals do not overlap: "
                + "a clear change, the way the action wants.");
    }

    @Test
    void aLongerCycleIsAChangeAgainstTheAction() {
        List<Deal> slow = new ArrayList<>();
        for (Deal d : deals(12, 0)) {
            slow.add(new Deal(d.id(), null, "Account", null, Outcome.WON, null, null, d.closeDate(),
                    d.closeDate().minusDays(90 + slow.size() % 3), null, null, List.of(), null, null, List.of(), null, null));
        }
        MetricReading before = MetricReading.of(Metric.CYCLE_DAYS, deals(12, 0), FROM, TO, 10);
        MetricReading since = MetricReading.of(Metric.CYCLE_DAYS, slow, FROM, TO, 10);
        assertThat(MetricEffect.of(Metric.CYCLE_DAYS, before, since).message())
                .startsWith("Sales-cycle days rose from").endsWith("against what the action wants.");
    }

    @Test
    void aWindowThatHasNotBegunSaysSo() {
        MetricReading since = MetricReading.of(Metric.WIN_RATE, List.of(), TO, FROM, 10);
        assertThat(since.conclusive()).isFalse();
        assertThat(since.reason()).isEqualTo("The window has not begun: it starts on 2026-06-30.");
    }

    @Test
    void oneDealHasAMeanButNoInterval() {
        MetricReading one = MetricReading.of(Metric.DISCOUNT_DEPTH, deals(1, 3), FROM, TO, 10);
        assertThat(one.value()).isEqualTo(0.1);
        assertThat(one.ci()).isNull();
        assertThat(one.reason()).isEqualTo("Only 1 won deal with a discount: at least 10 are needed to conclude anything.");
    }
}
