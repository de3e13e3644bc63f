package io.winloss.portal.postmortem;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.winloss.portal.deal.Deals;
import io.winloss.portal.store.Collections;
import io.winloss.portal.store.Store;
import io.winloss.portal.store.TenantCollection;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * How participants rated each deal's post-mortem, so the practice improves: one rating per person and deal under a
 * unique key (deal and user), a second one replacing the first.
 */
@Component
public class PostMortemRatings {

    /**
     * The ratings of one post-mortem, latest first, with their count and mean score (null when there are none).
     */
    public record Summary(List<Rating> ratings, int count, Double average) {

        static Summary of(List<Rating> ratings) {
            Double average = ratings.isEmpty() ? null
                    : ratings.stream().mapToInt(Rating::score).average().orElseThrow();
            return new Summary(List.copyOf(ratings), ratings.size(), average);
        }

        /** The ratings that say something beyond the score, for the page's comments. */
        public List<Rating> commented() {
            return ratings.stream().filter(r -> r.worked() != null || r.biased() != null).toList();
        }

        /** This person's rating, or null. */
        public Rating of(String userId) {
            return ratings.stream().filter(r -> r.userId().equals(userId)).findFirst().orElse(null);
        }
    }

    /** What {@link #rate} did: the rating as stored, and whether it was the person's first for this deal. */
    record Rated(Rating rating, boolean first) {
    }

    private static final String KEY = "key";

    private final Store store;
    private final Deals deals;

    PostMortemRatings(Store store, Deals deals) {
        this.store = store;
        this.deals = deals;
    }

    private TenantCollection ratings(WorkspaceId workspace) {
        return store.tenant(workspace, Collections.POST_MORTEM_RATINGS);
    }

    /**
     * Records {@code userId}'s rating of the deal's post-mortem, replacing the one they gave before; {@link NotFound}
     * when the deal is not this workspace's.
     */
    Mono<Rated> rate(WorkspaceId workspace, String dealId, String userId, RatingValidator.Checked rating, Instant at) {
        String newId = new ObjectId().toHexString();
        return deals.find(workspace, dealId).then(ratings(workspace).upsertByKey(KEY, dealId + "\u0000" + userId,
                        Updates.combine(
                                Updates.set("dealId", dealId),
                                Updates.set("userId", userId),
                                Updates.set("score", rating.score()),
                                Updates.set("worked", rating.worked()),
                                Updates.set("biased", rating.biased()),
                                Updates.set("ratedAt", Date.from(at)),
                                Updates.setOnInsert("_id", newId))))
                .map(d -> new Rated(toRating(d), newId.equals(d.getString("_id"))));
    }

    /** The deal's ratings with their count and mean; the caller checked the deal. */
    public Mono<Summary> summary(WorkspaceId workspace, String dealId) {
        return ratings(workspace).find(eq("dealId", dealId), Sorts.descending("ratedAt", "_id"))
                .map(PostMortemRatings::toRating)
                .collectList()
                .map(Summary::of);
    }

    /** Deletes the deal's ratings, the deal being deleted; answers how many went. */
    public Mono<Long> deleteAllOf(WorkspaceId workspace, String dealId) {
        return ratings(workspace).deleteMany(eq("dealId", dealId));
    }

    private static Rating toRating(Document d) {
        return new Rating(d.getString("userId"), d.getInteger("score"), d.getString("worked"), d.getString("biased"),
                d.getDate("ratedAt").toInstant());
    }
}
