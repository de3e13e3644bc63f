package io.winloss.portal.postmortem;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a deal's timeline.
 *
 * @param at     the moment, or null when only the day is known
 * @param kind   what happened, for the page's styling: {@code opened}, {@code touchpoint}, {@code invitation},
 *               {@code answer}, {@code interview}, {@code closed}
 * @param title  what happened, in words ("Call", "Survey invitation sent")
 * @param detail what was said or to whom, as users wrote it (shown escaped), or null
 * @param by     who on our side, or null
 * @param link   a page with more, or null
 */
public record TimelineEvent(LocalDate day, Instant at, String kind, String title, String detail, String by, String link) {
}
