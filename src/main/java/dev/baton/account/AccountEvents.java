package dev.baton.account;

/**
 * Domain events the account feature publishes inside its transactions, delivered to other features after
 * commit through the event publication registry (again after a crash, until their listener has finished).
 */
public final class AccountEvents {

    private AccountEvents() {}

    /**
     * The account changed owner outside a handover ({@link AccountService#transfer}: the API, a data-quality
     * fix, a playbook's block, a won deal's customer success owner). A handover moves the account's work
     * itself and publishes none. {@code previousOwnerId} is null when nobody owned it.
     */
    public record Transferred(long accountId, Long previousOwnerId, long ownerId) {}
}
