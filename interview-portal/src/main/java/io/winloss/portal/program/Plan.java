package io.winloss.portal.program;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.winloss.portal.workspace.WorkspaceId;

/**
 * The invitation plan of one deal in one program: its next step ({@code step} 0 is the invitation, 1.. the
 * reminders), when that step is due, and what happened so far. Its id is also the id of the invitation it makes, so
 * a step retried after a crash finds the invitation it made before instead of making a second one.
 *
 * @param inviteAt when the invitation is due by the program's rule (close date plus {@code inviteAfterDays})
 * @param invitedAt when the invitation was made; null before; reminders count from it
 * @param stopReason why a stopped plan stopped; null unless {@code status} is stopped
 */
record Plan(String id, WorkspaceId workspace, String programId, String dealId, Status status, int step, Instant nextAt,
        Instant inviteAt, Instant invitedAt, int remindersSent, StopReason stopReason, Instant stoppedAt, List<Event> history,
        int failures, String lastError, Instant createdAt) {

    Plan {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Where a plan stands: waiting for its next step, paused with its program, done with every step, or stopped. */
    enum Status {
        WAITING("waiting"), PAUSED("paused"), FINISHED("finished"), STOPPED("stopped");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }

        static Status of(String id) {
            return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElseThrow();
        }
    }

    /** Why a plan stopped before its last step, in staff's words. */
    enum StopReason {
        ANSWERED("answered", "the buyer answered"),
        OPTED_OUT("opted_out", "the buyer opted out of reminders"),
        BOUNCED("bounced", "the mail server refused the buyer's address"),
        EXPIRED("expired", "the invitation expired unanswered"),
        OUT_OF_SCOPE("out_of_scope", "the deal left the program's scope before its invitation"),
        TOO_LATE("too_late", "the invitation would have gone out too long after it was due"),
        ALREADY_INVITED("already_invited", "the buyer already had an invitation for this deal"),
        INVALID_EMAIL("invalid_email", "the buyer's email address is not one"),
        DEAL_GONE("deal_gone", "the deal or its invitation was deleted"),
        FAILED("failed", "the step failed again and again");

        private final String id;
        private final String words;

        StopReason(String id, String words) {
            this.id = id;
            this.words = words;
        }

        String id() {
            return id;
        }

        String words() {
            return words;
        }

        static StopReason of(String id) {
            return id == null ? null : Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElse(FAILED);
        }
    }

    /** One thing that happened to the plan, such as {@code invited} or {@code reminder 2}. */
    record Event(Instant at, String what) {
    }

    /** The step's name for people: the invitation, or reminder n. */
    static String stepName(int step) {
        return step == 0 ? "invitation" : "reminder " + step;
    }
}
