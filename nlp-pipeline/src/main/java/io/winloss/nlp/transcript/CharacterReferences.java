package io.winloss.nlp.transcript;

/**
 * Decodes the character references caption files use ({@code &amp;}, {@code &lt;}, {@code &gt;}, {@code &nbsp;},
 * {@code &lrm;}, {@code &rlm;}, {@code &quot;}, {@code &apos;}, {@code &#233;}, {@code &#xE9;}). Anything else is
 * kept as written, as a browser keeps an unknown reference.
 */
final class CharacterReferences {
    private static final int MAX_REFERENCE_CHARS = 10;

    private CharacterReferences() {
    }

    /**
     * Appends what the reference starting at {@code amp} stands for and returns the index after it; an ampersand that
     * starts no known reference is appended as itself.
     */
    static int decode(String text, int amp, StringBuilder out) {
        int limit = Math.min(text.length(), amp + 2 + MAX_REFERENCE_CHARS);
        int semicolon = -1;
        for (int i = amp + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == ';') {
                semicolon = i;
                break;
            }
            if (!(Character.isLetterOrDigit(c) || c == '#')) {
                break;
            }
        }
        if (semicolon > amp + 1) {
            int codePoint = codePoint(text.substring(amp + 1, semicolon));
            if (codePoint >= 0) {
                out.appendCodePoint(codePoint);
                return semicolon + 1;
            }
        }
        out.append('&');
        return amp + 1;
    }

    private static int codePoint(String name) {
        switch (name) {
            case "amp": return '&';
            case "lt": return '<';
            case "gt": return '>';
            case "nbsp": return '\u00A0';
            case "lrm": return '\u200E';
            case "rlm": return '\u200F';
            case "quot": return '"';
            case "apos": return '\'';
            default: return numeric(name);
        }
    }

    private static int numeric(String name) {
        if (name.length() < 2 || name.charAt(0) != '#') {
            return -1;
        }
        boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > 7) {
            return -1;
        }
        int value;
        try {
            value = Integer.parseInt(digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return -1;
        }
        if (value == 0 || value > Character.MAX_CODE_POINT || (value >= 0xD800 && value <= 0xDFFF)) {
            return '\uFFFD';
        }
        return value;
    }
}
