package io.winloss.portal.postmortem;

import java.util.List;

/** A post-mortem as a client sent it ({@code PUT /api/deals/{id}/post-mortem}), before {@link PostMortemValidator} reads it. */
record PostMortemInput(String problem, List<String> whys, List<RootCauseInput> rootCauses) {

    record RootCauseInput(String cause, String category) {
    }

    PostMortemInput {
        whys = whys == null ? List.of() : whys;
        rootCauses = rootCauses == null ? List.of() : rootCauses;
    }
}
