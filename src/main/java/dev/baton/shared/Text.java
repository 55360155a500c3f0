package dev.baton.shared;

import java.text.Normalizer;

/**
 * What counts as text in Baton, in one place: the JSON binding, the constraints {@link SingleLine}
 * and {@link PlainText}, form values and mail subjects all use it.
 */
public final class Text {

    private Text() {}

    /**
     * NFC-normalised, without leading and trailing whitespace in the Unicode sense (no-break and
     * other spaces, and the invisible zero-width ones), so a name of only such characters is blank.
     * Null stays null.
     */
    public static String normalise(String s) {
        if (s == null) {
            return null;
        }
        String n = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        int start = 0;
        int end = n.length();
        while (start < end && blank(n.charAt(start))) {
            start++;
        }
        while (end > start && blank(n.charAt(end - 1))) {
            end--;
        }
        return n.substring(start, end);
    }

    /**
     * Why {@code s} is not text, or null when it is: a NUL byte (PostgreSQL refuses them) or a lone
     * surrogate (stored as '?'), anywhere.
     */
    public static String notText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "must not contain NUL characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain unpaired surrogate characters";
            }
        }
        return null;
    }

    /**
     * Why {@code s} is not one line of plain text, or null: besides {@link #notText}, control
     * characters (line breaks and tabs included) and format characters (bidi overrides, zero-width
     * characters) are refused.
     */
    public static String notSingleLine(String s) {
        String problem = notText(s);
        if (problem != null) {
            return problem;
        }
        return s.codePoints().anyMatch(c -> isControl(c) || Character.getType(c) == Character.FORMAT)
                ? "must be one line without control or invisible formatting characters"
                : null;
    }

    /**
     * Why {@code s} is not plain (possibly multi-line) text, or null: line breaks and tabs are fine;
     * other control characters and the bidi overrides and isolates, which can make text read
     * differently from what it is, are refused.
     */
    public static String notPlainText(String s) {
        String problem = notText(s);
        if (problem != null) {
            return problem;
        }
        return s.codePoints().anyMatch(c -> (isControl(c) && c != '\n' && c != '\r' && c != '\t') || bidiControl(c))
                ? "must not contain control characters or bidi overrides"
                : null;
    }

    /** One line for a mail subject or header: every control or format character becomes a space. */
    public static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints()
                .forEach(c -> sb.appendCodePoint(isControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c));
        return sb.toString().trim();
    }

    /** At most {@code max} characters, with an ellipsis when cut: errors never echo megabytes back. */
    public static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max) + "… (" + s.length() + " characters)";
    }

    private static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL;
    }

    private static boolean bidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E
                || c == 0x200F
                || c == 0x061C;
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || c == '\u200B'
                || c == '\u200C'
                || c == '\u200D'
                || c == '\u2060'
                || c == '\uFEFF'
                || c == '\u180E';
    }
}
