package io.winloss.portal.share;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.ReviewedSentence;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.insight.QuoteIndexer;
import io.winloss.portal.invitation.ResponseRates;
import io.winloss.portal.workspace.Workspace;
import io.winloss.portal.workspace.WorkspaceId;
import io.winloss.portal.workspace.Workspaces;
import io.winloss.search.Fields;
import io.winloss.search.ThemeRequest;
import io.winloss.search.themes.DealQuote;
import io.winloss.search.themes.ThemeStats;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Computes a shared report when it is opened, live and for its own workspace only, exactly as the themes page does
 * (themes, response rates, competitor profiles, then the trends of the top themes shown), and gathers the names its
 * quotes must lose: the accounts and contacts of the quoted deals and the buyers who spoke in the quoted interviews.
 */
@Component
class ReportContents {

    /** Interviews whose speakers are read at once, to collect the names in the quotes shown. */
    private static final int READS = 4;

    private final QuoteIndexer indexer;
    private final ResponseRates responseRates;
    private final Deals deals;
    private final Analyses analyses;
    private final Workspaces workspaces;
    private final ShareSettings settings;

    ReportContents(QuoteIndexer indexer, ResponseRates responseRates, Deals deals, Analyses analyses,
            Workspaces workspaces, ShareSettings settings) {
        this.indexer = indexer;
        this.responseRates = responseRates;
        this.deals = deals;
        this.analyses = analyses;
        this.workspaces = workspaces;
        this.settings = settings;
    }

    /** The report as it reads at {@code now}, with the configured minimum of deals per breakdown. */
    Mono<PublicReport> compute(SharedReport report, Instant now) {
        WorkspaceId workspace = report.workspace();
        ThemeRequest request = report.filters().request();
        int min = settings.minDeals();
        return Mono.zip(
                        indexer.themes(workspace, request),
                        responseRates.byOutcome(workspace, request.filters().getOrDefault(Fields.SEGMENT, List.of())),
                        indexer.competitorAspects(workspace, request),
                        workspaces.find(workspace).map(Workspace::name).defaultIfEmpty(""))
                .flatMap(results -> {
                    List<ThemeStats> shown = PublicReport.shownThemes(results.getT1(), min);
                    List<DealQuote> quotes = PublicReport.shownQuotes(results.getT1(), min);
                    return Mono.zip(
                                    indexer.trends(workspace, request, shown.stream().limit(PublicReport.TRENDS)
                                            .map(ThemeStats::asTheme).toList()),
                                    names(workspace, quotes))
                            .map(more -> PublicReport.of(report, results.getT4(), results.getT1(), results.getT2(),
                                    more.getT1(), results.getT3(), more.getT2(), min, now));
                });
    }

    /** The names in {@code quotes}' deals and interviews, to be taken out of every text the report shows. */
    private Mono<BuyerNames> names(WorkspaceId workspace, List<DealQuote> quotes) {
        Set<String> dealIds = new LinkedHashSet<>();
        Set<String> interviews = new LinkedHashSet<>();
        for (DealQuote quote : quotes) {
            dealIds.add(quote.dealId());
            int hash = quote.id().lastIndexOf('#');
            if (quote.id().startsWith("interview:") && hash > 0) {
                interviews.add(quote.id().substring(0, hash));
            }
        }
        Mono<List<String>> speakers = Flux.fromIterable(interviews)
                .flatMap(target -> analyses.read(workspace, target), READS)
                .flatMapIterable(sentences -> sentences)
                .map(ReviewedSentence::machine)
                .filter(sentence -> sentence.buyer() && sentence.speaker() != null)
                .map(sentence -> sentence.speaker())
                .distinct()
                .collectList();
        return Mono.zip(deals.findAll(workspace, dealIds).collectList(), speakers)
                .map(found -> BuyerNames.of(found.getT1(), found.getT2()));
    }
}
