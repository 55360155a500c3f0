package dev.baton.shared;

/**
 * The reason given for cancelling something Baton runs (a handover, a playbook run), checked the same
 * way for the API and the pages.
 */
public final class CancelReason {

    /**
     * The longest reason, in characters as PostgreSQL counts them (code points: an emoji is one, not
     * Java's two); the columns are {@code text}, the limit keeps the audit and the pages readable.
     */
    public static final int MAX = 2000;

    private CancelReason() {}

    /**
     * The reason without leading and trailing blanks.
     *
     * @param what what is cancelled, for the message ("handover", "run")
     * @throws BadRequestException (field {@code reason}) when it is missing or blank, over {@value #MAX}
     *     characters, or not plain text ({@link Text#notPlainText})
     */
    public static String checked(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new BadRequestException("reason", "say why the " + what + " is canceled");
        }
        String stripped = reason.strip();
        if (SizeInCharacters.characters(stripped) > MAX) {
            throw new BadRequestException("reason", SizeInCharacters.atMost(MAX));
        }
        String notPlain = Text.notPlainText(stripped);
        if (notPlain != null) {
            throw new BadRequestException("reason", notPlain);
        }
        return stripped;
    }
}
