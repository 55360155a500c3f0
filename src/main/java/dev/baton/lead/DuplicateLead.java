package dev.baton.lead;

import dev.baton.shared.ConflictException;
import java.util.Map;

/**
 * A lead whose e-mail address an existing lead or contact already has: not created (409), the
 * existing record named so the caller can go to it: by id and account id for a client ({@link #id},
 * {@link #accountId}), in words in the message ("a lead with this e-mail already exists (Jane Doe at
 * Acme GmbH): nothing created").
 */
public class DuplicateLead extends ConflictException {

    private final String type;
    private final long id;
    private final Long accountId;

    /**
     * @param type "lead" or "contact"
     * @param name the lead's or contact's person name
     * @param company the lead's company or the contact's account name
     * @param accountId the contact's account (null for a lead)
     */
    DuplicateLead(String type, long id, String name, String company, Long accountId) {
        super("a " + type + " with this e-mail already exists (" + name + " at " + company + "): nothing created");
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

    /**
     * The existing record as the API's {@code duplicateOf} names it, in the 409 and in a 400 among other
     * problems alike: {@code type}, {@code id} and, for a contact, {@code accountId}.
     */
    public Map<String, Object> reference() {
        return accountId == null
                ? Map.of("type", type, "id", id)
                : Map.of("type", type, "id", id, "accountId", accountId);
    }
}
