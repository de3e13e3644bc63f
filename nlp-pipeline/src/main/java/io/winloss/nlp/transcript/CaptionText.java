package io.winloss.nlp.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the payload of WebVTT and SRT captions into who said what: it removes markup ({@code <i>}, {@code <c.x>},
 * {@code <ruby>}, {@code <00:00:01.000>}, SRT's {@code <font ...>} and {@code {\an8}}), decodes character references,
 * and finds the speaker from a voice span ({@code <v Name>}, {@code <v.loud Name>}, unclosed {@code <v Name>}) or a
 * label ({@code Name: text}, {@code - [Name] text}).
 *
 * <p>Voices follow the WebVTT cue text rules: several voice spans in one caption become several cues in order; text
 * outside a voice span belongs to the caption's last voice, or to nobody before the first one. Labels follow the
 * conventions of caption files, where a label marks a change of speaker: a caption without one continues the last
 * labelled speaker. A {@code Name:} label counts only when the file has at least two label lines, so a lone
 * {@code MAN:} or {@code Note:} stays text. Each caption is read in one pass.
 */
final class CaptionText {
    /** How {@code <} is read: WebVTT always opens a tag; SRT opens one only for something tag-shaped, else it is text. */
    enum Markup { WEBVTT, SRT }

    private static final int MAX_SRT_TAG_CHARS = 200;

    /** A stretch of caption text and its voice: null when no voice span covers it. */
    private record Part(String voice, String text) {
    }

    private CaptionText() {
    }

    static List<Cue> toCues(List<Caption> captions, Markup markup) {
        List<List<Part>> parts = new ArrayList<>(captions.size());
        int labelLines = 0;
        for (Caption caption : captions) {
            List<Part> captionParts = parts(caption.text(), markup);
            parts.add(captionParts);
            for (Part part : captionParts) {
                if (part.voice() == null) {
                    for (String line : part.text().split("\n", -1)) {
                        if (SpeakerLabel.of(line) != null) {
                            labelLines++;
                        }
                    }
                }
            }
        }
        boolean trustColonLabels = labelLines >= 2;
        List<Cue> cues = new ArrayList<>();
        String labelled = "";
        for (int i = 0; i < captions.size(); i++) {
            Caption caption = captions.get(i);
            for (Part part : parts.get(i)) {
                if (part.voice() != null) {
                    add(cues, caption, part.voice(), part.text());
                    continue;
                }
                StringBuilder text = new StringBuilder();
                for (String line : part.text().split("\n", -1)) {
                    SpeakerLabel label = SpeakerLabel.of(line);
                    if (label != null && (label.marked() || trustColonLabels)) {
                        add(cues, caption, labelled, text);
                        text.setLength(0);
                        labelled = label.speaker();
                        text.append(label.text());
                    } else {
                        text.append('\n').append(line);
                    }
                }
                add(cues, caption, labelled, text);
            }
        }
        return cues;
    }

    private static void add(List<Cue> cues, Caption caption, String speaker, CharSequence text) {
        String words = Whitespace.collapse(text);
        if (!words.isEmpty()) {
            cues.add(new Cue(caption.start(), caption.end(), speaker, words));
        }
    }

    private static List<Part> parts(String text, Markup markup) {
        List<Part> parts = new ArrayList<>(1);
        StringBuilder current = new StringBuilder();
        String voice = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '&') {
                i = CharacterReferences.decode(text, i, current);
            } else if (c == '<') {
                int end = tagEnd(text, i, markup);
                if (end < 0) {
                    current.append(c);
                    i++;
                    continue;
                }
                String tag = text.substring(i + 1, Math.min(end, text.length()));
                i = Math.min(end + 1, text.length());
                String name = voiceName(tag);
                if (name != null) {
                    if (current.length() > 0) {
                        parts.add(new Part(voice, current.toString()));
                        current.setLength(0);
                    }
                    voice = name;
                }
            } else if (c == '{' && markup == Markup.SRT && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                int close = boundedIndexOf(text, '}', i, MAX_SRT_TAG_CHARS);
                if (close < 0) {
                    current.append(c);
                    i++;
                } else {
                    i = close + 1;
                }
            } else {
                current.append(c);
                i++;
            }
        }
        if (current.length() > 0) {
            parts.add(new Part(voice, current.toString()));
        }
        return parts;
    }

    /**
     * Where the tag opened at {@code lt} ends (the index of its {@code >}, or the text's length when WebVTT's tag runs
     * to the end), or -1 when the {@code <} is plain text.
     */
    private static int tagEnd(String text, int lt, Markup markup) {
        if (markup == Markup.WEBVTT) {
            int gt = text.indexOf('>', lt + 1);
            return gt < 0 ? text.length() : gt;
        }
        if (lt + 1 >= text.length()) {
            return -1;
        }
        char next = text.charAt(lt + 1);
        if (!(Character.isLetter(next) || next == '/')) {
            return -1;
        }
        int limit = Math.min(text.length(), lt + 1 + MAX_SRT_TAG_CHARS);
        for (int i = lt + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '>') {
                return i;
            }
            if (c == '<' || c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** The speaker of a {@code v} start tag (empty for {@code <v>}), or null for any other tag. */
    private static String voiceName(String tag) {
        if (tag.isEmpty() || tag.charAt(0) != 'v') {
            return null;
        }
        if (tag.length() > 1) {
            char second = tag.charAt(1);
            if (!(second == '.' || CueTimings.isWebVttWhitespace(second))) {
                return null;
            }
        }
        int annotation = 1;
        while (annotation < tag.length() && !CueTimings.isWebVttWhitespace(tag.charAt(annotation))) {
            annotation++;
        }
        StringBuilder name = new StringBuilder();
        for (int i = annotation; i < tag.length(); ) {
            if (tag.charAt(i) == '&') {
                i = CharacterReferences.decode(tag, i, name);
            } else {
                name.append(tag.charAt(i++));
            }
        }
        return Whitespace.collapse(name);
    }

    private static int boundedIndexOf(String text, char wanted, int from, int maxChars) {
        int limit = Math.min(text.length(), from + maxChars);
        for (int i = from; i < limit; i++) {
            if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }
}
