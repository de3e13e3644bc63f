package io.winloss.portal.insight;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.winloss.portal.account.Staff;
import io.winloss.portal.web.InvalidInput;
import io.winloss.search.Fields;
import io.winloss.search.Hit;
import io.winloss.search.InvalidQuery;
import io.winloss.search.SearchRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The search page for analysts (free text, facet checkboxes with counts, dates, order, pages; each quote linked to
 * its place in the interview or to the deal's answers) and the CSV export of every hit of the same search.
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
class SearchPages {

    static final String VIEW = "search/search";
    /** The facets the page offers, in order. */
    static final List<String> DIMS = List.of(Fields.OUTCOME, Fields.COMPETITOR, Fields.CRITERION, Fields.SENTIMENT,
            Fields.SEGMENT, Fields.SOURCE, Fields.QUARTER);

    private final QuoteIndexer indexer;

    SearchPages(QuoteIndexer indexer) {
        this.indexer = indexer;
    }

    @GetMapping("/search")
    Mono<String> search(Staff staff, @ModelAttribute("form") SearchForm form, Model model) {
        model.addAttribute("dims", DIMS);
        return Mono.fromCallable(form::toRequest)
                .flatMap(request -> indexer.search(staff.workspace(), request))
                .doOnNext(page -> {
                    model.addAttribute("result", page);
                    int current = form.page() == null ? 0 : form.page();
                    int size = form.size() == null ? SearchRequest.DEFAULT_SIZE : form.size();
                    model.addAttribute("current", current);
                    model.addAttribute("hasNext", (long) (current + 1) * size < page.total());
                })
                .onErrorResume(InvalidQuery.class, e -> {
                    model.addAttribute("queryError", e.reason());
                    return Mono.empty();
                })
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("queryError", e.errors().get(0).message());
                    return Mono.empty();
                })
                .thenReturn(VIEW);
    }

    /**
     * Every hit of the search (at most {@link SearchRequest#MAX_WINDOW}) as CSV, newest first. Cells that a
     * spreadsheet would run as a formula (starting with =, +, -, @) get a leading apostrophe: buyers wrote them.
     */
    @GetMapping(path = "/search.csv")
    Mono<ResponseEntity<byte[]>> export(Staff staff, @ModelAttribute SearchForm form) {
        int pages = SearchRequest.MAX_WINDOW / SearchRequest.MAX_SIZE;
        return Flux.range(0, pages)
                .concatMap(page -> indexer.search(staff.workspace(), form.toRequest(page, SearchRequest.MAX_SIZE)))
                .takeUntil(page -> page.hits().size() < SearchRequest.MAX_SIZE)
                .concatMapIterable(page -> page.hits())
                .collectList()
                .map(hits -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"quotes.csv\"")
                        .body(csv(hits).getBytes(StandardCharsets.UTF_8)));
    }

    static String csv(List<Hit> hits) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("date", "outcome", "dealId", "source", "sourceId", "speaker", "role", "sentiment",
                        "competitors", "criteria", "text").get())) {
            for (Hit hit : hits) {
                printer.printRecord(hit.date(), hit.outcome(), hit.dealId(), hit.source(), hit.sourceId(),
                        safe(hit.speaker()), hit.role(), hit.sentiment(), safe(String.join("; ", hit.competitors())),
                        String.join("; ", hit.criteria()), safe(hit.text()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String safe(String cell) {
        return cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
