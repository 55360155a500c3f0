package dev.baton.shared;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

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

    /**
     * The one form in which a name that people and systems spell differently is compared (a lead source, a
     * territory), so that a CRM's picklist label, a setting's key and an account's field are one name: lower case,
     * each run of spaces (any Unicode space, a no-break one too), dashes (any Unicode dash: a CRM or a spreadsheet
     * may turn "-" into "–") and underscores one hyphen, none at either end ("Demo Request", "demo_request",
     * "Demo – Request" and "DEMO-REQUEST" are {@code demo-request}; " us  east" is "US East"'s {@code us-east}).
     *
     * @param name the name as written, not null
     * @return its key; empty when it has nothing but spaces, dashes and underscores
     */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\p{Z}\\p{Pd}_]+", "-")
                .replaceAll("^-|-$", "");
    }

    /** One line for a mail subject or header: every control or format character becomes a space. */
    public static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints()
                .forEach(c -> sb.appendCodePoint(isControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c));
        return sb.toString().trim();
    }

    /**
     * {@code s} cut to a few words on one line, for a mail subject that must tell two mails apart at a glance:
     * every run of whitespace, control and format characters (line breaks too) one space, and past {@code max}
     * characters cut after the last whole word that fits (or mid-word, never inside a surrogate pair, when that
     * word would leave less than half) and ended with an ellipsis: "Pen test report with the remediation plan
     * for…".
     *
     * @param s the text, not null
     * @param max the most characters kept before the ellipsis
     */
    public static String firstWords(String s, int max) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || isControl(c)
                    || Character.getType(c) == Character.FORMAT) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.appendCodePoint(c);
            if (sb.length() > max) {
                int end = Character.isHighSurrogate(sb.charAt(max - 1)) ? max - 1 : max;
                // at the last whole word, unless that drops more than half of what fits
                int word = sb.charAt(end) == ' ' ? end : sb.lastIndexOf(" ", end);
                return sb.substring(0, word > max / 2 ? word : end).strip() + "…";
            }
        }
        return sb.toString();
    }

    /**
     * {@code s} as a reader can check it character by character, for names a machine matches exactly
     * (a job type, a process id): line breaks and tabs written {@code \\n}, {@code \\r}, {@code \\t}, and
     * every other character one cannot see ({@link #invisible}) as {@code \\u00a0}. A plain space stays.
     */
    public static String showInvisible(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (invisible(c)) {
                        sb.append(String.format(c > 0xFFFF ? "\\u{%x}" : "\\u%04x", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.toString();
    }

    /** {@code s} without the spaces and {@link #invisible} characters it starts or ends with; nothing else changed. */
    public static String stripInvisible(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || invisible(s.codePointAt(start)))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && (s.charAt(end - 1) == ' ' || invisible(s.codePointBefore(end)))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /**
     * A character that shows as nothing, or as a plain space: whitespace other than the space itself
     * (tabs, line breaks, no-break and other Unicode spaces), control and format characters (zero-width
     * spaces and joiners, bidi marks, the byte order mark), unassigned, private-use and lone surrogate
     * code points, and the Hangul fillers.
     */
    public static boolean invisible(int c) {
        if (c == ' ') {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.UNASSIGNED,
                    Character.PRIVATE_USE,
                    Character.SURROGATE,
                    Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> Character.isWhitespace(c) || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0;
        };
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

    /**
     * A count with its noun, singular for one: "1 open promise", "3 open promises" (never "promise(s)").
     *
     * @param noun the singular, made plural with an "s"
     */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Choices in a sentence: "Call, Meeting, Email or Note" for {@code conjunction} "or"; one alone as it
     * is, none as "".
     */
    public static String listed(List<String> items, String conjunction) {
        return items.size() < 2
                ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " " + items.getLast();
    }
}
