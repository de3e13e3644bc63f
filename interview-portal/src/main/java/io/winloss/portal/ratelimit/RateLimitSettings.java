package io.winloss.portal.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests one client may make (application.properties, {@code portal.rate-limit.*}, environment
 * {@code PORTAL_RATE_LIMIT_...}). Each limit is a token bucket: {@code burst} requests at once, refilled at
 * {@code perMinute}; a per-minute of 0 turns that limit off. Buckets live in this process only (see the README).
 *
 * @param trustedProxy   true when the portal is reached only through a proxy that appends the client's address to
 *                       {@code X-Forwarded-For}: the last address there is then the client; otherwise the connection's
 *                       address is, and the header is ignored; default false
 * @param pages          buyer token pages {@code /s/**} and shared reports {@code /r/**}, per client IP;
 *                       default 300 a minute, burst 300 (a buyer clicking around never gets near it)
 * @param login          {@code POST /login} per client IP; default 120 a minute, burst 120
 * @param loginUsername  {@code POST /login} per submitted username, whatever the IP; default 20 a minute, burst 20
 * @param api            {@code /api/**} per signed-in user (HTTP Basic, or the user an API key acts for);
 *                       default 1,200 a minute, burst 600
 * @param apiAnonymous   {@code /api/**} calls without credentials, and calls whose credentials were refused, per
 *                       client IP; an IP that used this up is refused until it refills; default 60 a minute, burst 60
 * @param webhook        the CRM webhook per workspace named; default 600 a minute, burst 600
 * @param maxClients     clients remembered per limit; the least recently seen go first; default 100,000
 * @param idleAfter      a client unseen this long is forgotten (its bucket would be full again anyway); default 10 min
 */
@ConfigurationProperties("portal.rate-limit")
public record RateLimitSettings(boolean trustedProxy, Limit pages, Limit login, Limit loginUsername, Limit api,
        Limit apiAnonymous, Limit webhook, int maxClients, Duration idleAfter) {

    /** One token bucket: {@code burst} at once, {@code perMinute} refilled a minute; {@code perMinute} 0 means no limit. */
    public record Limit(int perMinute, int burst) {

        public Limit {
            if (perMinute < 0 || burst < 0) {
                throw new IllegalArgumentException("a rate limit cannot be negative: " + perMinute + " a minute, burst " + burst);
            }
            if (burst == 0) {
                burst = perMinute;
            }
        }

        boolean off() {
            return perMinute == 0;
        }
    }

    public RateLimitSettings {
        pages = orOff(pages);
        login = orOff(login);
        loginUsername = orOff(loginUsername);
        api = orOff(api);
        apiAnonymous = orOff(apiAnonymous);
        webhook = orOff(webhook);
        if (maxClients <= 0) {
            maxClients = 100_000;
        }
        if (idleAfter == null || idleAfter.isNegative() || idleAfter.isZero()) {
            idleAfter = Duration.ofMinutes(10);
        }
    }

    private static Limit orOff(Limit limit) {
        return limit == null ? new Limit(0, 0) : limit;
    }
}
