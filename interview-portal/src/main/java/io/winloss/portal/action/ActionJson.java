package io.winloss.portal.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An action as the API shows it: API.md's field names, the ids of team, metric and status, ISO dates, its three
 * reviews, and, from {@code GET /api/actions/{id}}, the metric before the start date ({@code baseline}) and since it
 * ({@code current}) with {@code verdict}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ActionJson(String id, String title, String team, String ownerEmail, LocalDate startDate, LocalDate dueDate,
        String metric, List<String> themes, List<String> evidence, String hypothesis, String dealId, String segment,
        String status, List<ReviewJson> reviews, LocalDate nextReview, String createdBy, Instant createdAt,
        Instant updatedAt, ReadingJson baseline, ReadingJson current, VerdictJson verdict) {

    /** One review: {@code status} is {@code pending} until recorded; {@code seen} is the metric as it stood then. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReviewJson(int n, String name, LocalDate due, String status, String notes, Instant reviewedAt, String reviewer,
            EffectJson seen) {

        static ReviewJson of(Review r) {
            return new ReviewJson(r.n(), r.name(), r.due(), r.status().id(), r.notes(), r.reviewedAt(), r.reviewer(),
                    r.seen() == null ? null : EffectJson.of(r.seen()));
        }
    }

    /**
     * The metric over one window of close dates: the value (a rate from 0 to 1, or a mean), the deals it rests on, the
     * 95% interval, and whether that is enough to conclude anything ({@code reason} says why not).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReadingJson(LocalDate from, LocalDate to, Double value, int deals, Integer won, List<Double> ci,
            boolean conclusive, String reason) {

        static ReadingJson of(Metric metric, MetricReading r) {
            return new ReadingJson(r.from(), r.to(), r.value(), r.deals(), metric == Metric.WIN_RATE ? r.won() : null,
                    r.ci(), r.conclusive(), r.reason());
        }
    }

    /** Whether before and since can be compared, and what the comparison says, in a sentence. */
    record VerdictJson(boolean conclusive, String message) {
    }

    record EffectJson(ReadingJson baseline, ReadingJson current, VerdictJson verdict) {

        static EffectJson of(MetricEffect e) {
            return new EffectJson(ReadingJson.of(e.metric(), e.baseline()), ReadingJson.of(e.metric(), e.current()),
                    new VerdictJson(e.conclusive(), e.message()));
        }
    }

    static ActionJson of(Action a) {
        return of(a, null);
    }

    static ActionJson of(Action a, MetricEffect effect) {
        return new ActionJson(a.id(), a.title(), a.team().id(), a.ownerEmail(), a.startDate(), a.dueDate(),
                a.metric().id(), a.themes(), a.evidence(), a.hypothesis(), a.dealId(), a.segment(), a.status().id(),
                a.reviews().stream().map(ReviewJson::of).toList(), a.nextReview().map(Review::due).orElse(null),
                a.createdBy(), a.createdAt(), a.updatedAt(),
                effect == null ? null : ReadingJson.of(effect.metric(), effect.baseline()),
                effect == null ? null : ReadingJson.of(effect.metric(), effect.current()),
                effect == null ? null : new VerdictJson(effect.conclusive(), effect.message()));
    }
}
