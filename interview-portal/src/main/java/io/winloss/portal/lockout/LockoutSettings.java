package io.winloss.portal.lockout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When repeated failed sign-ins lock an account (application.properties, {@code portal.lockout.*}, environment
 * {@code PORTAL_LOCKOUT_...}).
 *
 * @param failures  failed sign-ins within {@code within} that lock the account; default 10; 0 turns lockout off
 * @param within    the window the failures are counted in, from the first of them; default 15 min
 * @param lockFor   how long the account then stays locked (an admin may unlock it sooner); default 15 min
 */
@ConfigurationProperties("portal.lockout")
public record LockoutSettings(int failures, Duration within, Duration lockFor) {

    public LockoutSettings {
        if (failures < 0) {
            throw new IllegalArgumentException("portal.lockout.failures cannot be negative, was " + failures);
        }
        if (within == null || within.isNegative() || within.isZero()) {
            within = Duration.ofMinutes(15);
        }
        if (lockFor == null || lockFor.isNegative() || lockFor.isZero()) {
            lockFor = Duration.ofMinutes(15);
        }
    }

    boolean off() {
        return failures == 0;
    }
}
