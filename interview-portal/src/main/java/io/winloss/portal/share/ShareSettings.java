package io.winloss.portal.share;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How shared themes reports protect buyers (application.properties, {@code portal.share.*}).
 *
 * @param minDeals a breakdown (a theme, a quarter, a competitor's criterion, a response rate, the sample itself) is
 *                 shown in a shared report only when it covers at least this many deals, so no buyer can be singled
 *                 out; {@code PORTAL_SHARE_MIN_DEALS}, default 5
 */
@ConfigurationProperties("portal.share")
public record ShareSettings(@DefaultValue("5") int minDeals) {

    public ShareSettings {
        if (minDeals < 1) {
            throw new IllegalArgumentException("portal.share.min-deals must be at least 1, was " + minDeals);
        }
    }
}
