package io.winloss.nlp.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads WebVTT by the specification's parsing algorithm (W3C WebVTT, section 6.1): the signature, the header,
 * blocks separated by blank lines, cue identifiers (which may contain {@code -->} on their own line), timings,
 * and {@code NOTE}, {@code STYLE} and {@code REGION} blocks, which are skipped. A cue whose end is before its start
 * is still a cue, as the specification says.
 *
 * <p>One deliberate leniency: when the first timing line of the file is valid only in the short form Microsoft Teams
 * writes ({@code 0:0:0.0 --> 0:0:0.570}) or without milliseconds ({@code 00:01:39 --> 00:01:41.04}, as go-astisub
 * reads), the whole file is read with {@link CueTimings#lenient lenient timings}. A browser drops those cues; a
 * transcript reader should not lose a real export. Files whose first timing line is valid keep the strict rules,
 * so malformed timings in them are dropped as a browser drops them.
 */
final class WebVttParser {
    static final String NOT_WEBVTT = "not a WebVTT file: it does not start with WEBVTT";

    private final String text;
    private final boolean lenientTimings;
    private final List<Caption> captions = new ArrayList<>();
    private int position;

    private WebVttParser(String text, boolean lenientTimings) {
        this.text = text;
        this.lenientTimings = lenientTimings;
    }

    /** The cues a WebVTT parser finds, with their text as written; the text must have LF line breaks only. */
    static List<Caption> parseCaptions(String text) throws UnreadableTranscript {
        if (!hasSignature(text)) {
            throw new UnreadableTranscript(NOT_WEBVTT);
        }
        return new WebVttParser(text, firstTimingIsLenientOnly(text)).blocks();
    }

    /** What each speaker said, cue by cue, markup removed. */
    static List<Cue> parseCues(String text) throws UnreadableTranscript {
        return CaptionText.toCues(parseCaptions(text), CaptionText.Markup.WEBVTT);
    }

    static boolean hasSignature(String text) {
        if (!text.startsWith("WEBVTT")) {
            return false;
        }
        if (text.length() == 6) {
            return true;
        }
        char seventh = text.charAt(6);
        return seventh == ' ' || seventh == '\t' || seventh == '\n';
    }

    private static boolean firstTimingIsLenientOnly(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = lineEnd(text, start);
            String line = text.substring(start, end);
            if (line.contains("-->") && CueTimings.lenient(line) != null) {
                return CueTimings.strict(line) == null;
            }
            start = end + 1;
        }
        return false;
    }

    private List<Caption> blocks() {
        position = lineEnd(text, 0);
        if (position >= text.length()) {
            return captions;
        }
        position++;
        if (position >= text.length()) {
            return captions;
        }
        if (text.charAt(position) != '\n') {
            collectBlock(true);
        } else {
            position++;
        }
        skipLineFeeds();
        while (position < text.length()) {
            Caption caption = collectBlock(false);
            if (caption != null) {
                captions.add(caption);
            }
            skipLineFeeds();
        }
        return captions;
    }

    /** The specification's "collect a WebVTT block": returns the cue, or null for a header, note, style or region. */
    private Caption collectBlock(boolean inHeader) {
        int lineCount = 0;
        int previousPosition = position;
        StringBuilder buffer = new StringBuilder();
        boolean seenArrow = false;
        CueTimings.Span timings = null;
        String id = "";
        while (true) {
            int end = lineEnd(text, position);
            String line = text.substring(position, end);
            position = end;
            lineCount++;
            boolean seenEof = position >= text.length();
            if (!seenEof) {
                position++;
            }
            if (line.contains("-->")) {
                if (!inHeader && (lineCount == 1 || (lineCount == 2 && !seenArrow))) {
                    seenArrow = true;
                    previousPosition = position;
                    timings = lenientTimings ? CueTimings.lenient(line) : CueTimings.strict(line);
                    if (timings != null) {
                        id = buffer.toString();
                        buffer.setLength(0);
                    }
                } else {
                    position = previousPosition;
                    break;
                }
            } else if (line.isEmpty()) {
                break;
            } else {
                if (buffer.length() > 0) {
                    buffer.append('\n');
                }
                buffer.append(line);
                previousPosition = position;
            }
            if (seenEof) {
                break;
            }
        }
        return timings == null ? null : new Caption(id, timings.start(), timings.end(), buffer.toString());
    }

    private void skipLineFeeds() {
        while (position < text.length() && text.charAt(position) == '\n') {
            position++;
        }
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }
}
