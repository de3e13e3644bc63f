package io.winloss.portal.postmortem;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.winloss.portal.account.Staff;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Mono;

/**
 * A deal's post-mortem for scripts: read and replace its five whys and root causes, rate it and read its ratings.
 * Analysts and admins only (interviewers 403); another workspace's deal is 404.
 */
@ApiController("/api/deals/{id}/post-mortem")
@PreAuthorize("hasRole('ANALYST')")
@Tag(name = "Post-mortems")
class PostMortemApi {

    /** A root cause as the API shows it; {@code number} counts from 1, as on the page and in {@code /actions/new?rootCause=}. */
    record RootCauseJson(int number, String cause, String category) {
    }

    record RatingTotals(int count, Double average) {
    }

    /** A post-mortem as the API shows it; {@code editedAt} is null while nobody has written one. */
    record PostMortemJson(String dealId, String problem, List<String> whys, List<RootCauseJson> rootCauses, String editedBy,
            Instant editedAt, RatingTotals ratings) {

        static PostMortemJson of(PostMortem p, PostMortemRatings.Summary ratings) {
            List<RootCauseJson> causes = IntStream.range(0, p.rootCauses().size())
                    .mapToObj(i -> new RootCauseJson(i + 1, p.rootCauses().get(i).cause(), p.rootCauses().get(i).category().id()))
                    .toList();
            return new PostMortemJson(p.dealId(), p.problem(), p.whys(), causes, p.editedBy(), p.editedAt(),
                    new RatingTotals(ratings.count(), ratings.average()));
        }
    }

    /** A rating as the API shows it: without who gave it (people say more about bias unnamed); {@code mine} marks the caller's. */
    record RatingJson(int score, String worked, String biased, Instant ratedAt, boolean mine) {

        static RatingJson of(Rating r, Staff staff) {
            return new RatingJson(r.score(), r.worked(), r.biased(), r.ratedAt(), r.userId().equals(staff.userId()));
        }
    }

    record RatingsJson(int count, Double average, List<RatingJson> items) {

        static RatingsJson of(PostMortemRatings.Summary summary, Staff staff) {
            return new RatingsJson(summary.count(), summary.average(),
                    summary.ratings().stream().map(r -> RatingJson.of(r, staff)).toList());
        }
    }

    private final PostMortems postMortems;
    private final PostMortemRatings ratings;
    private final Deals deals;
    private final Clock clock = Clock.systemUTC();

    PostMortemApi(PostMortems postMortems, PostMortemRatings ratings, Deals deals) {
        this.postMortems = postMortems;
        this.ratings = ratings;
        this.deals = deals;
    }

    @Operation(summary = "The deal's post-mortem",
            description = "Its problem statement, answers to \"why?\", root causes, last editor and time (null while nobody "
                    + "wrote one), and the count and mean of its ratings.")
    @GetMapping
    Mono<PostMortemJson> find(Staff staff, @PathVariable String id) {
        return deals.find(staff.workspace(), id).then(Mono.zip(postMortems.find(staff.workspace(), id),
                        ratings.summary(staff.workspace(), id)))
                .map(t -> PostMortemJson.of(t.getT1(), t.getT2()));
    }

    @Operation(summary = "Save the deal's post-mortem",
            description = "Replaces it whole: `problem` (required), `whys` (up to five; blank ones are dropped), `rootCauses` "
                    + "(up to ten, each `{\"cause\",\"category\"}` with category people, process, product, price, competition "
                    + "or other). The caller becomes its last editor.")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<PostMortemJson> save(Staff staff, @PathVariable String id, @RequestBody PostMortemInput body) {
        return Mono.fromCallable(() -> PostMortemValidator.validate(body))
                .flatMap(notes -> postMortems.save(staff.workspace(), id, notes, staff.email(), clock.instant()))
                .zipWhen(saved -> ratings.summary(staff.workspace(), id))
                .map(t -> PostMortemJson.of(t.getT1(), t.getT2()));
    }

    @Operation(summary = "Rate the deal's post-mortem",
            description = "`score` 1 to 5, optional `worked` and `biased` texts. One rating per person and deal: a second "
                    + "replaces the first (200) instead of adding one (201). Answers all the deal's ratings.",
            responses = {@ApiResponse(responseCode = "201", description = "the caller's first rating of it"),
                    @ApiResponse(responseCode = "200", description = "the caller's rating, replaced")})
    @PostMapping(path = "/ratings", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<RatingsJson>> rate(Staff staff, @PathVariable String id, @RequestBody RatingInput body) {
        return Mono.fromCallable(() -> RatingValidator.validate(body))
                .flatMap(rating -> ratings.rate(staff.workspace(), id, staff.userId(), rating, clock.instant()))
                .zipWhen(rated -> ratings.summary(staff.workspace(), id))
                .map(t -> ResponseEntity.status(t.getT1().first() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(RatingsJson.of(t.getT2(), staff)));
    }

    @Operation(summary = "The ratings of the deal's post-mortem", description = "Latest first, with their count and mean.")
    @GetMapping("/ratings")
    Mono<RatingsJson> ratings(Staff staff, @PathVariable String id) {
        return deals.find(staff.workspace(), id).then(ratings.summary(staff.workspace(), id))
                .map(summary -> RatingsJson.of(summary, staff));
    }
}
