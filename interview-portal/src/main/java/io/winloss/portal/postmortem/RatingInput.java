package io.winloss.portal.postmortem;

import io.swagger.v3.oas.annotations.media.Schema;

/** A rating as sent by the API or the page's form, before {@link RatingValidator} reads it. */
record RatingInput(@Schema(type = "integer", minimum = "1", maximum = "5", example = "4") String score,
        @Schema(description = "What worked in this post-mortem") String worked,
        @Schema(description = "What felt biased in it") String biased) {
}
