package io.winloss.portal.gap;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.winloss.portal.account.Staff;
import io.winloss.portal.deal.Outcome;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Mono;

/**
 * The perception gap page for analysts: the rep-by-buyer table of reasons (agreement on its diagonal), each reason's
 * agreement with its Wilson interval and sample size, a chart drawn from the table by a script (the table is the page
 * without JavaScript), a plain word when the sample is too small, and every count linking to the deals behind it.
 */
@Controller
@PreAuthorize("hasRole('ANALYST')")
class PerceptionGapPages {

    static final String VIEW = "gap/perception-gap";
    static final String VIEW_DEALS = "gap/deals";
    static final String PATH = "/insights/perception-gap";

    /** Outcomes a deal can close with, for the filter's checkboxes. */
    static final List<String> OUTCOMES = Arrays.stream(Outcome.values()).filter(o -> o != Outcome.OPEN).map(Outcome::id).toList();

    private final PairedDeals pairedDeals;

    PerceptionGapPages(PairedDeals pairedDeals) {
        this.pairedDeals = pairedDeals;
    }

    @GetMapping(PATH)
    Mono<String> gap(Staff staff, @ModelAttribute("form") GapForm form, Model model) {
        model.addAttribute("outcomes", OUTCOMES);
        model.addAttribute("synonyms", Reasons.SYNONYMS);
        return Mono.fromCallable(form::toFilter)
                .flatMap(filter -> pairedDeals.find(staff.workspace(), filter))
                .doOnNext(pairs -> {
                    PerceptionGap gap = PerceptionGap.of(pairs);
                    model.addAttribute("gap", gap);
                    model.addAttribute("table", new GapTable(gap, form));
                })
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("formError", e.errors().get(0).field() + ": " + e.errors().get(0).message());
                    return Mono.empty();
                })
                .thenReturn(VIEW);
    }

    @GetMapping(PATH + "/deals")
    Mono<String> deals(Staff staff, @ModelAttribute("form") GapForm form, @RequestParam(required = false) String rep,
            @RequestParam(required = false) String buyer, @RequestParam(required = false) boolean unread, Model model) {
        model.addAttribute("back", GapTable.link(PATH, form, null, null, false));
        return Mono.fromCallable(() -> form.toFilter(rep, buyer, unread))
                .flatMap(filter -> pairedDeals.find(staff.workspace(), filter).doOnNext(pairs -> {
                    model.addAttribute("heading", heading(filter));
                    model.addAttribute("pairs", pairs.stream().filter(filter::selects).toList());
                }))
                .onErrorResume(InvalidInput.class, e -> {
                    model.addAttribute("formError", e.errors().get(0).field() + ": " + e.errors().get(0).message());
                    return Mono.empty();
                })
                .thenReturn(VIEW_DEALS);
    }

    /** "Rep said Price, buyer said Product fit", in the words of the cell clicked. */
    static String heading(GapForm.Filter filter) {
        String rep = filter.unread() ? "the rep's reason could not be read"
                : filter.rep() == null ? null : "the rep said " + Reasons.label(filter.rep());
        String buyer = filter.buyer() == null ? null : "the buyer said " + Reasons.label(filter.buyer());
        String words = rep == null ? buyer == null ? "every deal with both reasons" : buyer
                : buyer == null ? rep : rep + " and " + buyer;
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The rep-by-buyer table as the page draws it: the same reasons down and across (so agreement is the diagonal),
     * each count with the link to its deals, keeping the page's filters.
     */
    static final class GapTable {

        private final PerceptionGap gap;
        private final GapForm form;
        private final Map<String, Integer> cells = new HashMap<>();

        GapTable(PerceptionGap gap, GapForm form) {
            this.gap = gap;
            this.form = form;
            gap.matrix().forEach(cell -> cells.put(cell.rep() + "|" + cell.buyer(), cell.deals()));
        }

        public List<PerceptionGap.ReasonGap> reasons() {
            return gap.reasons();
        }

        public int cell(String rep, String buyer) {
            return cells.getOrDefault(rep + "|" + buyer, 0);
        }

        /** The deals behind a cell ({@code rep} and {@code buyer}), a row ({@code buyer} null) or a column. */
        public String link(String rep, String buyer) {
            return link(PATH + "/deals", form, rep, buyer, false);
        }

        /** The deals whose rep reason could not be read. */
        public String unreadLink() {
            return link(PATH + "/deals", form, null, null, true);
        }

        /** {@code path} with the cell asked for and the page's filters as its query. */
        static String link(String path, GapForm form, String rep, String buyer, boolean unread) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
            if (rep != null) {
                uri.queryParam("rep", rep);
            }
            if (buyer != null) {
                uri.queryParam("buyer", buyer);
            }
            if (unread) {
                uri.queryParam("unread", "true");
            }
            if (form.from() != null && !form.from().isBlank()) {
                uri.queryParam("from", form.from().strip());
            }
            if (form.to() != null && !form.to().isBlank()) {
                uri.queryParam("to", form.to().strip());
            }
            form.outcomes().forEach(o -> uri.queryParam("outcome", o));
            return uri.encode().build().toUriString();
        }
    }
}
