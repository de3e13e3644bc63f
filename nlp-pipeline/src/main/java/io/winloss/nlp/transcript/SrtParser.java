package io.winloss.nlp.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads SubRip (SRT) as real tools write it, which is looser than any specification: the sequence number is optional,
 * timings take {@code ,} or {@code .} before one to three fraction digits and one-digit hours, minutes and seconds
 * ({@code 0:0:7,560}), anything after the end time ({@code X1:40 X2:600 ...}) is ignored, and captions with no text
 * are dropped. A timing line that mixes {@code ,} and {@code .} ({@code 00:00:07,000 --> 00:00:11.890}) is read, not
 * rejected as webvtt-py does: the times are unambiguous and losing the caption would lose speech. Text after a blank
 * line that starts no new caption is kept as more text of the caption before it; a broken timing line and its number
 * are skipped.
 */
final class SrtParser {
    static final String NO_TIMINGS = "not an SRT file: it has no timing line such as 00:00:01,000 --> 00:00:04,000";

    private SrtParser() {
    }

    /** The captions with text, in file order; the text must have LF line breaks only. */
    static List<Caption> parseCaptions(String text) throws UnreadableTranscript {
        String[] lines = text.split("\n", -1);
        List<Caption> captions = new ArrayList<>();
        boolean sawTiming = false;
        String pendingId = "";
        CueTimings.Span timings = null;
        StringBuilder payload = new StringBuilder();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            CueTimings.Span here = line.contains("-->") ? CueTimings.lenient(line) : null;
            boolean sequenceNumber = here == null && isNumber(line) && i + 1 < lines.length
                    && lines[i + 1].contains("-->") && CueTimings.lenient(lines[i + 1]) != null;
            if (here != null || sequenceNumber) {
                add(captions, pendingId, timings, payload);
                sawTiming = true;
                pendingId = sequenceNumber ? line.strip() : "";
                timings = sequenceNumber ? CueTimings.lenient(lines[i + 1]) : here;
                i += sequenceNumber ? 2 : 1;
                continue;
            }
            boolean brokenTiming = isBrokenTiming(line)
                    || (isNumber(line) && i + 1 < lines.length && isBrokenTiming(lines[i + 1]));
            if (timings != null && !brokenTiming) {
                if (payload.length() > 0) {
                    payload.append('\n');
                }
                payload.append(line);
            }
            i++;
        }
        add(captions, pendingId, timings, payload);
        if (!sawTiming) {
            throw new UnreadableTranscript(NO_TIMINGS);
        }
        return captions;
    }

    /** What each speaker said, caption by caption, markup removed. */
    static List<Cue> parseCues(String text) throws UnreadableTranscript {
        return CaptionText.toCues(parseCaptions(text), CaptionText.Markup.SRT);
    }

    private static void add(List<Caption> captions, String id, CueTimings.Span timings, StringBuilder payload) {
        if (timings != null && !Whitespace.isBlank(payload)) {
            captions.add(new Caption(id, timings.start(), timings.end(), payload.toString().strip()));
        }
        payload.setLength(0);
    }

    /** A line meant as a timing line that is not one: {@code 00:00:04,000 -> 00:00:05,000}, {@code 1:02 --> ?}. */
    private static boolean isBrokenTiming(String line) {
        String s = line.strip();
        return !s.isEmpty() && Character.isDigit(s.charAt(0))
                && (s.contains("->") || s.contains("- >") || s.contains("\u2192"));
    }

    private static boolean isNumber(String line) {
        String digits = line.strip();
        if (digits.isEmpty() || digits.length() > 9) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
