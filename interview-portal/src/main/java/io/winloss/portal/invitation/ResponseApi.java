package io.winloss.portal.invitation;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.winloss.portal.account.Staff;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Mono;

/** One buyer's answer sheet by its id (a deal's are listed under {@code /api/deals/{id}/responses}): deleting it. */
@ApiController("/api/responses")
@PreAuthorize("hasRole('ANALYST')")
class ResponseApi {

    private final Responses responses;

    ResponseApi(Responses responses) {
        this.responses = responses;
    }

    /**
     * 204 once the answers, their tags and corrections are deleted; 404 when there are none. The invitation stays
     * answered, so the buyer is not asked again (see {@link Responses}).
     */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Staff staff, @PathVariable String id) {
        return responses.delete(staff.workspace(), id);
    }
}
