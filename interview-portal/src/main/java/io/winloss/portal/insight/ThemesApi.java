package io.winloss.portal.insight;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.winloss.portal.account.Staff;
import io.winloss.portal.invitation.ResponseRates;
import io.winloss.portal.invitation.ResponseRates.ResponseRate;
import io.winloss.portal.web.ApiController;
import io.winloss.search.Fields;
import io.winloss.search.themes.DealQuote;
import io.winloss.search.themes.Sample;
import io.winloss.search.themes.ThemeReport;
import io.winloss.search.themes.ThemeStats;
import io.winloss.search.themes.Verdict;
import reactor.core.publisher.Mono;

/**
 * Recurring themes (API.md, "Search and themes") of the signed-in analyst's workspace: criteria, competitors and key
 * phrases ranked by how much more often the buyers of a focus set of deals bring them up than those of a baseline,
 * counting distinct deals, never sentences. The focus set is the deals with one of the {@code outcome}s (default
 * {@code lost}), the baseline those with one of the {@code versus} outcomes (default {@code won}).
 *
 * <p>The optional {@code competitor}, {@code segment}, {@code from} and {@code to} apply to <em>both</em> sets, and
 * they select sentences, as in search: {@code competitor=Acme} compares what buyers said in sentences naming Acme in
 * lost deals with the same in won deals. Filtering the focus only would change the question into "Acme losses against
 * every win", where Acme itself would top the list by construction. Dates are when the buyer said it, as in search.
 */
@ApiController("/api/themes")
@PreAuthorize("hasRole('ANALYST')")
class ThemesApi {

    record QuoteJson(String id, String dealId, String text) {

        static QuoteJson of(DealQuote quote) {
            return new QuoteJson(quote.id(), quote.dealId(), quote.text());
        }
    }

    record ThemeJson(String kind, String theme, int focusDeals, int baselineDeals, double focusRate, double baselineRate,
            double pValue, double qValue, List<Double> ci, Double lift, Verdict verdict, List<QuoteJson> quotes) {

        static ThemeJson of(ThemeStats stats) {
            return new ThemeJson(stats.kind(), stats.theme(), stats.focusDeals(), stats.baselineDeals(),
                    stats.focusRate(), stats.baselineRate(), stats.pValue(), stats.qValue(), stats.ci(), stats.lift(),
                    stats.verdict(), stats.quotes().stream().map(QuoteJson::of).toList());
        }
    }

    /** API.md's sample sizes, in distinct deals, with the outcomes compared and the verdict on the whole sample. */
    record SampleJson(int deals, int focus, int baseline, List<String> focusOutcomes, List<String> baselineOutcomes,
            Verdict verdict) {
    }

    /**
     * The sample, the themes, and beside them how many invited buyers answered per outcome ({@code responseRates}),
     * so nobody mistakes who answered for what happened.
     */
    record ThemesJson(SampleJson sample, List<ThemeJson> themes, List<ResponseRate> responseRates) {

        static ThemesJson of(ThemeReport report, List<String> focus, List<String> baseline, List<ResponseRate> rates) {
            Sample sample = report.sample();
            return new ThemesJson(
                    new SampleJson(sample.deals(), sample.focus(), sample.baseline(), focus, baseline, report.verdict()),
                    report.themes().stream().map(ThemeJson::of).toList(), rates);
        }
    }

    private final QuoteIndexer indexer;
    private final ResponseRates responseRates;

    ThemesApi(QuoteIndexer indexer, ResponseRates responseRates) {
        this.indexer = indexer;
        this.responseRates = responseRates;
    }

    /**
     * Themes of the focus deals against the baseline deals, most significant first, each with deal counts and rates,
     * Fisher's exact p-value, the Benjamini-Hochberg q-value, a Wilson 95% interval of the focus rate and up to three
     * quotes; the sample sizes and a plain verdict when there are too few deals to conclude anything.
     *
     * <p>The query string ({@link ThemesForm}): {@code outcome} focus outcomes, repeatable, default {@code lost};
     * {@code versus} baseline outcomes, repeatable, default {@code won}, none also a focus outcome; optional
     * {@code competitor} and {@code segment}, repeatable (OR), and {@code from}/{@code to} ({@code yyyy-mm-dd},
     * when the buyer said it), all applied to both sets.
     */
    @GetMapping
    Mono<ThemesJson> themes(Staff staff, @ModelAttribute ThemesForm form) {
        return Mono.fromCallable(form::toQuestion)
                .flatMap(question -> Mono.zip(
                        indexer.themes(staff.workspace(), question.request()),
                        responseRates.byOutcome(staff.workspace(), question.filters().get(Fields.SEGMENT)),
                        (report, rates) -> ThemesJson.of(report, question.focus(), question.baseline(), rates)));
    }
}
