package io.winloss.nlp.transcript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a transcript written as text, line by line, in the shapes real tools export:
 * <ul>
 * <li>{@code Jane Doe: text}, and {@code Jane Doe:} alone on a line before the text; a line without a label continues
 * the previous speaker's turn;</li>
 * <li>Otter.ai and Teams (TXT and DOCX) headers, a name, two or more spaces or a tab, and a time
 * ({@code Jane Doe  0:42}, {@code Jane Doe   1:02:03}), with the turn's text on the lines below;</li>
 * <li>{@code [00:01:02] Jane Doe: text}, {@code (01:02) Jane: text} and {@code 00:01:02 Jane Doe: text};</li>
 * <li>Zoom's closed-caption TXT, {@code 16:37:25 text} (no speakers: each line is a cue of its own, times kept as
 * Zoom writes them), whose optional first line of fields ({@code Name: ..., Age: ..., Role: ...}) describes the
 * meeting and is skipped;</li>
 * <li>text with no labels at all: one cue per paragraph, speaker empty.</li>
 * </ul>
 * A {@code Name:} label counts only when the file has at least two label lines, so that one line of prose that
 * happens to start with {@code Price: } does not become a speaker. Lines before the first label keep an empty speaker.
 */
final class PlainTextParser {
    /** One line, read: {@code speaker} is null when the line names nobody; {@code plain} is the line as text. */
    private record Line(String speaker, boolean trusted, Duration start, String text, String plain) {
    }

    private static final int MAX_TIME_CHARS = 16;
    private static final String OTTER_FOOTER = "transcribed by https://otter.ai";

    private final List<Cue> cues = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private String speaker = "";
    private Duration start;

    private PlainTextParser() {
    }

    /** The cues of a text whose line breaks are LF only. */
    static List<Cue> parseCues(String text) {
        return parseCues(Arrays.asList(text.split("\n", -1)));
    }

