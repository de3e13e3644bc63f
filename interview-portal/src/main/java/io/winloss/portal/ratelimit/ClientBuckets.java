package io.winloss.portal.ratelimit;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One rate limit's token buckets, one per client key (an IP, a username, a workspace), held in a bounded cache:
 * at most {@code maxClients} keys, and a key unseen for {@code idleAfter} is forgotten, so a flood of distinct keys
 * costs bounded memory. A limit that is off lets everything through and remembers nothing.
 */
final class ClientBuckets {

    private final RateLimitSettings.Limit limit;
    private final Cache<String, Bucket> buckets;

    ClientBuckets(RateLimitSettings.Limit limit, int maxClients, Duration idleAfter) {
        this.limit = limit;
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(idleAfter).build();
    }

    /** Takes one request from the key's bucket; empty if allowed, else how long until one more is. */
    Optional<Duration> take(String key) {
        if (limit.off()) {
            return Optional.empty();
        }
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How long until the key may make a request, without taking one; empty if it may now. */
    Optional<Duration> waitFor(String key) {
        if (limit.off()) {
            return Optional.empty();
        }
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Optional.empty();
        }
        var estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(estimate.getNanosToWaitForRefill()));
    }

    /** Takes one request whatever is left (for a request already answered, such as refused credentials). */
    void charge(String key) {
        if (!limit.off()) {
            bucket(key).tryConsume(1);
        }
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(b -> b.capacity(limit.burst()).refillGreedy(limit.perMinute(), Duration.ofMinutes(1)))
                .build());
    }
}
