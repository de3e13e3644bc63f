package io.winloss.nlp.transcript;

import java.time.Duration;

/**
 * One timed block of a WebVTT or SRT file exactly as the file holds it: what a browser counts as one cue.
 * Its text still carries markup and speaker labels; {@link CaptionText} turns it into {@link Cue}s.
 *
 * @param id    the cue identifier (WebVTT) or sequence number (SRT), empty when absent
 * @param start start time
 * @param end   end time, which WebVTT allows to be before the start
 * @param text  the payload lines joined with line feeds, markup included
 */
record Caption(String id, Duration start, Duration end, String text) {
}
