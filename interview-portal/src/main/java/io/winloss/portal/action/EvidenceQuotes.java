package io.winloss.portal.action;

import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.winloss.portal.analysis.Analyses;
import io.winloss.portal.analysis.ReviewedSentence;
import io.winloss.portal.interview.Interviews;
import io.winloss.portal.invitation.BuyerResponse;
import io.winloss.portal.invitation.Responses;
import io.winloss.portal.web.NotFound;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * Finds the buyer's words behind an evidence id, in the caller's workspace only: the sentence of an interview (with
 * corrections, as search shows it), the answer to one survey question, or a whole answer sheet. Reads MongoDB, the
 * source of truth, not the quote index, so an action shows its evidence even while the index rebuilds.
 */
@Component
class EvidenceQuotes {

    private final Interviews interviews;
    private final Responses responses;
    private final Analyses analyses;

    EvidenceQuotes(Interviews interviews, Responses responses, Analyses analyses) {
        this.interviews = interviews;
        this.responses = responses;
        this.analyses = analyses;
    }

    /** The quote, or one marked not {@code found} when its source is not (or no longer) in this workspace. */
    Mono<EvidenceQuote> quote(WorkspaceId workspace, String evidence) {
        return EvidenceId.parse(evidence)
                .map(id -> find(workspace, id).defaultIfEmpty(EvidenceQuote.gone(evidence)))
                .orElseGet(() -> Mono.just(EvidenceQuote.gone(evidence)));
    }

    /** Whether the evidence names something of this workspace: an analysed sentence or answer, or a response. */
    Mono<Boolean> exists(WorkspaceId workspace, EvidenceId id) {
        return find(workspace, id).map(EvidenceQuote::found).defaultIfEmpty(false);
    }

    private Mono<EvidenceQuote> find(WorkspaceId workspace, EvidenceId id) {
        return switch (id.kind()) {
            case INTERVIEW_SENTENCE -> interviews.find(workspace, id.sourceId())
                    .onErrorResume(NotFound.class, e -> Mono.empty())
                    .flatMap(interview -> analyses.read(workspace, interview.target())
                            .flatMap(sentences -> Mono.justOrEmpty(sentences.stream()
                                    .filter(s -> String.valueOf(s.machine().index()).equals(id.part())).findFirst()))
                            .map(s -> new EvidenceQuote(id.canonical(), s.machine().text(),
                                    "/interviews/" + interview.id() + "#s-" + id.part(), interview.dealId(), true)));
            case RESPONSE_ANSWER -> responses.find(workspace, id.sourceId())
                    .flatMap(response -> analyses.read(workspace, "response:" + response.id())
                            .map(sentences -> answer(sentences, id.part(), response))
                            .filter(text -> !text.isEmpty())
                            .map(text -> new EvidenceQuote(id.canonical(), text, "/deals/" + response.dealId(),
                                    response.dealId(), true)));
            case RESPONSE -> responses.find(workspace, id.sourceId())
                    .map(response -> new EvidenceQuote(id.canonical(), "The buyer's survey answers of "
                            + response.submittedAt().atZone(ZoneOffset.UTC).toLocalDate(), "/deals/" + response.dealId(),
                            response.dealId(), true));
        };
    }

    /** The buyer's answer to one question: its analysed sentences (the speaker is the question), else the raw answer. */
    private static String answer(List<ReviewedSentence> sentences, String question, BuyerResponse response) {
        String analysed = sentences.stream().filter(s -> question.equals(s.machine().speaker()))
                .map(s -> s.machine().text()).collect(Collectors.joining(" "));
        if (!analysed.isEmpty()) {
            return analysed;
        }
        Object raw = response.answers().get(question);
        return raw instanceof String text ? text : "";
    }
}
