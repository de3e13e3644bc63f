package io.winloss.portal.interview;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ServerWebExchange;

import io.winloss.portal.account.Staff;
import io.winloss.portal.assignment.DealAccess;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Interview transcripts for interviewers' tools and scripts: upload (answered 202 as soon as the file is
 * stored; analysis follows), read the result, correct tags, analyse again; admins and analysts may delete.
 */
@ApiController("/api")
@PreAuthorize("hasAnyRole('ANALYST', 'INTERVIEWER')")
class InterviewApi {

    record Accepted(String id, String status) {
    }

    record Items<T>(List<T> items) {
    }

    record Summary(String id, String fileName, String status, java.time.Instant uploadedAt) {
    }

    private final Interviews interviews;
    private final InterviewReview review;
    private final DealAccess access;

    InterviewApi(Interviews interviews, InterviewReview review, DealAccess access) {
        this.interviews = interviews;
        this.review = review;
        this.access = access;
    }

    /**
     * One transcript file per request (the page takes several); see {@link UploadRequest} for the fields. The content
     * decides the format (see {@link UploadedFileCheck}): what is certainly no transcript is refused with 400, a file
     * over 20 MB or a request over {@link UploadSizeLimit#MAX_REQUEST_BYTES} with 413, and nothing is stored.
     */
    @io.swagger.v3.oas.annotations.Operation(summary = "Upload a transcript; its analysis follows as a job",
            description = "Multipart: `file` (TXT, WebVTT, SRT or DOCX, at most 20 MB), `dealId`, optional `interviewer` "
                    + "(repeatable) and `interviewDate`. The file's content decides its format, never its name or its "
                    + "declared Content-Type. A file that is certainly no transcript (empty, blank, an image, PDF, program "
                    + "or archive, a ZIP that is not a DOCX) is refused with 400 and nothing is stored; one that needs "
                    + "reading whole to be judged (a damaged DOCX, a zip bomb) is accepted and its job fails with the "
                    + "reader's reason (`status` failed, `error`).",
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "stored and queued"),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "400",
                        description = "`{\"errors\":[{\"field\",\"message\"}]}`: a missing field, or a file that is no transcript"),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "413",
                        description = "a file over 20 MB or a request over 100 MB (declared or streamed); nothing is stored")})
    @PostMapping(path = "/interviews", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Accepted> upload(Staff staff, ServerWebExchange exchange) {
        return exchange.getMultipartData()
                .map(parts -> UploadRequest.from(parts, false))
                .flatMap(request -> access.readable(staff, request.dealId())
                        .then(request.checkContents())
                        .thenMany(Flux.fromIterable(request.files()))
                        .concatMap(file -> interviews.upload(staff.workspace(), staff.email(), request.upload(file), file.content()))
                        .last())
                .map(interview -> new Accepted(interview.id(), "queued"));
    }

    @GetMapping("/interviews/{id}")
    Mono<InterviewView> interview(Staff staff, @PathVariable String id) {
        return review.view(staff, id);
    }

    @GetMapping("/deals/{dealId}/interviews")
    Mono<Items<Summary>> forDeal(Staff staff, @PathVariable String dealId) {
        return access.readable(staff, dealId)
                .thenMany(interviews.forDeal(staff.workspace(), dealId))
                .concatMap(i -> interviews.job(staff.workspace(), i).map(j -> j.status().id()).defaultIfEmpty("queued")
                        .map(status -> new Summary(i.id(), i.fileName(), status, i.uploadedAt())))
                .collectList().map(Items::new);
    }

    @PatchMapping("/interviews/{id}/sentences/{index}")
    Mono<InterviewView.Sentence> correct(Staff staff, @PathVariable String id, @PathVariable int index,
            @RequestBody InterviewReview.Patch patch) {
        return review.correct(staff, id, index, patch).map(InterviewView.Sentence::of);
    }

    /** 204 once the interview, its file, tags, corrections and jobs are deleted; 404 when there is none. */
    @DeleteMapping("/interviews/{id}")
    @PreAuthorize("hasRole('ANALYST')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Staff staff, @PathVariable String id) {
        return interviews.delete(staff.workspace(), id);
    }

    @PostMapping("/interviews/{id}/reanalyze")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Accepted> reanalyze(Staff staff, @PathVariable String id) {
        return review.reanalyze(staff, id).map(job -> new Accepted(id, job.status().id()));
    }
}