    /** The cues of a document given as lines (a DOCX file's paragraphs). */
    static List<Cue> parseCues(List<String> lines) {
        int skipped = firstNonBlank(lines);
        if (skipped >= 0 && !isMeetingFields(lines.get(skipped))) {
            skipped = -1;
        }
        List<Line> read = new ArrayList<>(lines.size());
        int labelLines = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = i == skipped || Whitespace.isBlank(lines.get(i)) || isOtterFooter(lines.get(i))
                    ? null : read(lines.get(i));
            read.add(line);
            if (line != null && line.speaker() != null) {
                labelLines++;
            }
        }
        PlainTextParser parser = new PlainTextParser();
        for (Line line : read) {
            parser.take(line, labelLines >= 2);
        }
        parser.flush();
        return parser.cues;
    }

    private void take(Line line, boolean trustLabels) {
        if (line == null) {
            flush();
            return;
        }
        if (line.speaker() != null && (line.trusted() || trustLabels)) {
            flush();
            speaker = line.speaker();
            start = line.start();
            text.append(line.text());
        } else if (line.start() != null) {
            flush();
            start = line.start();
            text.append(line.plain());
        } else {
            text.append('\n').append(line.plain());
        }
    }

    private void flush() {
        String words = Whitespace.collapse(text);
        if (!words.isEmpty()) {
            cues.add(new Cue(start, null, speaker, words));
        }
        text.setLength(0);
        start = null;
    }

    private static Line read(String raw) {
        String line = raw.strip();
        Line header = speakerHeader(line);
        if (header != null) {
            return header;
        }
        Line timed = timestamped(line);
        if (timed != null) {
            return timed;
        }
        SpeakerLabel label = SpeakerLabel.of(line);
        if (label != null) {
            return new Line(label.speaker(), label.marked(), null, label.text(), line);
        }
        return new Line(null, false, null, line, line);
    }

    /** {@code Jane Doe  0:42}: a name, a gap of two or more spaces or a tab, and a time, nothing else. */
    private static Line speakerHeader(String line) {
        int timeStart = line.length();
        while (timeStart > 0 && !Whitespace.isSpace(line.charAt(timeStart - 1))) {
            timeStart--;
        }
        int gapStart = timeStart;
        while (gapStart > 0 && Whitespace.isSpace(line.charAt(gapStart - 1))) {
            gapStart--;
        }
        String gap = line.substring(gapStart, timeStart);
        if (gapStart == 0 || !(gap.length() >= 2 || gap.contains("\t"))) {
            return null;
        }
        Duration time = clockTime(line.substring(timeStart), false);
        String name = Whitespace.collapse(line.substring(0, gapStart));
        if (time == null || !SpeakerLabel.isName(name)) {
            return null;
        }
        return new Line(name, true, time, "", line);
    }

    /** {@code [00:01:02] rest}, {@code (01:02) rest}, or {@code 00:01:02 rest} (hours needed unless a label follows). */
    private static Line timestamped(String line) {
        Duration time;
        String rest;
        if (line.startsWith("[") || line.startsWith("(")) {
            int close = line.indexOf(line.charAt(0) == '[' ? ']' : ')');
            if (close < 0 || close > MAX_TIME_CHARS) {
                return null;
            }
            time = clockTime(line.substring(1, close), false);
            rest = line.substring(close + 1).strip();
        } else {
            int space = 0;
            while (space < line.length() && space <= MAX_TIME_CHARS && !Whitespace.isSpace(line.charAt(space))) {
                space++;
            }
            if (space >= line.length() || space > MAX_TIME_CHARS) {
                return null;
            }
            rest = line.substring(space).strip();
            time = clockTime(line.substring(0, space), SpeakerLabel.of(rest) == null);
        }
        if (time == null) {
            return null;
        }
        SpeakerLabel label = SpeakerLabel.of(rest);
        if (label != null) {
            return new Line(label.speaker(), label.marked(), time, label.text(), rest);
        }
        return new Line(null, false, time, rest, rest);
    }

    /** {@code m:ss}, {@code mm:ss}, {@code h:mm:ss} or {@code hh:mm:ss}, optionally with a fraction; null otherwise. */
    static Duration clockTime(String s, boolean hoursRequired) {
        if (s.length() > MAX_TIME_CHARS) {
            return null;
        }
        String[] fields = s.split("[.,]", -1);
        if (fields.length > 2 || (fields.length == 2 && !(isDigits(fields[1], 1, 3)))) {
            return null;
        }
        String[] parts = fields[0].split(":", -1);
        if (parts.length < (hoursRequired ? 3 : 2) || parts.length > 3 || !isDigits(parts[0], 1, 2)) {
            return null;
        }
        long seconds = 0;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0 && !isDigits(parts[i], 2, 2)) {
                return null;
            }
            long value = Long.parseLong(parts[i]);
            if (i > 0 && value > 59) {
                return null;
            }
            seconds = seconds * 60 + value;
        }
        long millis = 0;
        if (fields.length == 2) {
            String fraction = (fields[1] + "00").substring(0, 3);
            millis = Long.parseLong(fraction);
        }
        return Duration.ofMillis(seconds * 1000 + millis);
    }

    /** Zoom's first line {@code Name: Jane Doe, Age: 20, Role: Senior Consultant,}: two or more {@code Field: value}s. */
    private static boolean isMeetingFields(String line) {
        int fields = 0;
        for (String segment : line.split(",", -1)) {
            if (Whitespace.isBlank(segment)) {
                continue;
            }
            int colon = segment.indexOf(':');
            if (colon < 0 || Whitespace.isBlank(segment.substring(colon + 1))) {
                return false;
            }
            String field = segment.substring(0, colon).strip();
            if (field.isEmpty() || field.length() > 30 || !Character.isUpperCase(field.charAt(0))
                    || !field.chars().allMatch(c -> Character.isLetter(c) || c == ' ')) {
                return false;
            }
            fields++;
        }
        return fields >= 2;
    }

    private static boolean isOtterFooter(String line) {
        String stripped = line.strip();
        return stripped.regionMatches(true, 0, OTTER_FOOTER, 0, OTTER_FOOTER.length());
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!Whitespace.isBlank(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigits(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
