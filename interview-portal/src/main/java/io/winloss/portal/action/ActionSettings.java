package io.winloss.portal.action;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How actions are measured and reminded (application.properties, {@code portal.actions.*}).
 *
 * @param baselineDays     the baseline is the deals closed in this many days before an action's start date; default 180
 * @param minDeals         fewer deals than this on either side is too few to conclude anything; default 10
 * @param remindDaysBefore the owner gets a first reminder this many days before a review is due (0: none), and a
 *                         second on the day; default 3
 */
@ConfigurationProperties("portal.actions")
public record ActionSettings(@DefaultValue("180") int baselineDays, @DefaultValue("10") int minDeals,
        @DefaultValue("3") int remindDaysBefore) {

    public ActionSettings {
        if (baselineDays < 1) {
            throw new IllegalArgumentException("portal.actions.baseline-days must be at least 1, was " + baselineDays);
        }
        if (minDeals < 2) {
            throw new IllegalArgumentException("portal.actions.min-deals must be at least 2, was " + minDeals);
        }
        if (remindDaysBefore < 0) {
            throw new IllegalArgumentException("portal.actions.remind-days-before must not be negative, was " + remindDaysBefore);
        }
    }
}
