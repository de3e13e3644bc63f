package io.winloss.portal.share;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import io.winloss.search.Fields;
import io.winloss.search.ThemeRequest;

/**
 * The themes question a shared report asks every time it is opened, as the themes page asks it: the focus outcomes
 * against the baseline outcomes, with competitors, segments and dates applied to both sets. Kept as asked, never
 * the answer: a report computes its themes live.
 */
record ReportFilters(List<String> focus, List<String> baseline, List<String> competitors, List<String> segments,
        LocalDate from, LocalDate to) {

    ReportFilters {
        focus = List.copyOf(focus);
        baseline = List.copyOf(baseline);
        competitors = competitors == null ? List.of() : List.copyOf(competitors);
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /** The filters of a validated themes request. */
    static ReportFilters of(ThemeRequest request) {
        return new ReportFilters(request.focusOutcomes(), request.baselineOutcomes(),
                request.filters().getOrDefault(Fields.COMPETITOR, List.of()),
                request.filters().getOrDefault(Fields.SEGMENT, List.of()), request.from(), request.to());
    }

    /** The question for the search library. */
    ThemeRequest request() {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put(Fields.COMPETITOR, competitors);
        filters.put(Fields.SEGMENT, segments);
        return new ThemeRequest(focus, baseline, filters, from, to);
    }

    Document toDocument() {
        return new Document("focus", focus).append("baseline", baseline).append("competitors", competitors)
                .append("segments", segments).append("from", from == null ? null : from.toString())
                .append("to", to == null ? null : to.toString());
    }

    static ReportFilters fromDocument(Document d) {
        return new ReportFilters(d.getList("focus", String.class), d.getList("baseline", String.class),
                d.getList("competitors", String.class, List.of()), d.getList("segments", String.class, List.of()),
                date(d.getString("from")), date(d.getString("to")));
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
