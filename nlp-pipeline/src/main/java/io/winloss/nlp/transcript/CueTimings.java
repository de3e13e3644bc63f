package io.winloss.nlp.transcript;

import java.time.Duration;

/**
 * Reads the {@code start --> end} line of a caption. {@link #strict} is the WebVTT specification's algorithm
 * ({@code [h*:]mm:ss.ttt}, exactly two digits for minutes and seconds, three for milliseconds), so that a
 * {@code .vtt} file yields the cues a browser shows. {@link #lenient} also takes what real exports write:
 * Microsoft Teams' {@code 0:0:0.570}, SRT's {@code 00:00:07,560} and {@code 0:0:7,560}, one to three fraction
 * digits (read as a decimal fraction: {@code .04} is 40 ms), no fraction at all, and a comma in one timestamp with
 * a dot in the other. Both are single left-to-right scans.
 */
final class CueTimings {
    /** A parsed timing line; {@code commaMillis} tells whether a timestamp used SRT's comma before the milliseconds. */
    record Span(Duration start, Duration end, boolean commaMillis) {
    }

    private static final int MAX_HOUR_DIGITS = 9;

    private final String line;
    private int position;
    private final boolean lenient;
    private boolean sawComma;

    private CueTimings(String line, boolean lenient) {
        this.line = line;
        this.lenient = lenient;
    }

    /** The timings by the WebVTT specification, or null when a browser would drop the cue. */
    static Span strict(String line) {
        return new CueTimings(line, false).span();
    }

    /** The timings as real-world SRT files and Teams exports write them, or null when the line is not a timing line. */
    static Span lenient(String line) {
        return new CueTimings(line, true).span();
    }

    private Span span() {
        skipWhitespace();
        long start = timestamp();
        if (start < 0) {
            return null;
        }
        skipWhitespace();
        if (!line.startsWith("-->", position)) {
            return null;
        }
        position += 3;
        skipWhitespace();
        long end = timestamp();
        if (end < 0) {
            return null;
        }
        return new Span(Duration.ofMillis(start), Duration.ofMillis(end), sawComma);
    }

    /** Milliseconds, or -1 when the text at the position is not a timestamp. */
    private long timestamp() {
        return lenient ? lenientTimestamp() : strictTimestamp();
    }

    private long strictTimestamp() {
        int firstStart = position;
        long first = digits();
        if (first < 0) {
            return -1;
        }
        boolean hours = position - firstStart != 2 || first > 59;
        if (!consume(':')) {
            return -1;
        }
        int secondStart = position;
        long second = digits();
        if (second < 0 || position - secondStart != 2) {
            return -1;
        }
        long h;
        long m;
        long s;
        if (hours || peek() == ':') {
            if (!consume(':')) {
                return -1;
            }
            int thirdStart = position;
            long third = digits();
            if (third < 0 || position - thirdStart != 2) {
                return -1;
            }
            h = first;
            m = second;
            s = third;
        } else {
            h = 0;
            m = first;
            s = second;
        }
        if (!consume('.')) {
            return -1;
        }
        int fractionStart = position;
        long millis = digits();
        if (millis < 0 || position - fractionStart != 3 || m > 59 || s > 59) {
            return -1;
        }
        return total(h, m, s, millis);
    }

    private long lenientTimestamp() {
        int firstStart = position;
        long first = digits();
        if (first < 0 || !consume(':')) {
            return -1;
        }
        int firstLength = position - 1 - firstStart;
        int secondStart = position;
        long second = digits();
        if (second < 0 || position - secondStart > 2) {
            return -1;
        }
        long h;
        long m;
        long s;
        if (consume(':')) {
            int thirdStart = position;
            long third = digits();
            if (third < 0 || position - thirdStart > 2) {
                return -1;
            }
            h = first;
            m = second;
            s = third;
        } else {
            if (firstLength > 2) {
                return -1;
            }
            h = 0;
            m = first;
            s = second;
        }
        long millis = 0;
        char separator = peek();
        if (separator == '.' || separator == ',') {
            position++;
            int fractionStart = position;
            long fraction = digits();
            int fractionLength = position - fractionStart;
            if (fraction < 0 || fractionLength > 3) {
                return -1;
            }
            millis = fractionLength == 1 ? fraction * 100 : fractionLength == 2 ? fraction * 10 : fraction;
            sawComma |= separator == ',';
        }
        if (m > 59 || s > 59) {
            return -1;
        }
        return total(h, m, s, millis);
    }

    private static long total(long h, long m, long s, long millis) {
        return ((h * 60 + m) * 60 + s) * 1000 + millis;
    }

    /** The value of the ASCII digits at the position, or -1 when there are none or too many to be a time. */
    private long digits() {
        int start = position;
        long value = 0;
        while (position < line.length() && isDigit(line.charAt(position))) {
            if (position - start >= MAX_HOUR_DIGITS) {
                return -1;
            }
            value = value * 10 + (line.charAt(position) - '0');
            position++;
        }
        return position == start ? -1 : value;
    }

    private boolean consume(char expected) {
        if (peek() == expected) {
            position++;
            return true;
        }
        return false;
    }

    private char peek() {
        return position < line.length() ? line.charAt(position) : '\0';
    }

    /** The specification's "ASCII whitespace": tab, line feed, form feed, carriage return, space. Not vertical tab. */
    private void skipWhitespace() {
        while (position < line.length() && isWebVttWhitespace(line.charAt(position))) {
            position++;
        }
    }

    static boolean isWebVttWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
