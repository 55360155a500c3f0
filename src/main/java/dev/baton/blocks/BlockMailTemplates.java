package dev.baton.blocks;

import java.util.List;

/**
 * The mail templates {@code baton.send-email} offers, by name. Each is a pair of files in the
 * notification feature, {@code mail/text/block-<name>.txt} and {@code mail/html/block-<name>.html},
 * rendered with: recipientName, accountId, accountName, ownerName (may be null), message (the
 * step's {@code message} input, may be null).
 */
public final class BlockMailTemplates {

    private BlockMailTemplates() {}

    /** A note about the account to someone at Baton's side, with the step's message. */
    public static final String ACCOUNT_NOTE = "account-note";
    /** Asks the recipient to check in with the customer (e.g. after a quiet spell). */
    public static final String CHECK_IN_REMINDER = "check-in-reminder";
    /** To the customer, written for the account's owner (replies go to the owner). */
    public static final String CUSTOMER_CHECK_IN = "customer-check-in";

    public static final List<String> NAMES = List.of(ACCOUNT_NOTE, CHECK_IN_REMINDER, CUSTOMER_CHECK_IN);

    /** The template's file name (without folder and suffix) for {@code MailComposer}. */
    public static String file(String name) {
        return "block-" + name;
    }
}
