package dev.baton.people;

/**
 * Something a person owns that must be handed over before they leave. Features that own work
 * (accounts, commitments) implement it, so the people feature depends on none of them.
 */
public interface OwnedWork {

    long countOwnedBy(Person person);

    /**
     * Plural noun for the message, e.g. {@code "open commitments"}: a regular plural, as the message
     * drops its last letter for one ({@code "1 open commitment"}).
     */
    String noun();

    /**
     * Whether a handover of the person moves this work (their accounts, commitments, tasks do); work
     * that only comes to them (accounts a running handover is to move to them as successor) does not: it
     * needs another successor in that handover, and the refusal says so instead of "launch a handover".
     */
    default boolean movedByTheirHandover() {
        return true;
    }
}
