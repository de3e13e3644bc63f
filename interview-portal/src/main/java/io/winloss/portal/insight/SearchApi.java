package io.winloss.portal.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.winloss.portal.account.Staff;
import io.winloss.portal.web.ApiController;
import io.winloss.search.Hit;
import io.winloss.search.SearchPage;
import reactor.core.publisher.Mono;

/**
 * Quote search (API.md, "Search and themes") over the signed-in analyst's workspace only: free text, facet filters
 * (a repeated parameter is OR, different facets AND), a date range, order and pages. A query the index cannot read is
 * a 400 on {@code q} saying why.
 */
@ApiController("/api/search")
@PreAuthorize("hasRole('ANALYST')")
class SearchApi {

    record HitJson(String id, String text, String highlight, String dealId, String source, String sourceId,
            int sentenceIndex, String speaker, String role, String outcome, List<String> competitors,
            List<String> criteria, String sentiment, LocalDate date) {

        static HitJson of(Hit hit) {
            return new HitJson(hit.id(), hit.text(), hit.highlight(), hit.dealId(), hit.source(), hit.sourceId(),
                    hit.sentenceIndex(), hit.speaker(), hit.role(), hit.outcome(), hit.competitors(), hit.criteria(),
                    hit.sentiment(), hit.date());
        }
    }

    record SearchJson(long total, List<HitJson> hits, Map<String, Map<String, Integer>> facets) {

        static SearchJson of(SearchPage page) {
            return new SearchJson(page.total(), page.hits().stream().map(HitJson::of).toList(), page.facets());
        }
    }

    private final QuoteIndexer indexer;

    SearchApi(QuoteIndexer indexer) {
        this.indexer = indexer;
    }

    /** One page of matching buyer sentences, newest first among equals, with facet counts. */
    @GetMapping
    Mono<SearchJson> search(Staff staff, @ModelAttribute SearchForm form) {
        return Mono.fromCallable(form::toRequest)
                .flatMap(request -> indexer.search(staff.workspace(), request))
                .map(SearchJson::of);
    }

    /** Empties this process's index and indexes every analysed interview and response again; answers before that ends. */
    @PostMapping("/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> rebuild(Staff staff) {
        return indexer.rebuild();
    }
}
