package io.winloss.portal.interview;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Component;

import io.winloss.nlp.tagging.Criterion;
import io.winloss.nlp.tagging.Sentiment;
import io.winloss.portal.account.Staff;
import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.AnalysisJob;
import io.winloss.portal.analysis.Correction;
import io.winloss.portal.analysis.ReviewedSentence;
import io.winloss.portal.assignment.DealAccess;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Mono;

/**
 * Reading and correcting one interview, for whoever may see its deal (admins and analysts, and the
 * interviewers assigned to the deal); to everyone else the interview does not exist.
 */
@Component
class InterviewReview {

    /** A person's change of one sentence's tags; a null field leaves that tag alone. */
    record Patch(List<String> competitors, List<String> criteria, String sentiment) {
    }

    private final Interviews interviews;
    private final Analyses analyses;
    private final DealAccess access;
    private final Clock clock = Clock.systemUTC();

    InterviewReview(Interviews interviews, Analyses analyses, DealAccess access) {
        this.interviews = interviews;
        this.analyses = analyses;
        this.access = access;
    }

    /** The interview if this person may see it, else NotFound. */
    Mono<Interview> readable(Staff staff, String id) {
        return interviews.find(staff.workspace(), id)
                .flatMap(interview -> access.readable(staff, interview.dealId()).thenReturn(interview));
    }

    Mono<InterviewView> view(Staff staff, String id) {
        return withDeal(staff, id).map(WithDeal::view);
    }

    /** The interview as shown, with its deal (read once, by the access check). */
    record WithDeal(InterviewView view, io.winloss.portal.deal.Deal deal) {
    }

    Mono<WithDeal> withDeal(Staff staff, String id) {
        return interviews.find(staff.workspace(), id).flatMap(interview -> access.readable(staff, interview.dealId())
                .flatMap(deal -> interviews.job(staff.workspace(), interview)
                        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                        .zipWith(analyses.read(staff.workspace(), interview.target()),
                                (job, sentences) -> new WithDeal(InterviewView.of(interview, job.orElse(null), sentences), deal))));
    }

    Mono<AnalysisJob> reanalyze(Staff staff, String id) {
        return readable(staff, id).flatMap(interview -> interviews.reanalyze(staff.workspace(), interview));
    }

    Mono<ReviewedSentence> correct(Staff staff, String id, int index, Patch patch) {
        Patch valid = validated(patch);
        return readable(staff, id).flatMap(interview -> analyses.correct(staff.workspace(), interview.target(), index,
                new Correction(index, null, valid.competitors(), valid.criteria(), valid.sentiment(), staff.email(),
                        clock.instant())));
    }

    private static Patch validated(Patch patch) {
        List<FieldError> errors = new ArrayList<>();
        if (patch == null || patch.competitors() == null && patch.criteria() == null && patch.sentiment() == null) {
            throw new InvalidInput("body", "give competitors, criteria or sentiment");
        }
        List<String> competitors = null;
        if (patch.competitors() != null) {
            competitors = List.copyOf(new LinkedHashSet<>(patch.competitors().stream().map(String::strip).toList()));
            if (competitors.stream().anyMatch(c -> c.isEmpty() || c.length() > 100) || competitors.size() > 50) {
                errors.add(new FieldError("competitors", "names of 1 to 100 characters, at most 50"));
            }
        }
        List<String> criteria = null;
        if (patch.criteria() != null) {
            criteria = List.copyOf(new LinkedHashSet<>(patch.criteria()));
            for (String criterion : criteria) {
                if (Criterion.byId(criterion).isEmpty()) {
                    errors.add(new FieldError("criteria", "'" + criterion + "' is not a criterion id"));
                }
            }
        }
        if (patch.sentiment() != null && Sentiment.byId(patch.sentiment()).isEmpty()) {
            errors.add(new FieldError("sentiment", "must be positive, neutral or negative"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Patch(competitors, criteria, patch.sentiment());
    }
}
