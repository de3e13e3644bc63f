package io.winloss.portal.program;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.winloss.portal.deal.Contact;
import io.winloss.portal.deal.Deal;

/**
 * Which deals a program invites, in one place:
 * <ul>
 * <li>the deal's outcome is one of the program's;</li>
 * <li>with a minimum amount, the deal's amount is at least that (a deal without an amount is out);</li>
 * <li>with segments, the deal's segment is one of them (ignoring case and surrounding spaces);</li>
 * <li>the deal names a contact with an email (the first such contact is the buyer asked);</li>
 * <li>the deal has a close date;</li>
 * <li>and, a separate rule, the invitation would not come late: a deal whose invitation was due more than the
 *     catch-up window ago ({@code portal.programs.catch-up-days}, 30 by default) is left alone, so a new program,
 *     an old deal imported today or a long pause never mails buyers of deals closed long ago.</li>
 * </ul>
 */
final class ProgramScope {

    private ProgramScope() {
    }

    /** Why the deal is out of the program's scope, in words; empty when it is in. */
    static Optional<String> whyOut(Program.Scope scope, Deal deal) {
        if (!scope.outcomes().contains(deal.outcome())) {
            return Optional.of("its outcome is " + deal.outcome().id());
        }
        if (scope.minAmount() != null) {
            if (deal.amount() == null) {
                return Optional.of("it has no amount and the program has a minimum");
            }
            if (deal.amount().compareTo(scope.minAmount()) < 0) {
                return Optional.of("its amount is below the minimum");
            }
        }
        if (!scope.segments().isEmpty() && (deal.segment() == null
                || scope.segments().stream().noneMatch(s -> normal(s).equals(normal(deal.segment()))))) {
            return Optional.of("its segment is not one of the program's");
        }
        if (buyer(deal).isEmpty()) {
            return Optional.of("it names no contact with an email");
        }
        if (deal.closeDate() == null) {
            return Optional.of("it has no close date");
        }
        return Optional.empty();
    }

    static boolean inScope(Program.Scope scope, Deal deal) {
        return whyOut(scope, deal).isEmpty();
    }

    /** The contact the program invites: the deal's first contact with an email. */
    static Optional<Contact> buyer(Deal deal) {
        return deal.contacts().stream().filter(c -> c.email() != null && !c.email().isBlank()).findFirst();
    }

    /** True when the invitation, due at {@code inviteAt}, would go out more than {@code catchUpDays} late at {@code now}. */
    static boolean late(Instant inviteAt, Instant now, int catchUpDays) {
        return now.isAfter(inviteAt.plus(Program.days(catchUpDays)));
    }

    private static String normal(String segment) {
        return segment.strip().toLowerCase(Locale.ROOT);
    }
}
