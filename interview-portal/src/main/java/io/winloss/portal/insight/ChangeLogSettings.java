package io.winloss.portal.insight;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the change log keeps its entries (application.properties, {@code portal.change-log.*}).
 *
 * @param replicasSeenWithin replicas that reported within this long are waited for: entries one of them has not
 *                           committed stay; a replica away longer rebuilds itself from scratch when it is back;
 *                           default 7 days
 * @param grace              entries younger than this always stay, whatever the replicas committed; default 1 hour
 */
@ConfigurationProperties("portal.change-log")
public record ChangeLogSettings(Duration replicasSeenWithin, Duration grace) {

    public ChangeLogSettings {
        if (replicasSeenWithin == null || replicasSeenWithin.isNegative() || replicasSeenWithin.isZero()) {
            throw new IllegalArgumentException("portal.change-log.replicas-seen-within must be positive, was " + replicasSeenWithin);
        }
        if (grace == null || grace.compareTo(QuoteIndexer.HOLE_GRACE) < 0) {
            throw new IllegalArgumentException("portal.change-log.grace must be at least " + QuoteIndexer.HOLE_GRACE.toSeconds()
                    + " s (how long a follower waits for a late entry), was " + grace);
        }
    }
}
