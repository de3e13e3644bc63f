package io.winloss.portal.analysis;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;

import io.winloss.portal.account.Staff;
import io.winloss.portal.web.ApiController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code GET /api/corrections}: the workspace's corrected sentences as JSON Lines ({@link CorrectedSentences}); admins only. */
@ApiController("/api/corrections")
class CorrectionsApi {

    private final CorrectedSentences corrected;

    CorrectionsApi(CorrectedSentences corrected) {
        this.corrected = corrected;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<ResponseEntity<Flux<DataBuffer>>> export(Staff staff) {
        return corrected.download(staff.workspace());
    }
}
