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
     * itself and publishes none. {@code previousOwnerId} is null when nobody owned it. {@code by} is who changed
     * the owner ({@code AuditLog.currentActor()} in the change's transaction): the listeners run after its commit,
     * without its signed-in user, and audit the work they do for it in that person's name
     * ({@code AuditLog.onBehalfOf}); null in a publication stored before session 46, whose work is Baton's.
     */
    public record Transferred(long accountId, Long previousOwnerId, long ownerId, String by) {}
}
