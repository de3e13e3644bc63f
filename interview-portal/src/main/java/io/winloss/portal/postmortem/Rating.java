package io.winloss.portal.postmortem;

import java.time.Instant;

/**
 * One participant's rating of a deal's post-mortem: a score from 1 to 5, what worked and what felt biased.
 *
 * @param userId who rated; each person has one rating per deal, a new one replaces it
 * @param worked free text, or null
 * @param biased free text, or null
 */
public record Rating(String userId, int score, String worked, String biased, Instant ratedAt) {
}
