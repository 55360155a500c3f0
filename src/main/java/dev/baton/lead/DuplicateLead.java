package dev.baton.lead;

import dev.baton.shared.ConflictException;

/**
 * A lead whose e-mail address an existing lead or contact already has: not created (409), the
 * existing record named so the caller can go to it.
 *
 * @param type "lead" or "contact"
 * @param accountId the contact's account (null for a lead)
 */
public class DuplicateLead extends ConflictException {

    private final String type;
    private final long id;
    private final Long accountId;

    DuplicateLead(String type, long id, Long accountId) {
        super("a " + type + " with this e-mail already exists (" + type + " " + id
                + (accountId == null ? "" : " at account " + accountId) + "): nothing created");
        this.type = type;
        this.id = id;
        this.accountId = accountId;
    }

    public String type() {
        return type;
    }

    public long id() {
        return id;
    }

    public Long accountId() {
        return accountId;
    }
}
