package io.winloss.portal.insight;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.winloss.portal.account.Staff;
import io.winloss.portal.web.ApiController;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
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

    record ThemesJson(SampleJson sample, List<ThemeJson> themes) {

        static ThemesJson of(ThemeReport report, List<String> focus, List<String> baseline) {
            Sample sample = report.sample();
            return new ThemesJson(
                    new SampleJson(sample.deals(), sample.focus(), sample.baseline(), focus, baseline, report.verdict()),
                    report.themes().stream().map(ThemeJson::of).toList());
        }
    }

    private final QuoteIndexer indexer;

    ThemesApi(QuoteIndexer indexer) {
        this.indexer = indexer;
    }

    /**
     * Themes of the focus deals against the baseline deals, most significant first, each with deal counts and rates,
     * Fisher's exact p-value, the Benjamini-Hochberg q-value, a Wilson 95% interval of the focus rate and up to three
     * quotes; the sample sizes and a plain verdict when there are too few deals to conclude anything.
     *
     * @param outcome    focus outcomes, repeatable; default {@code lost}
     * @param versus     baseline outcomes, repeatable; default {@code won}; none may also be a focus outcome
     * @param competitor optional, repeatable (OR): only sentences naming one of them, in both sets
     * @param segment    optional, repeatable (OR): only deals of these segments, in both sets
     * @param from       optional {@code yyyy-mm-dd}: only sentences said that day or later, in both sets
     * @param to         optional {@code yyyy-mm-dd}: only sentences said that day or earlier, in both sets
     */
    @GetMapping
    Mono<ThemesJson> themes(Staff staff,
            @RequestParam(required = false) List<String> outcome,
            @RequestParam(required = false) List<String> versus,
            @RequestParam(required = false) List<String> competitor,
            @RequestParam(required = false) List<String> segment,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return Mono.defer(() -> {
            List<String> focus = values(outcome, "lost");
            List<String> baseline = values(versus, "won");
            List<FieldError> errors = new ArrayList<>();
            List<String> both = focus.stream().filter(baseline::contains).toList();
            if (!both.isEmpty()) {
                errors.add(new FieldError("versus", "an outcome cannot be in both sets: " + String.join(", ", both)));
            }
            LocalDate fromDate = date("from", from, errors);
            LocalDate toDate = date("to", to, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            Map<String, List<String>> filters = new LinkedHashMap<>();
            filters.put(Fields.COMPETITOR, values(competitor, null));
            filters.put(Fields.SEGMENT, values(segment, null));
            return indexer.themes(staff.workspace(), focus, baseline, filters, fromDate, toDate)
                    .map(report -> ThemesJson.of(report, focus, baseline));
        });
    }

    private static List<String> values(List<String> given, String fallback) {
        List<String> values = given == null ? List.of()
                : given.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
        return values.isEmpty() && fallback != null ? List.of(fallback) : values;
    }

    private static LocalDate date(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date like 2026-03-31"));
            return null;
        }
    }
}
