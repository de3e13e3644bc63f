package io.winloss.portal.action;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.DealFilter;
import io.winloss.portal.deal.DealPage;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.deal.Outcome;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * Measures an action's metric before its start date and since, over the workspace's won and lost deals (of the
 * action's segment, when it has one) by close date: the baseline is the deals closed in the
 * {@link ActionSettings#baselineDays} days before the start date, the current window those closed from the start date
 * through today. Both dates of each window are included.
 */
@Component
class ActionMetrics {

    private final Deals deals;
    private final ActionSettings settings;

    ActionMetrics(Deals deals, ActionSettings settings) {
        this.deals = deals;
        this.settings = settings;
    }

    Mono<MetricEffect> measure(WorkspaceId workspace, Action action, LocalDate today) {
        LocalDate start = action.startDate();
        LocalDate baselineFrom = start.minusDays(settings.baselineDays());
        LocalDate baselineTo = start.minusDays(1);
        return Mono.zip(closed(workspace, action.segment(), baselineFrom, baselineTo),
                        start.isAfter(today) ? Mono.just(List.<Deal>of()) : closed(workspace, action.segment(), start, today))
                .map(t -> MetricEffect.of(action.metric(),
                        MetricReading.of(action.metric(), t.getT1(), baselineFrom, baselineTo, settings.minDeals()),
                        MetricReading.of(action.metric(), t.getT2(), start, today, settings.minDeals())));
    }

    /** Every won or lost deal closed in the window, read a page at a time. */
    private Mono<List<Deal>> closed(WorkspaceId workspace, String segment, LocalDate from, LocalDate to) {
        DealFilter filter = new DealFilter(List.of(Outcome.WON, Outcome.LOST), segment, null, from, to);
        return deals.list(workspace, filter, 0, DealPage.MAX_SIZE)
                .expand(page -> page.hasNext() ? deals.list(workspace, filter, page.page() + 1, DealPage.MAX_SIZE) : Mono.empty())
                .concatMapIterable(DealPage::items)
                .collectList();
    }
}
