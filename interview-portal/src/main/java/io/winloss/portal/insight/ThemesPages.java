package io.winloss.portal.insight;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.winloss.portal.account.Staff;
import io.winloss.portal.competitor.CompetitorEntry;
import io.winloss.portal.competitor.Competitors;
import io.winloss.portal.deal.Outcome;
import io.winloss.portal.invitation.ResponseRates;
import io.winloss.portal.web.InvalidInput;
import io.winloss.search.Fields;
import io.winloss.search.InvalidQuery;
import io.winloss.search.ThemeRequest;
import io.winloss.search.themes.DealQuote;
import io.winloss.search.themes.ThemeStats;
import reactor.core.publisher.Mono;

/**
 * The themes page for analysts: what the buyers of a focus set of deals bring up more often than those of a baseline,
 * as tables (readable without JavaScript) that a script turns into charts, every number linking to the quotes behind
 * it on the search page, with the sample sizes, a plain verdict when the sample is too small, and how many invited
 * buyers answered per outcome.
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
class ThemesPages {

    static final String VIEW = "search/themes";
    /** The top themes whose quarterly rates are charted: more lines than this make a chart nobody can read. */
    static final int TRENDS = 5;

    /** Outcomes a deal can close with, for the focus and baseline checkboxes (open deals have not closed). */
    static final List<String> OUTCOMES = Arrays.stream(Outcome.values())
            .filter(o -> o != Outcome.OPEN).map(Outcome::id).toList();

    /**
     * A quote shown under a theme, with the link to it: {@code path} and {@code anchor} open an interview at the
     * sentence ({@code interview:<id>#<index>}); a survey answer opens its deal's page, anchor empty.
     */
    record QuoteView(String text, String outcome, String path, String anchor) {

        static QuoteView of(DealQuote quote) {
            String id = quote.id();
            int hash = id.lastIndexOf('#');
            if (id.startsWith("interview:") && hash > 0) {
                return new QuoteView(quote.text(), quote.outcome(),
                        "/interviews/" + id.substring("interview:".length(), hash), "#s-" + id.substring(hash + 1));
            }
            return new QuoteView(quote.text(), quote.outcome(), "/deals/" + quote.dealId(), "");
        }
    }

    private final QuoteIndexer indexer;
    private final ResponseRates responseRates;
    private final Competitors competitors;

    ThemesPages(QuoteIndexer indexer, ResponseRates responseRates, Competitors competitors) {
        this.indexer = indexer;
        this.responseRates = responseRates;
        this.competitors = competitors;
    }

    @GetMapping("/themes")
    Mono<String> themes(Staff staff, @ModelAttribute("form") ThemesForm form, Model model) {
        model.addAttribute("outcomes", OUTCOMES);
        Mono<List<String>> competitorNames = competitors.list(staff.workspace())
                .map(list -> list.stream().map(CompetitorEntry::name).sorted(String.CASE_INSENSITIVE_ORDER).toList());
        return competitorNames.doOnNext(names -> model.addAttribute("competitors", names))
                .then(Mono.fromCallable(form::toQuestion))
                .flatMap(question -> {
                    model.addAttribute("question", question);
                    ThemeRequest request = question.request();
                    return Mono.zip(
                            indexer.themes(staff.workspace(), request),
                            responseRates.byOutcome(staff.workspace(), question.filters().get(Fields.SEGMENT)),
                            indexer.competitorAspects(staff.workspace(), request))
                            .flatMap(results -> indexer.trends(staff.workspace(), request, results.getT1().themes()
                                            .stream().limit(TRENDS).map(ThemeStats::asTheme).toList())
                                    .map(trends -> {
                                        model.addAttribute("report", results.getT1());
                                        model.addAttribute("rows", results.getT1().themes().stream().map(ThemeRow::of).toList());
                                        model.addAttribute("rates", results.getT2());
                                        model.addAttribute("aspects", results.getT3());
                                        return model.addAttribute("trends", trends);
                                    }));
                })
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("formError", e.errors().get(0).field() + ": " + e.errors().get(0).message());
                    return Mono.empty();
                })
                .onErrorResume(InvalidQuery.class, e -> {
                    model.addAttribute("formError", e.reason());
                    return Mono.empty();
                })
                .thenReturn(VIEW);
    }

    /** One row of the themes table: the statistics, its quotes with links, and p and q as a reader wants them. */
    record ThemeRow(ThemeStats stats, List<QuoteView> quotes) {

        static ThemeRow of(ThemeStats stats) {
            return new ThemeRow(stats, stats.quotes().stream().map(QuoteView::of).toList());
        }

        public String p() {
            return probability(stats.pValue());
        }

        public String q() {
            return probability(stats.qValue());
        }

        /** "focus x.x times as often", "never in the baseline" or "less often": the lift in words. */
        public String lift() {
            if (stats.lift() == null) {
                return stats.focusDeals() > 0 ? "only in the focus set" : "";
            }
            return String.format(Locale.ROOT, "%.1f×", stats.lift());
        }

        /** Three significant digits, or "< 0.001": nobody reads more into a p-value than that. */
        static String probability(double value) {
            return value < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", value);
        }
    }
}
