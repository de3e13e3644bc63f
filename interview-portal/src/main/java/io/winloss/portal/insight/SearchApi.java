package io.winloss.portal.insight;

import java.time.Instant;
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

    /**
     * This process's replica and its latest rebuild (see {@link RebuildStatus}), with the caller's workspace's
     * sentences in it. Another process answers for its own replica.
     */
    record RebuildJson(String state, String reason, String replica, Instant startedAt, Instant finishedAt,
            long fromPosition, Long endPosition, long committedPosition, long done, long total, boolean totalKnown,
            long indexedSentences, String error) {

        static RebuildJson of(String replica, RebuildStatus status, long sentences) {
            return new RebuildJson(status.state(), status.reason(), replica, status.startedAt(), status.finishedAt(),
                    status.fromPosition(), status.endPosition(), status.committedPosition(), status.done(),
                    status.total(), status.totalKnown(), sentences, status.error());
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

    /** How far this process's replica is with its latest rebuild. */
    @GetMapping("/rebuild")
    Mono<RebuildJson> rebuildStatus(Staff staff) {
        return json(staff, Mono.fromSupplier(indexer::rebuildStatus));
    }

    /**
     * Empties this process's index and indexes every analysed interview and response again; answers (202, with the
     * status) before that ends. While a rebuild runs, starts nothing and answers its status. The instance owner's
     * only: the replica holds every workspace's quotes, so a workspace's admin cannot take them all offline.
     */
    @PostMapping("/rebuild")
    @PreAuthorize("hasRole('OWNER')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<RebuildJson> rebuild(Staff staff) {
        return json(staff, indexer.rebuild());
    }

    private Mono<RebuildJson> json(Staff staff, Mono<RebuildStatus> status) {
        return status.zipWith(indexer.sentences(staff.workspace()),
                (s, sentences) -> RebuildJson.of(indexer.replicaId(), s, sentences));
    }
}
